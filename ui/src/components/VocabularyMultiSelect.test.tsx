// Tests for the vocabulary tags input: pills show labels (and the Art. 9 mark) for ids and
// own words as typed; choosing an entry adds its id, Enter adds own words (or the id of
// the entry whose label was typed), duplicates are ignored, and pills can be removed.
import { screen, within } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { describedByText } from "../test/ipcMock";
import { renderElement } from "../test/renderWithProviders";
import { VocabularyMultiSelect } from "./VocabularyMultiSelect";
import type { VocabularyOption } from "./VocabularySelect";

const OPTIONS: VocabularyOption[] = [
  { value: "identity", label: "Identity", description: "Name, date of birth" },
  { value: "email-address", label: "Email address" },
  { value: "health-data", label: "Health data", badge: "Art. 9" },
];

function Harness({
  initial = [],
  onChange,
  error,
}: {
  initial?: string[];
  onChange?: (value: string[]) => void;
  error?: string;
}) {
  const [value, setValue] = useState(initial);
  return (
    <VocabularyMultiSelect
      label="Data"
      options={OPTIONS}
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange?.(next);
      }}
      error={error}
      data-testid="data"
    />
  );
}

function pills() {
  return Array.from(document.querySelectorAll(".mantine-Pill-label")).map(
    (pill) => pill.textContent,
  );
}

describe("vocabulary multi-select", () => {
  it("shows labels for ids, own words as typed, and marks special categories", () => {
    renderElement(<Harness initial={["identity", "health-data", "Shoe size"]} />);
    expect(pills()).toEqual(["Identity", "Health dataArt. 9", "Shoe size"]);
    expect(screen.getByTestId("data").tagName).toBe("INPUT");
    expect(screen.getByTestId("data")).toHaveAccessibleName("Data");
  });

  it("adds the id of a chosen entry and offers only entries not chosen yet", async () => {
    const onChange = vi.fn();
    const { user } = renderElement(<Harness initial={["identity"]} onChange={onChange} />);
    const input = screen.getByTestId("data");

    await user.click(input);
    const listbox = await screen.findByRole("listbox");
    expect(within(listbox).queryByRole("option", { name: "Identity" })).not.toBeInTheDocument();
    await user.type(input, "heal");
    await user.click(await screen.findByRole("option", { name: /Health data/ }));

    expect(onChange).toHaveBeenLastCalledWith(["identity", "health-data"]);
    expect(input).toHaveValue("");
  });

  it("adds own words with Enter, and the id when an entry's label is typed", async () => {
    const onChange = vi.fn();
    const { user } = renderElement(<Harness onChange={onChange} />);
    const input = screen.getByTestId("data");

    await user.type(input, "Shoe size, left and right{Enter}");
    expect(onChange).toHaveBeenLastCalledWith(["Shoe size, left and right"]);
    await user.type(input, "email ADDRESS{Enter}");
    expect(onChange).toHaveBeenLastCalledWith(["Shoe size, left and right", "email-address"]);
    expect(pills()).toEqual(["Shoe size, left and right", "Email address"]);

    // The same entry again, by its label or in other case, is not added twice.
    onChange.mockClear();
    await user.type(input, "Email address{Enter}");
    await user.type(input, "shoe size, LEFT and right{Enter}");
    expect(onChange).not.toHaveBeenCalled();
    expect(pills()).toHaveLength(2);
  });

  it("removes pills with their button or Backspace", async () => {
    const onChange = vi.fn();
    const { user } = renderElement(
      <Harness initial={["identity", "email-address", "Shoe size"]} onChange={onChange} />,
    );

    await user.click(screen.getByLabelText("Remove Email address"));
    expect(onChange).toHaveBeenLastCalledWith(["identity", "Shoe size"]);
    await user.click(screen.getByTestId("data"));
    await user.keyboard("{Backspace}");
    expect(onChange).toHaveBeenLastCalledWith(["identity"]);
  });

  it("shows the server's message on the input", () => {
    renderElement(<Harness error="Add at least one category of data." />);
    const input = screen.getByTestId("data");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(describedByText(input)).toContain("Add at least one category of data.");
  });
});
