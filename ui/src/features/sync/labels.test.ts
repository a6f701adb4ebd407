// Tests for the words of the sync pages: a conflict's value as text, a field's form label by
// kind of record, and when a person may write a value of their own.
import { describe, expect, it } from "vitest";
import { makeConflictValue } from "../../test/fixtures";
import { acceptsWrittenValue, conflictFieldLabel, valueText, writtenValue } from "./labels";

describe("sync labels", () => {
  it("writes any value as plain text", () => {
    expect(valueText("Members")).toBe("Members");
    expect(valueText("<b>bold</b>")).toBe("<b>bold</b>");
    expect(valueText(null)).toBe("(empty)");
    expect(valueText("")).toBe("(empty)");
    expect(valueText(["CiviCRM", "Mailchimp"])).toBe("CiviCRM, Mailchimp");
    expect(valueText([])).toBe("(empty)");
    expect(valueText(true)).toBe("Yes");
    expect(valueText(false)).toBe("No");
    expect(valueText(16)).toBe("16");
    expect(valueText({ a: 1 })).toBe('{"a":1}');
  });

  it("names a field by its form's label for the kind of record, or else by its API name", () => {
    expect(conflictFieldLabel("activity", "dataLocation")).toBe("Location of the data");
    expect(conflictFieldLabel("recipient", "dpaStatus")).toBe("DPA status");
    expect(conflictFieldLabel("purpose", "description")).toBe("Purpose");
    expect(conflictFieldLabel("retentionRule", "triggerEvent")).toBe("Counted from");
    expect(conflictFieldLabel("organisation", "legalName")).toBe("Legal name");
    expect(conflictFieldLabel("activity", "somethingNew")).toBe("somethingNew");
    expect(conflictFieldLabel("activity", "constructor")).toBe("constructor");
  });

  it("offers a written value only when every value is text or empty", () => {
    expect(acceptsWrittenValue([makeConflictValue(), makeConflictValue({ value: null })])).toBe(
      true,
    );
    expect(acceptsWrittenValue([makeConflictValue(), makeConflictValue({ value: ["a"] })])).toBe(
      false,
    );
    expect(acceptsWrittenValue([makeConflictValue({ value: true })])).toBe(false);
    expect(writtenValue("")).toBeNull();
    expect(writtenValue(" x ")).toBe(" x ");
  });
});
