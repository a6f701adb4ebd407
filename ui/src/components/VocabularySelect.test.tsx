// Tests for the vocabulary picker: it shows an entry's label and holds its id, keeps own
// words as typed, and turns a typed label into the entry's id.
import { screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderElement } from "../test/renderWithProviders";
import {
  type VocabularyOption,
  VocabularySelect,
  vocabularyLabel,
  vocabularyValue,
} from "./VocabularySelect";

const OPTIONS: VocabularyOption[] = [
  { value: "members", label: "Members" },
  { value: "event-attendees", label: "Event attendees" },
];

function Harness({ initial = "", onChange }: { initial?: string; onChange: (v: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <VocabularySelect
      label="People"
      options={OPTIONS}
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
      data-testid="people"
    />
  );
}

describe("vocabulary select", () => {
  it("reads ids as labels and labels as ids", () => {
    expect(vocabularyLabel(OPTIONS, "members")).toBe("Members");
    expect(vocabularyLabel(OPTIONS, "Volunteers abroad")).toBe("Volunteers abroad");
    expect(vocabularyValue(OPTIONS, " event ATTENDEES ")).toBe("event-attendees");
    expect(vocabularyValue(OPTIONS, "Volunteers")).toBe("Volunteers");
  });

  it("shows the chosen entry's label and holds its id", async () => {
    const onChange = vi.fn();
    const { user } = renderElement(<Harness onChange={onChange} />);
    const input = screen.getByTestId("people");

    await user.click(input);
    await user.type(input, "event");
    await user.click(await screen.findByRole("option", { name: "Event attendees" }));
    expect(onChange).toHaveBeenLastCalledWith("event-attendees");
    expect(input).toHaveValue("Event attendees");
  });

  it("keeps own words as typed", async () => {
    const onChange = vi.fn();
    const { user } = renderElement(<Harness initial="members" onChange={onChange} />);
    const input = screen.getByTestId("people");
    expect(input).toHaveValue("Members");

    await user.clear(input);
    await user.type(input, "Volunteers abroad");
    await user.tab();
    expect(onChange).toHaveBeenLastCalledWith("Volunteers abroad");
    expect(input).toHaveValue("Volunteers abroad");
  });
});
