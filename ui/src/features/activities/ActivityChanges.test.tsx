// Tests for an activity's form in a register that other laptops change too: saves go against
// the base the person saw (and the next one against the base the save returned, the undo
// too); a record that changes while the form is open is taken in, keeping what the person
// typed; a field in conflict is marked beside its input and settled there; a record deleted
// elsewhere can be kept or deleted from its form; a value written by a newer Steward is
// marked.
import { act, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { formatDateTime } from "../../components/formatDate";
import * as ipc from "../../ipc";
import { makeActivity, makeConflict, makeConflictValue, makeNewerValue } from "../../test/fixtures";
import { setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return {
    ...mockIpcModule(await importOriginal()),
    getActivityReview: vi.fn(),
    listActivityReviews: vi.fn(),
  };
});

// The activity's rows have tests of their own.
vi.mock(import("./parts/ActivityParts"), () => ({
  ActivityParts: () => <div data-testid="activity-parts" />,
}));

/** What the back end returns for a save: the saved values, with a base of their own. */
function savesAsVersions(first: number) {
  let version = first;
  vi.mocked(ipc.updateActivity).mockImplementation(async (id, input) => {
    version += 1;
    return makeActivity({ ...input, id, base: `${version}@dev-this` });
  });
}

/** Another laptop's changes arrive (a sync reads everything again). */
async function syncBrings(activity: ReturnType<typeof makeActivity>, client: QueryClientLike) {
  vi.mocked(ipc.getActivity).mockResolvedValue(activity);
  await act(() => client.invalidateQueries());
}

type QueryClientLike = ReturnType<typeof renderWithProviders>["queryClient"];

beforeEach(() => {
  setIpcDefaults(ipc);
  vi.mocked(ipc.getActivity).mockResolvedValue(makeActivity());
});

describe("an activity's form against the base the person saw", () => {
  it("saves against the base it was read at, and then against the base its save returned", async () => {
    savesAsVersions(12);
    const { user } = renderWithProviders({ route: "/activities/act-1" });

    const owner = await screen.findByTestId("activity-owner");
    await user.clear(owner);
    await user.type(owner, "Treasurer");
    await user.click(screen.getByTestId("activity-save"));
    await screen.findByText("'Member administration' is up to date.");
    await user.clear(owner);
    await user.type(owner, "Chair");
    await user.click(screen.getByTestId("activity-save"));
    await waitFor(() => expect(ipc.updateActivity).toHaveBeenCalledTimes(2));

    const calls = vi.mocked(ipc.updateActivity).mock.calls;
    expect(calls[0]).toEqual([
      "act-1",
      expect.objectContaining({ owner: "Treasurer" }),
      "12@dev-this",
    ]);
    expect(calls[1]).toEqual(["act-1", expect.objectContaining({ owner: "Chair" }), "13@dev-this"]);

    // The undo saves the values from before the last save against the base it returned.
    await waitFor(() => expect(screen.getAllByTestId("undo-last-change")).toHaveLength(1));
    await user.click(screen.getByTestId("undo-last-change"));
    expect(await screen.findByText("Change undone")).toBeInTheDocument();
    expect(calls[2]).toEqual([
      "act-1",
      expect.objectContaining({ owner: "Treasurer" }),
      "14@dev-this",
    ]);
    expect(owner).toHaveValue("Treasurer");
    // Its own saves are no change made elsewhere.
    expect(screen.queryByTestId("activity-changed")).not.toBeInTheDocument();
  });

  it("takes in a record changed elsewhere while the person edits, keeping what they typed", async () => {
    savesAsVersions(20);
    const { user, queryClient } = renderWithProviders({ route: "/activities/act-1" });

    const description = await screen.findByTestId("activity-description");
    await user.clear(description);
    await user.type(description, "Members and their fees.");
    await syncBrings(
      makeActivity({
        base: "12@dev-this,3@dev-sam",
        name: "Membership list",
        description: "The list of members.",
      }),
      queryClient,
    );

    // The untouched field takes the new value; the touched one stays as typed.
    await waitFor(() => expect(screen.getByTestId("activity-name")).toHaveValue("Membership list"));
    expect(description).toHaveValue("Members and their fees.");
    const notice = screen.getByTestId("activity-changed");
    expect(notice).toHaveTextContent(
      "This record changed while you had it open (Name, Description). Your own changes are kept.",
    );
    expect(notice).toHaveTextContent(
      "Someone else also changed Description: saving keeps both values as a conflict for you to settle.",
    );
    expect(screen.getByText("Unsaved changes · Ctrl+S saves")).toBeInTheDocument();

    await user.click(screen.getByTestId("activity-save"));

    // The save keeps the base the person started from: the back end keeps Sam's
    // description as a conflict rather than overwrite it.
    await waitFor(() => expect(ipc.updateActivity).toHaveBeenCalledTimes(1));
    expect(ipc.updateActivity).toHaveBeenCalledWith(
      "act-1",
      expect.objectContaining({
        name: "Membership list",
        description: "Members and their fees.",
      }),
      "12@dev-this",
    );
    await waitFor(() => expect(screen.queryByTestId("activity-changed")).not.toBeInTheDocument());
  });

  it("shows a record changed elsewhere as it is now when nothing was typed, and adopts its base", async () => {
    savesAsVersions(20);
    const { user, queryClient } = renderWithProviders({ route: "/activities/act-1" });

    const owner = await screen.findByTestId("activity-owner");
    await syncBrings(
      makeActivity({ base: "12@dev-this,3@dev-sam", owner: "Treasurer" }),
      queryClient,
    );

    await waitFor(() => expect(owner).toHaveValue("Treasurer"));
    expect(screen.getByTestId("activity-changed")).toHaveTextContent(
      "This record changed while you had it open (Owner). The form shows it as it is now.",
    );
    expect(screen.getByText("Ctrl+S saves")).toBeInTheDocument();

    const name = screen.getByTestId("activity-name");
    await user.clear(name);
    await user.type(name, "Members");
    await user.click(screen.getByTestId("activity-save"));

    await waitFor(() => expect(ipc.updateActivity).toHaveBeenCalledTimes(1));
    expect(ipc.updateActivity).toHaveBeenCalledWith(
      "act-1",
      expect.objectContaining({ name: "Members", owner: "Treasurer" }),
      "12@dev-this,3@dev-sam",
    );
  });
});

describe("conflicts in an activity's form", () => {
  it("marks a field in conflict beside its input and keeps the value chosen there", async () => {
    vi.mocked(ipc.getActivity).mockResolvedValue(makeActivity({ name: "Membership list" }));
    vi.mocked(ipc.listConflicts).mockResolvedValue([makeConflict()]);
    vi.mocked(ipc.resolveConflict).mockResolvedValue(null);
    const { user } = renderWithProviders({ route: "/activities/act-1" });

    const mark = await screen.findByTestId("activity-name-conflict");
    expect(mark).toHaveAccessibleName(
      "Conflict on Name: changed on two laptops, 2 values. Choose the one to keep.",
    );
    // Beside the name's input.
    expect(mark.closest(".mantine-Group-root")).toContainElement(
      screen.getByTestId("activity-name"),
    );
    expect(screen.getByTestId("activity-marks")).toHaveTextContent("Changed on two laptops: Name");

    await user.click(mark);
    const values = await screen.findAllByTestId("activity-name-conflict-value");
    expect(values).toHaveLength(2);
    const alex = values[0] as HTMLElement;
    expect(alex).toHaveTextContent("Member administration");
    expect(alex).toHaveTextContent(`by Alex's laptop, ${formatDateTime("2026-11-21T10:00:00Z")}`);
    expect(values[1]).toHaveTextContent("Membership list");
    expect(values[1]).toHaveTextContent("shown now");

    vi.mocked(ipc.listConflicts).mockResolvedValue([]);
    vi.mocked(ipc.getActivity).mockResolvedValue(
      makeActivity({ base: "12@dev-this,4@dev-sam", name: "Member administration" }),
    );
    await user.click(within(alex).getByRole("button", { name: "Keep this value" }));

    await waitFor(() =>
      expect(ipc.resolveConflict).toHaveBeenCalledWith({
        record: "activity",
        recordId: "act-1",
        field: "name",
        resolution: { kind: "value", value: "Member administration" },
      }),
    );
    expect(await screen.findByText("Conflict resolved")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId("activity-name-conflict")).toBeNull());
    expect(screen.getByTestId("activity-name")).toHaveValue("Member administration");
    // The person settled it here: no notice that the record changed.
    expect(screen.queryByTestId("activity-changed")).not.toBeInTheDocument();
  });

  it("shows the conflict of a field whose input is not on screen in the form's alert", async () => {
    vi.mocked(ipc.listConflicts).mockResolvedValue([
      makeConflict({
        field: "controllerName",
        values: [
          makeConflictValue({ field: "controllerName", value: "", shown: true }),
          makeConflictValue({
            field: "controllerName",
            value: "Allotment Federation",
            device: "dev-sam",
            deviceName: "Sam's laptop",
          }),
        ],
      }),
    ]);
    renderWithProviders({ route: "/activities/act-1" });

    // The activity is run as controller: the controller's name has no input.
    const marks = await screen.findByTestId("activity-marks");
    expect(marks).toHaveTextContent("Changed on two laptops: Controller");
    expect(
      await within(marks).findByTestId("activity-controllerName-conflict"),
    ).toBeInTheDocument();
    expect(screen.queryByTestId("activity-controllerName")).not.toBeInTheDocument();
  });

  it("keeps a record deleted on another laptop from the form", async () => {
    vi.mocked(ipc.listConflicts).mockResolvedValue([
      makeConflict({
        field: "$deleted",
        values: [
          makeConflictValue({
            field: "$deleted",
            value: true,
            device: "dev-sam",
            deviceName: "Sam's laptop",
          }),
          makeConflictValue({ field: "owner", value: "Treasurer" }),
        ],
      }),
    ]);
    vi.mocked(ipc.resolveConflict).mockResolvedValue(null);
    const { user } = renderWithProviders({ route: "/activities/act-1" });

    const alert = await screen.findByTestId("activity-$deleted-conflict");
    expect(alert).toHaveTextContent("Deleted on one laptop, changed on another");
    expect(alert).toHaveTextContent("Deleted by Sam's laptop");
    expect(alert).toHaveTextContent("Owner set to Treasurer by Alex's laptop");
    await user.click(within(alert).getByRole("button", { name: "Keep the record" }));

    await waitFor(() =>
      expect(ipc.resolveConflict).toHaveBeenCalledWith({
        record: "activity",
        recordId: "act-1",
        field: "$deleted",
        resolution: { kind: "keepRecord" },
      }),
    );
  });

  it("deletes from the form a record deleted on another laptop, and returns to the list", async () => {
    vi.mocked(ipc.listConflicts).mockResolvedValue([
      makeConflict({
        field: "$deleted",
        values: [
          makeConflictValue({ field: "$deleted", value: true, deviceName: "Sam's laptop" }),
          makeConflictValue({ field: "owner", value: "Treasurer" }),
        ],
      }),
    ]);
    vi.mocked(ipc.resolveConflict).mockResolvedValue(null);
    const { user, router } = renderWithProviders({ route: "/activities/act-1" });

    const alert = await screen.findByTestId("activity-$deleted-conflict");
    await user.click(within(alert).getByRole("button", { name: "Delete it" }));

    await waitFor(() =>
      expect(ipc.resolveConflict).toHaveBeenCalledWith({
        record: "activity",
        recordId: "act-1",
        field: "$deleted",
        resolution: { kind: "deleteRecord" },
      }),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe("/activities"));
  });

  it("marks a value that a newer Steward wrote", async () => {
    vi.mocked(ipc.listNewerValues).mockResolvedValue([
      makeNewerValue(),
      // Another record's value is not this form's.
      makeNewerValue({ recordId: "act-2", field: "name" }),
    ]);
    renderWithProviders({ route: "/activities/act-1" });

    const note = await screen.findByTestId("activity-status-newer");
    expect(note).toHaveTextContent(
      `Written by a newer Steward from Sam's laptop (${formatDateTime("2026-11-21T11:00:00Z")}): update Steward to see it. Saving another value here replaces it.`,
    );
    // The form shows the value before it.
    expect(screen.getByTestId("activity-status")).toHaveValue("active");
    expect(screen.queryByTestId("activity-name-newer")).not.toBeInTheDocument();
  });
});
