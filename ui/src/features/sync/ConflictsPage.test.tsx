// Tests for the conflict review: the empty state, how a conflict and its values read, picking
// one of the values, writing a new one (and the server refusing it), keeping or deleting a
// record deleted on one laptop and changed on another, and a conflict resolved elsewhere.
import { notifications } from "@mantine/notifications";
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { formatDateTime } from "../../components/formatDate";
import * as ipc from "../../ipc";
import { StewardError } from "../../ipc";
import { makeConflict, makeConflictValue } from "../../test/fixtures";
import { describedByText, setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

/** An activity deleted on Sam's laptop while Alex changed its description and systems. */
const DELETED = makeConflict({
  record: "activity",
  recordId: "act-2",
  recordName: "Summer fair",
  field: "$deleted",
  values: [
    makeConflictValue({
      field: "$deleted",
      value: true,
      device: "dev-sam",
      deviceName: "Sam's laptop",
      at: "2026-11-20T09:00:00Z",
    }),
    makeConflictValue({
      field: "description",
      value: "Stalls and a raffle",
      at: "2026-11-20T10:00:00Z",
    }),
    makeConflictValue({
      field: "systems",
      value: ["Eventbrite", "SumUp"],
      at: "2026-11-20T10:05:00Z",
    }),
  ],
});

beforeEach(() => {
  setIpcDefaults(ipc);
  vi.mocked(ipc.resolveConflict).mockResolvedValue(null);
});

afterEach(() => {
  // Notifications outlive a test's page.
  notifications.clean();
});

function renderPage() {
  return renderWithProviders({ route: "/sync/conflicts" });
}

describe("conflicts page", () => {
  it("says when there is nothing to review, with a way back to the sync", async () => {
    const { user, router } = renderPage();

    const empty = await screen.findByTestId("conflicts-empty");
    expect(empty).toHaveTextContent("No conflicts: every laptop's changes fit together.");
    expect(
      screen.getByRole("heading", { level: 2, name: "Conflicts to review" }),
    ).toBeInTheDocument();
    expect(screen.queryByTestId("conflict-card")).not.toBeInTheDocument();

    await user.click(within(empty).getByRole("link", { name: "Back to the sync" }));

    expect(router.state.location.pathname).toBe("/sync");
  });

  it("shows the record, the field's form label and every value with who wrote it", async () => {
    vi.mocked(ipc.listConflicts).mockResolvedValue([
      makeConflict(),
      makeConflict({
        record: "recipient",
        recordId: "rec-1",
        recordName: "Hetzner Online GmbH",
        field: "subProcessors",
        values: [
          makeConflictValue({ field: "subProcessors", value: ["Hetzner Finland", "OVH"] }),
          makeConflictValue({ field: "subProcessors", value: [], shown: true }),
        ],
      }),
      makeConflict({
        record: "organisation",
        recordId: "org",
        recordName: "Riverside Community Garden e.V.",
        field: "minimumAge",
        values: [
          makeConflictValue({ field: "minimumAge", value: 16 }),
          makeConflictValue({ field: "minimumAge", value: null, shown: true }),
        ],
      }),
    ]);
    renderPage();

    const cards = await screen.findAllByTestId("conflict-card");
    expect(cards).toHaveLength(3);
    const [name, subProcessors, age] = cards as [HTMLElement, HTMLElement, HTMLElement];

    expect(within(name).getByRole("heading")).toHaveTextContent('Processing activity "Members"');
    expect(within(name).getByTestId("conflict-field")).toHaveTextContent("Name");
    const values = within(name).getAllByTestId("conflict-value");
    expect(values).toHaveLength(2);
    expect(values[0]).not.toBeChecked();
    expect(describedByText(values[0] as HTMLElement)).toBe(
      `by Alex's laptop, ${formatDateTime("2026-11-21T10:00:00Z")}`,
    );
    expect(within(name).getByLabelText(/Membership list/)).toBe(values[1]);
    expect(within(name).getAllByTestId("conflict-shown")).toHaveLength(1);
    expect(within(name).getByTestId("conflict-shown").closest("label")).toHaveTextContent(
      "Membership list",
    );
    // Text fields offer a value of one's own.
    expect(within(name).getByTestId("conflict-new-option")).toBeInTheDocument();
    expect(within(name).getByTestId("conflict-resolve")).toBeDisabled();

    expect(within(subProcessors).getByRole("heading")).toHaveTextContent(
      'Recipient "Hetzner Online GmbH"',
    );
    expect(within(subProcessors).getByTestId("conflict-field")).toHaveTextContent("Sub-processors");
    expect(within(subProcessors).getByLabelText("Hetzner Finland, OVH")).toBeInTheDocument();
    expect(within(subProcessors).getByLabelText(/\(empty\)/)).toBeInTheDocument();
    expect(within(subProcessors).queryByTestId("conflict-new-option")).not.toBeInTheDocument();

    expect(within(age).getByTestId("conflict-field")).toHaveTextContent("Minimum age");
    expect(within(age).getByLabelText("16")).toBeInTheDocument();
    expect(within(age).queryByTestId("conflict-new-option")).not.toBeInTheDocument();
  });

  it("links each conflict to where its record is edited, a row of an activity to the activity", async () => {
    vi.mocked(ipc.listConflicts).mockResolvedValue([
      makeConflict(),
      makeConflict({
        record: "purpose",
        recordId: "pur-1",
        recordName: "Send the newsletter",
        activityId: "act-7",
        field: "legalBasis",
        values: [
          makeConflictValue({ field: "legalBasis", value: "consent" }),
          makeConflictValue({ field: "legalBasis", value: "legitimateInterests", shown: true }),
        ],
      }),
      { ...DELETED, record: "transfer", recordId: "tr-1", activityId: "act-7" },
    ]);
    renderPage();

    const cards = await screen.findAllByTestId("conflict-card");
    const [name, purpose, transfer] = cards as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(name).getByTestId("conflict-record-link")).toHaveAttribute(
      "href",
      "/activities/act-1?field=name",
    );
    expect(within(transfer).getByTestId("conflict-record-link")).toHaveAttribute(
      "href",
      "/activities/act-7?field=transfers",
    );
    expect(
      within(purpose).getByRole("link", { name: 'Purpose of an activity "Send the newsletter"' }),
    ).toHaveAttribute("href", "/activities/act-7?field=purposes");
  });

  it("resolves with the value picked, then says so and reads the conflicts again", async () => {
    vi.mocked(ipc.listConflicts).mockResolvedValueOnce([makeConflict()]).mockResolvedValue([]);
    const { user } = renderPage();
    const card = await screen.findByTestId("conflict-card");

    await user.click(within(card).getAllByTestId("conflict-value")[1] as HTMLElement);
    await user.click(within(card).getByTestId("conflict-resolve"));

    await waitFor(() => expect(ipc.resolveConflict).toHaveBeenCalledTimes(1));
    expect(ipc.resolveConflict).toHaveBeenCalledWith({
      record: "activity",
      recordId: "act-1",
      field: "name",
      resolution: { kind: "value", value: "Membership list" },
    });
    expect(await screen.findByText("Conflict resolved")).toBeInTheDocument();
    expect(await screen.findByTestId("conflicts-empty")).toBeInTheDocument();
    expect(ipc.listConflicts).toHaveBeenCalledTimes(2);
  });

  it("keeps a written value and shows the server's message under it", async () => {
    vi.mocked(ipc.listConflicts).mockResolvedValue([makeConflict()]);
    vi.mocked(ipc.resolveConflict).mockRejectedValue(
      new StewardError("validation", "Please check the value.", [
        { field: "value", message: "Name must be at most 200 characters." },
      ]),
    );
    const { user } = renderPage();
    const card = await screen.findByTestId("conflict-card");
    expect(within(card).queryByTestId("conflict-new-value")).not.toBeInTheDocument();

    await user.click(within(card).getByTestId("conflict-new-option"));
    const input = within(card).getByTestId("conflict-new-value");
    await user.type(input, "Members & volunteers");
    await user.click(within(card).getByTestId("conflict-resolve"));

    await waitFor(() =>
      expect(ipc.resolveConflict).toHaveBeenCalledWith({
        record: "activity",
        recordId: "act-1",
        field: "name",
        resolution: { kind: "value", value: "Members & volunteers" },
      }),
    );
    await waitFor(() =>
      expect(describedByText(input)).toContain("Name must be at most 200 characters."),
    );
    expect(input).toHaveValue("Members & volunteers");
    expect(within(card).getByTestId("conflict-error")).toHaveTextContent("Please check the value.");
    expect(screen.queryByText("Conflict resolved")).not.toBeInTheDocument();
  });

  it("sends an empty written value as no value", async () => {
    vi.mocked(ipc.listConflicts).mockResolvedValue([makeConflict({ field: "description" })]);
    const { user } = renderPage();
    const card = await screen.findByTestId("conflict-card");
    expect(within(card).getByTestId("conflict-field")).toHaveTextContent("Description");

    await user.click(within(card).getByTestId("conflict-new-option"));
    await user.click(within(card).getByTestId("conflict-resolve"));

    await waitFor(() =>
      expect(ipc.resolveConflict).toHaveBeenCalledWith(
        expect.objectContaining({
          field: "description",
          resolution: { kind: "value", value: null },
        }),
      ),
    );
  });

  it("lists the delete and the edits made elsewhere, and keeps the record", async () => {
    vi.mocked(ipc.listConflicts).mockResolvedValue([DELETED]);
    const { user } = renderPage();
    const card = await screen.findByTestId("conflict-card");

    expect(within(card).getByRole("heading")).toHaveTextContent(
      'Processing activity "Summer fair"',
    );
    expect(within(card).getByTestId("conflict-field")).toHaveTextContent(
      "Deleted on one laptop, changed on another",
    );
    expect(within(card).getByTestId("conflict-deleted-by")).toHaveTextContent(
      `Deleted by Sam's laptop, ${formatDateTime("2026-11-20T09:00:00Z")}`,
    );
    expect(
      within(card)
        .getAllByTestId("conflict-edit")
        .map((edit) => edit.textContent),
    ).toEqual([
      `Description set to Stalls and a raffle by Alex's laptop, ${formatDateTime("2026-11-20T10:00:00Z")}`,
      `Systems set to Eventbrite, SumUp by Alex's laptop, ${formatDateTime("2026-11-20T10:05:00Z")}`,
    ]);
    expect(within(card).queryByTestId("conflict-choice")).not.toBeInTheDocument();

    await user.click(within(card).getByTestId("conflict-keep"));

    await waitFor(() =>
      expect(ipc.resolveConflict).toHaveBeenCalledWith({
        record: "activity",
        recordId: "act-2",
        field: "$deleted",
        resolution: { kind: "keepRecord" },
      }),
    );
    expect(await screen.findByText("Conflict resolved")).toBeInTheDocument();
  });

  it("deletes a record deleted on one laptop and changed on another", async () => {
    vi.mocked(ipc.listConflicts).mockResolvedValue([DELETED]);
    const { user } = renderPage();
    const card = await screen.findByTestId("conflict-card");

    await user.click(within(card).getByTestId("conflict-delete"));

    await waitFor(() =>
      expect(ipc.resolveConflict).toHaveBeenCalledWith({
        record: "activity",
        recordId: "act-2",
        field: "$deleted",
        resolution: { kind: "deleteRecord" },
      }),
    );
    expect(ipc.resolveConflict).toHaveBeenCalledTimes(1);
  });

  it("shows that a conflict was resolved elsewhere, and reads the list again", async () => {
    const message =
      "This conflict is no longer open: it was resolved, here or on another device. Refresh the list.";
    vi.mocked(ipc.listConflicts).mockResolvedValueOnce([makeConflict()]).mockResolvedValue([]);
    vi.mocked(ipc.resolveConflict).mockRejectedValue(new StewardError("notFound", message));
    const { user } = renderPage();
    const card = await screen.findByTestId("conflict-card");

    await user.click(within(card).getAllByTestId("conflict-value")[0] as HTMLElement);
    await user.click(within(card).getByTestId("conflict-resolve"));

    // The card leaves the list; the page keeps the message.
    expect(await screen.findByTestId("conflicts-gone")).toHaveTextContent(message);
    expect(screen.getByTestId("conflicts-empty")).toBeInTheDocument();
    expect(ipc.listConflicts).toHaveBeenCalledTimes(2);
    expect(screen.queryByText("Conflict resolved")).not.toBeInTheDocument();
  });

  it("shows other errors in the card", async () => {
    vi.mocked(ipc.listConflicts).mockResolvedValue([DELETED]);
    vi.mocked(ipc.resolveConflict).mockRejectedValue(
      new StewardError("storage", "The database could not be written."),
    );
    const { user } = renderPage();
    const card = await screen.findByTestId("conflict-card");

    await user.click(within(card).getByTestId("conflict-keep"));

    expect(await within(card).findByTestId("conflict-error")).toHaveTextContent(
      "The database could not be written.",
    );
    expect(screen.queryByTestId("conflicts-gone")).not.toBeInTheDocument();
    await waitFor(() => expect(within(card).getByTestId("conflict-keep")).toBeEnabled());
  });
});
