// Tests for a person's own text in the privacy policy: the button and badge of each section,
// the editor prefilled with the section's text, saving (with the mouse and Ctrl+Enter) and
// the server's messages, Esc, removing and undoing that, the quiet "your text" source, and
// writing a section the register does not cover.
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { PolicyDraft, RecordLink } from "../../ipc";
import * as ipc from "../../ipc";
import { makePolicyDraft, makePolicyEdit } from "../../test/fixtures";
import { describedByText, setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

const OWN_TEXT = "We meet on the first Monday of the month.";
const OWN: RecordLink = {
  kind: "policyEdit",
  id: "pe-1",
  activityId: null,
  name: "",
  field: "text",
};
const ACTIVITY: RecordLink = {
  kind: "activity",
  id: "a1",
  activityId: null,
  name: "Member administration",
  field: null,
};

const DRAFT: PolicyDraft = makePolicyDraft({
  sections: [
    {
      id: "controller",
      heading: "Who we are",
      edit: { id: "pe-1", mode: "append", text: OWN_TEXT, base: "17@dev-this" },
      blocks: [
        {
          kind: "paragraph",
          spans: [{ text: "Riverside Community Garden e.V.", gap: null }],
          sources: [],
        },
        { kind: "paragraph", spans: [{ text: OWN_TEXT, gap: null }], sources: [OWN] },
      ],
    },
    {
      id: "purposes",
      heading: "What we do with your data",
      edit: null,
      blocks: [
        { kind: "paragraph", spans: [{ text: "We keep a list.", gap: null }], sources: [ACTIVITY] },
      ],
    },
  ],
  unwrittenSections: [
    { id: "cookies", heading: "Cookies" },
    { id: "children", heading: "Children" },
  ],
});

beforeEach(() => {
  setIpcDefaults(ipc);
  vi.mocked(ipc.getPolicyDraft).mockResolvedValue(DRAFT);
  vi.mocked(ipc.savePolicyEdit).mockImplementation(async (input) =>
    makePolicyEdit({ ...input, id: "pe-2" }),
  );
  vi.mocked(ipc.deletePolicyEdit).mockResolvedValue(makePolicyEdit());
  vi.mocked(ipc.restorePolicyEdit).mockResolvedValue(makePolicyEdit());
});

/** The section of the draft with this id, once the draft shows it. */
function findSection(id: string): Promise<HTMLElement> {
  return waitFor(() => {
    const section = document.querySelector<HTMLElement>(
      `[data-testid="policy-preview"] section[data-section-id="${id}"]`,
    );
    if (!section) {
      throw new Error(`The draft has no section ${id}`);
    }
    return section;
  });
}

function renderPage() {
  return renderWithProviders({ route: "/policy" });
}

describe("a person's own text in the privacy policy", () => {
  it("offers to add or edit each section's text, and opens the editor with the text", async () => {
    const { user } = renderPage();
    const controller = await findSection("controller");
    const purposes = await findSection("purposes");

    expect(within(controller).getByTestId("policy-section-edit")).toHaveTextContent(
      "Edit your text",
    );
    expect(within(controller).getByTestId("policy-section-edited")).toHaveTextContent(
      "Your text added",
    );
    expect(within(purposes).getByTestId("policy-section-edit")).toHaveTextContent("Add your text");
    expect(within(purposes).queryByTestId("policy-section-edited")).not.toBeInTheDocument();
    // A clause the person wrote says so quietly, and links nowhere.
    const own = within(controller).getByTestId("policy-source-own");
    expect(own).toHaveTextContent("your text");
    expect(own.closest("a")).toBeNull();
    expect(within(controller).queryByTestId("policy-source")).not.toBeInTheDocument();
    expect(within(purposes).getByTestId("policy-source")).toHaveTextContent(
      "Member administration",
    );

    await user.click(within(controller).getByTestId("policy-section-edit"));

    const form = within(controller).getByTestId("policy-edit-form");
    expect(within(form).getByTestId("policy-edit-text")).toHaveValue(OWN_TEXT);
    expect(within(form).getByTestId("policy-edit-text")).toHaveFocus();
    expect(within(form).getByTestId("policy-edit-mode-append")).toBeChecked();
    expect(within(form).getByTestId("policy-edit-mode-replace")).not.toBeChecked();
    expect(within(form).getByTestId("policy-edit-remove")).toHaveTextContent("Remove your text");
    expect(describedByText(within(form).getByTestId("policy-edit-text"))).toContain("- ");

    await user.keyboard("{Escape}");

    expect(screen.queryByTestId("policy-edit-form")).not.toBeInTheDocument();
    expect(ipc.savePolicyEdit).not.toHaveBeenCalled();
  });

  it("saves the text with its mode, and the draft and its changes are read again", async () => {
    const { user } = renderPage();
    const purposes = await findSection("purposes");
    await waitFor(() => expect(ipc.getPolicyChanges).toHaveBeenCalledTimes(1));

    await user.click(within(purposes).getByTestId("policy-section-edit"));
    const form = within(purposes).getByTestId("policy-edit-form");
    expect(within(form).queryByTestId("policy-edit-remove")).not.toBeInTheDocument();
    expect(within(form).getByTestId("policy-edit-text")).toHaveValue("");
    await user.click(within(form).getByTestId("policy-edit-mode-replace"));
    await user.type(
      within(form).getByTestId("policy-edit-text"),
      "We keep a list of members.{Enter}{Enter}- names{Enter}- emails",
    );
    await user.click(within(form).getByTestId("policy-edit-save"));

    await waitFor(() =>
      expect(ipc.savePolicyEdit).toHaveBeenCalledWith(
        {
          sectionId: "purposes",
          mode: "replace",
          text: "We keep a list of members.\n\n- names\n- emails",
        },
        // A section without a text of its own has no base: the text is new.
        undefined,
      ),
    );
    expect(
      await screen.findByText("Saved your text for 'What we do with your data'"),
    ).toBeInTheDocument();
    expect(screen.queryByTestId("policy-edit-form")).not.toBeInTheDocument();
    await waitFor(() => expect(ipc.getPolicyDraft).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(ipc.getPolicyChanges).toHaveBeenCalledTimes(2));
  });

  it("shows the server's message under the text and keeps what was typed", async () => {
    vi.mocked(ipc.savePolicyEdit)
      .mockRejectedValueOnce(
        new ipc.StewardError("validation", "Please check your text.", [
          { field: "text", message: "Write the text of the section." },
        ]),
      )
      .mockRejectedValueOnce(
        new ipc.StewardError("validation", "Please check your text.", [
          { field: "sectionId", message: "There is no section 'purposes'." },
        ]),
      );
    const { user } = renderPage();
    const purposes = await findSection("purposes");
    await user.click(within(purposes).getByTestId("policy-section-edit"));
    const text = screen.getByTestId("policy-edit-text");
    await user.type(text, "   ");

    await user.click(screen.getByTestId("policy-edit-save"));

    await waitFor(() => expect(text).toHaveAttribute("aria-invalid", "true"));
    expect(describedByText(text)).toContain("Write the text of the section.");
    expect(screen.queryByTestId("form-error-alert")).not.toBeInTheDocument();
    expect(text).toHaveValue("   ");

    await user.type(text, "Our text");
    expect(text).not.toHaveAttribute("aria-invalid", "true");
    await user.click(screen.getByTestId("policy-edit-save"));

    const alert = await screen.findByTestId("form-error-alert");
    expect(alert).toHaveTextContent("There is no section 'purposes'.");
    expect(text).toHaveValue("   Our text");
    expect(screen.getByTestId("policy-edit-form")).toBeInTheDocument();
  });

  it("saves with Ctrl+Enter", async () => {
    const { user } = renderPage();
    const controller = await findSection("controller");
    await user.click(within(controller).getByTestId("policy-section-edit"));
    const text = screen.getByTestId("policy-edit-text");
    await user.clear(text);
    await user.type(text, "Ask us anything.");

    await user.keyboard("{Control>}{Enter}{/Control}");

    await waitFor(() =>
      expect(ipc.savePolicyEdit).toHaveBeenCalledWith(
        {
          sectionId: "controller",
          mode: "append",
          text: "Ask us anything.",
        },
        // The text as the editor was filled from it.
        "17@dev-this",
      ),
    );
    expect(ipc.savePolicyEdit).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByTestId("policy-edit-form")).not.toBeInTheDocument());
  });

  it("removes the text, and Undo brings it back", async () => {
    const { user } = renderPage();
    const controller = await findSection("controller");
    await user.click(within(controller).getByTestId("policy-section-edit"));

    await user.click(screen.getByTestId("policy-edit-remove"));

    await waitFor(() => expect(ipc.deletePolicyEdit).toHaveBeenCalledWith("pe-1", "17@dev-this"));
    expect(await screen.findByText("Removed your text from 'Who we are'")).toBeInTheDocument();
    expect(screen.queryByTestId("policy-edit-form")).not.toBeInTheDocument();
    await waitFor(() => expect(ipc.getPolicyDraft).toHaveBeenCalledTimes(2));

    await user.click(screen.getByTestId("policy-edit-undo"));

    await waitFor(() => expect(ipc.restorePolicyEdit).toHaveBeenCalledWith("pe-1"));
    expect(await screen.findByText("Your text is back in 'Who we are'")).toBeInTheDocument();
    await waitFor(() => expect(ipc.getPolicyDraft).toHaveBeenCalledTimes(3));
  });

  it("writes a section the register does not cover, which then appears in the draft", async () => {
    const { user } = renderPage();
    await screen.findByTestId("policy-preview");
    expect(screen.getByTestId("policy-add-section-write")).toBeDisabled();

    await user.click(screen.getByTestId("policy-add-section"));
    await user.click(await screen.findByRole("option", { name: "Cookies" }));
    await user.click(screen.getByTestId("policy-add-section-write"));

    const form = screen.getByTestId("policy-edit-form");
    expect(within(form).getByTestId("policy-edit-mode-append")).toBeChecked();
    expect(within(form).queryByTestId("policy-edit-remove")).not.toBeInTheDocument();
    vi.mocked(ipc.getPolicyDraft).mockResolvedValue({
      ...DRAFT,
      sections: [
        ...DRAFT.sections,
        {
          id: "cookies",
          heading: "Cookies",
          edit: { id: "pe-2", mode: "append", text: "We set no cookies." },
          blocks: [
            {
              kind: "paragraph",
              spans: [{ text: "We set no cookies.", gap: null }],
              sources: [{ ...OWN, id: "pe-2" }],
            },
          ],
        },
      ],
      unwrittenSections: [{ id: "children", heading: "Children" }],
    });
    await user.type(within(form).getByTestId("policy-edit-text"), "We set no cookies.");
    await user.click(within(form).getByTestId("policy-edit-save"));

    await waitFor(() =>
      expect(ipc.savePolicyEdit).toHaveBeenCalledWith(
        {
          sectionId: "cookies",
          mode: "append",
          text: "We set no cookies.",
        },
        // A section without a text of its own has no base: the text is new.
        undefined,
      ),
    );
    const cookies = await findSection("cookies");
    expect(within(cookies).getByRole("heading", { level: 2 })).toHaveTextContent("Cookies");
    expect(within(cookies).getByTestId("policy-section-edited")).toHaveTextContent(
      "Your text added",
    );
    expect(within(cookies).getByText("We set no cookies.")).toBeInTheDocument();
    expect(screen.queryByTestId("policy-edit-form")).not.toBeInTheDocument();
  });
});
