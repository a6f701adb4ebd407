// Tests for formFields: the snapshot compared for unsaved changes and which server field
// names have an input on screen.
import { describe, expect, it } from "vitest";
import { formFields } from "./formFields";
import { type TextListItem, textListItems } from "./textList";

interface Values {
  name: string;
  items: TextListItem[];
  linkId: string | null;
  flag: boolean;
}

const FIELDS = formFields<Values>(["name", "flag"], ["items"]);

describe("formFields", () => {
  it("compares the list values, not the items' keys", () => {
    const values: Values = {
      name: "A",
      items: textListItems(["x", "y"]),
      linkId: null,
      flag: false,
    };
    const same: Values = { ...values, items: textListItems(["x", "y"]) };

    expect(FIELDS.snapshot(same)).toBe(FIELDS.snapshot(values));
    expect(FIELDS.snapshot({ ...values, name: "B" })).not.toBe(FIELDS.snapshot(values));
    expect(FIELDS.snapshot({ ...values, items: textListItems(["x"]) })).not.toBe(
      FIELDS.snapshot(values),
    );
    expect(FIELDS.snapshot({ ...values, flag: true })).not.toBe(FIELDS.snapshot(values));
  });

  it("knows the inputs on screen: text and boolean fields, the list and its shown items", () => {
    const values: Values = {
      name: "",
      items: textListItems(["x", "y"]),
      linkId: "abc",
      flag: true,
    };

    expect(FIELDS.hasInput(values, "name")).toBe(true);
    expect(FIELDS.hasInput(values, "flag")).toBe(true);
    expect(FIELDS.hasInput(values, "items")).toBe(true);
    expect(FIELDS.hasInput(values, "items[1]")).toBe(true);
    expect(FIELDS.hasInput(values, "items[2]")).toBe(false);
    expect(FIELDS.hasInput(values, "linkId")).toBe(false);
  });
});
