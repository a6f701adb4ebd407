// Tests for what changed in the privacy policy since its last saved version: no version
// saved yet, a draft that reads as saved, added and removed paragraphs (rendered as text,
// line breaks kept), and saving this version with a note.
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { formatDateTime } from "../../components/formatDate";
import type { PolicyChanges, SavedVersion } from "../../ipc";
import * as ipc from "../../ipc";
import { makePolicyChanges, makePolicyDraft, makePolicyVersion } from "../../test/fixtures";
import { setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

const SAVED: SavedVersion = {
  id: "pv-1",
  savedAt: "2026-11-22T10:00:00Z",
  note: "Published on the website",
};
const HOSTILE = "<script>alert(1)</script>";

const CHANGES: PolicyChanges = makePolicyChanges({
  saved: SAVED,
  added: 2,
  removed: 1,
  hunks: [
    [
      { change: "same", text: "## Who we are" },
      { change: "added", text: HOSTILE },
    ],
    [
      { change: "removed", text: "We keep it for two years." },
      { change: "added", text: "We keep it for one year.\nThen we delete it." },
      { change: "same", text: "## Your rights" },
    ],
  ],
});

beforeEach(() => {
  setIpcDefaults(ipc);
  vi.mocked(ipc.getPolicyDraft).mockResolvedValue(
    makePolicyDraft({
      sections: [{ id: "controller", heading: "Who we are", edit: null, blocks: [] }],
    }),
  );
});

function renderPage() {
  return renderWithProviders({ route: "/policy" });
}

describe("changes since the last saved version", () => {
  it("says that no version is saved yet, between the checklist and the draft", async () => {
    renderPage();

    const card = await screen.findByTestId("policy-changes");
    expect(
      within(card).getByRole("heading", { name: "Changes since the last saved version" }),
    ).toBeInTheDocument();
    expect(await within(card).findByTestId("policy-changes-none")).toHaveTextContent(
      "No version has been saved yet. Save this version when you publish the policy",
    );
    expect(within(card).queryByTestId("policy-change-hunk")).not.toBeInTheDocument();
    const checklist = screen.getByTestId("policy-checklist");
    const preview = screen.getByTestId("policy-preview");
    expect(checklist.compareDocumentPosition(card)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(card.compareDocumentPosition(preview)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
  });

  it("says when the draft reads exactly as the saved version", async () => {
    vi.mocked(ipc.getPolicyChanges).mockResolvedValue(
      makePolicyChanges({ saved: { ...SAVED, note: "" } }),
    );
    renderPage();

    const summary = await screen.findByTestId("policy-changes-summary");
    expect(summary).toHaveTextContent(
      `The draft reads exactly as the version saved on ${formatDateTime(SAVED.savedAt)}.`,
    );
    expect(screen.queryByTestId("policy-change-hunk")).not.toBeInTheDocument();
    expect(screen.queryByTestId("policy-changes-none")).not.toBeInTheDocument();
  });

  it("shows the added and removed paragraphs with their context, as text", async () => {
    vi.mocked(ipc.getPolicyChanges).mockResolvedValue(CHANGES);
    const { container } = renderPage();

    const summary = await screen.findByTestId("policy-changes-summary");
    expect(summary).toHaveTextContent(
      `Compared with the version saved on ${formatDateTime(SAVED.savedAt)} (Published on the website): 2 paragraphs added, 1 removed.`,
    );
    const hunks = screen.getAllByTestId("policy-change-hunk");
    expect(hunks).toHaveLength(2);
    const changes = (hunk: HTMLElement) =>
      within(hunk)
        .getAllByTestId("policy-change-line")
        .map((line) => line.dataset.change);
    expect(changes(hunks[0] as HTMLElement)).toEqual(["same", "added"]);
    expect(changes(hunks[1] as HTMLElement)).toEqual(["removed", "added", "same"]);

    const lines = screen.getAllByTestId("policy-change-line");
    expect(lines[1]).toHaveTextContent(HOSTILE);
    expect(lines[1]).toHaveTextContent("+");
    expect(container.querySelector("script")).toBeNull();
    const removed = lines[2] as HTMLElement;
    expect(removed).toHaveTextContent("−");
    expect(removed.querySelector("del")).toHaveTextContent("We keep it for two years.");
    // Line breaks in a paragraph stay as they are.
    const added = (lines[3] as HTMLElement).querySelector("ins");
    expect(added?.textContent).toBe("We keep it for one year.\nThen we delete it.");
    expect(added).toHaveStyle({ whiteSpace: "pre-wrap" });
  });

  it("saves this version with a note, after which the draft reads as saved", async () => {
    vi.mocked(ipc.getPolicyChanges).mockResolvedValueOnce(CHANGES);
    vi.mocked(ipc.savePolicyVersion).mockImplementation(async (note) =>
      makePolicyVersion({ note }),
    );
    const { user } = renderPage();
    await screen.findByTestId("policy-changes-summary");

    await user.click(screen.getByTestId("policy-save-version"));
    const note = await screen.findByTestId("policy-version-note");
    vi.mocked(ipc.getPolicyChanges).mockResolvedValue(makePolicyChanges({ saved: SAVED }));
    await user.type(note, "Published on the website{Enter}");

    await waitFor(() =>
      expect(ipc.savePolicyVersion).toHaveBeenCalledWith("Published on the website"),
    );
    expect(await screen.findByText("Saved this version of the policy")).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByTestId("policy-version-note")).not.toBeInTheDocument(),
    );
    await waitFor(() =>
      expect(screen.getByTestId("policy-changes-summary")).toHaveTextContent(
        "The draft reads exactly as the version saved on",
      ),
    );
    expect(ipc.getPolicyChanges).toHaveBeenCalledTimes(2);
  });

  it("saves a version without a note with the button, and keeps the note on a failure", async () => {
    vi.mocked(ipc.savePolicyVersion).mockRejectedValueOnce(
      new ipc.StewardError("validation", "Please check the note.", [
        { field: "note", message: "The note is too long." },
      ]),
    );
    const { user } = renderPage();
    await screen.findByTestId("policy-changes-none");

    await user.click(screen.getByTestId("policy-save-version"));
    const note = await screen.findByTestId("policy-version-note");
    await user.type(note, "Too long");
    await user.click(screen.getByTestId("policy-version-confirm"));

    expect(await screen.findByText("The note is too long.")).toBeInTheDocument();
    expect(note).toHaveValue("Too long");

    vi.mocked(ipc.savePolicyVersion).mockResolvedValue(makePolicyVersion());
    await user.clear(note);
    await user.click(screen.getByTestId("policy-version-confirm"));

    await waitFor(() => expect(ipc.savePolicyVersion).toHaveBeenLastCalledWith(""));
    expect(await screen.findByText("Saved this version of the policy")).toBeInTheDocument();
  });
});
