// Tests for "Sync now" in the app's header: shown only once a shared folder is chosen; it
// syncs without leaving the page (an open form keeps what was typed and takes in what the
// sync brought), with a spinner while it runs and then a summary of the report, conflicts
// and problems mentioned, with links to the Sync page; every screen reads the register
// again after it. Ctrl+Shift+S does the same, from a text field too; it is in the keyboard
// shortcuts panel.
import { notifications } from "@mantine/notifications";
import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SyncReport } from "../ipc";
import * as ipc from "../ipc";
import { StewardError } from "../ipc";
import {
  makeActivity,
  makeChangeImport,
  makeRecordProblem,
  makeSyncReport,
  makeSyncStatus,
} from "../test/fixtures";
import { setIpcDefaults } from "../test/ipcMock";
import { renderWithProviders } from "../test/renderWithProviders";

vi.mock(import("../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

// The activity's rows have tests of their own.
vi.mock(import("../features/activities/parts/ActivityParts"), () => ({
  ActivityParts: () => <div data-testid="activity-parts" />,
}));

const FOLDER = "/home/alex/Nextcloud/Steward";
const WITH_FOLDER = makeSyncStatus({ folder: FOLDER });

/** Bea's file brought one change; this laptop wrote two. */
const REPORT: SyncReport = makeSyncReport({
  folder: FOLDER,
  written: "dev-this-000013.chg",
  opsWritten: 2,
  imported: [makeChangeImport({ file: "dev-bea-000004.chg", author: "Bea", newOps: 1 })],
});

/** A promise the test settles when it wants to, to look at the page while a command runs. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

const SYNC_KEYS = "{Control>}{Shift>}S{/Shift}{/Control}";

beforeEach(() => {
  setIpcDefaults(ipc);
  vi.mocked(ipc.getSyncStatus).mockResolvedValue(WITH_FOLDER);
  vi.mocked(ipc.getActivity).mockResolvedValue(makeActivity());
  vi.mocked(ipc.listActivities).mockResolvedValue([makeActivity()]);
});

afterEach(() => {
  // Notifications outlive a test's page.
  notifications.clean();
});

describe("Sync now in the header", () => {
  it("is not there until a shared folder is chosen, and the keys say to choose one", async () => {
    vi.mocked(ipc.getSyncStatus).mockResolvedValue(makeSyncStatus());
    const { user, router } = renderWithProviders({ route: "/activities" });

    await screen.findAllByTestId("activity-row");
    await waitFor(() => expect(ipc.getSyncStatus).toHaveBeenCalled());
    expect(screen.queryByTestId("header-sync-now")).not.toBeInTheDocument();

    await user.keyboard(SYNC_KEYS);

    const notice = await screen.findByTestId("header-sync-no-folder");
    expect(notice).toHaveTextContent("Choose the folder your sync tool shares first.");
    expect(ipc.syncNow).not.toHaveBeenCalled();

    await user.click(within(notice).getByTestId("header-sync-details"));
    expect(router.state.location.pathname).toBe("/sync");
  });

  it("syncs without leaving the page, with a spinner, then sums up the report and reads everything again", async () => {
    const running = deferred<SyncReport>();
    vi.mocked(ipc.syncNow).mockReturnValue(running.promise);
    const { user, router } = renderWithProviders({ route: "/activities" });
    await screen.findAllByTestId("activity-row");
    const button = await screen.findByTestId("header-sync-now");
    expect(button).toHaveTextContent("Sync now");
    const listReads = vi.mocked(ipc.listActivities).mock.calls.length;
    const statusReads = vi.mocked(ipc.getSyncStatus).mock.calls.length;

    await user.click(button);

    await waitFor(() => expect(ipc.syncNow).toHaveBeenCalledTimes(1));
    expect(button).toHaveAttribute("data-loading", "true");
    expect(button).toBeDisabled();
    // A second press while it runs does not queue another sync.
    await user.keyboard(SYNC_KEYS);
    expect(ipc.syncNow).toHaveBeenCalledTimes(1);

    vi.mocked(ipc.listActivities).mockResolvedValue([
      makeActivity(),
      makeActivity({ id: "act-2", name: "Newsletter", base: "4@dev-bea" }),
    ]);
    await act(async () => running.resolve(REPORT));

    const summary = await screen.findByTestId("header-sync-summary");
    expect(summary).toHaveTextContent("1 file imported from Bea, 2 changes written.");
    expect(screen.getByText("Synced")).toBeInTheDocument();
    expect(within(summary).queryByTestId("header-sync-conflicts")).not.toBeInTheDocument();
    // The list on screen was read again, and so was the status.
    await waitFor(() => expect(screen.getAllByTestId("activity-row")).toHaveLength(2));
    expect(screen.getByText("Newsletter")).toBeInTheDocument();
    expect(vi.mocked(ipc.listActivities).mock.calls.length).toBeGreaterThan(listReads);
    expect(vi.mocked(ipc.getSyncStatus).mock.calls.length).toBeGreaterThan(statusReads);
    expect(router.state.location.pathname).toBe("/activities");
    await waitFor(() => expect(button).not.toHaveAttribute("data-loading"));
    expect(button).toBeEnabled();

    // The details are one click away.
    await user.click(within(summary).getByTestId("header-sync-details"));
    expect(router.state.location.pathname).toBe("/sync");
  });

  it("says what waits for a person: conflicts, records to settle and refused files", async () => {
    vi.mocked(ipc.syncNow).mockResolvedValue(
      makeSyncReport({
        folder: FOLDER,
        imported: [
          makeChangeImport({ author: "Bea", problems: [makeRecordProblem()] }),
          makeChangeImport({ file: "dev-sam-000002.chg", author: "Sam", clocksAhead: ["Sam"] }),
        ],
        rejected: [{ file: "dev-kim-000001.chg", reason: "It is damaged." }],
        conflicts: 2,
      }),
    );
    const { user, router } = renderWithProviders({ route: "/activities" });

    await user.click(await screen.findByTestId("header-sync-now"));

    const summary = await screen.findByTestId("header-sync-summary");
    expect(screen.getByText("Synced: something waits for you")).toBeInTheDocument();
    expect(summary).toHaveTextContent("2 files imported from Bea and Sam.");
    expect(summary).toHaveTextContent("1 file was refused: nothing of it was imported.");
    expect(summary).toHaveTextContent("2 conflicts wait for you.");
    expect(summary).toHaveTextContent("1 record needs a person to settle it.");
    expect(summary).toHaveTextContent("The clock of Sam is more than a day ahead.");

    await user.click(within(summary).getByTestId("header-sync-conflicts"));
    expect(router.state.location.pathname).toBe("/sync/conflicts");
  });

  it("says why a sync failed, and stays where it is", async () => {
    vi.mocked(ipc.syncNow).mockRejectedValue(
      new StewardError("storage", "The folder /home/alex/Nextcloud/Steward cannot be read."),
    );
    const { user, router } = renderWithProviders({ route: "/activities" });

    await user.click(await screen.findByTestId("header-sync-now"));

    expect(await screen.findByTestId("header-sync-error")).toHaveTextContent(
      "The folder /home/alex/Nextcloud/Steward cannot be read.",
    );
    expect(screen.getByText("Could not sync")).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/activities");
    expect(screen.getByTestId("header-sync-now")).toBeEnabled();
  });

  it("runs on Ctrl+Shift+S from a text field of an open form, which keeps what was typed and takes in the rest", async () => {
    vi.mocked(ipc.syncNow).mockResolvedValue(REPORT);
    const { user, router } = renderWithProviders({ route: "/activities/act-1" });
    const owner = await screen.findByTestId("activity-owner");
    await screen.findByTestId("header-sync-now");
    await user.clear(owner);
    await user.type(owner, "Treasurer");
    // Bea renamed the activity; the sync brings it.
    vi.mocked(ipc.getActivity).mockResolvedValue(
      makeActivity({ base: "12@dev-this,4@dev-bea", name: "Membership list" }),
    );

    await user.keyboard(SYNC_KEYS);

    await waitFor(() => expect(ipc.syncNow).toHaveBeenCalledTimes(1));
    expect(await screen.findByTestId("header-sync-summary")).toHaveTextContent(
      "1 file imported from Bea, 2 changes written.",
    );
    await waitFor(() => expect(screen.getByTestId("activity-name")).toHaveValue("Membership list"));
    expect(owner).toHaveValue("Treasurer");
    expect(screen.getByTestId("activity-changed")).toHaveTextContent(
      "This record changed while you had it open (Name). Your own changes are kept.",
    );
    // No save was made, and the page did not change (nor ask about unsaved changes).
    expect(ipc.updateActivity).not.toHaveBeenCalled();
    expect(router.state.location.pathname).toBe("/activities/act-1");
  });

  it("holds the Sync page's own button while it runs", async () => {
    const running = deferred<SyncReport>();
    vi.mocked(ipc.syncNow).mockReturnValue(running.promise);
    const { user } = renderWithProviders({ route: "/sync" });
    const pageButton = await screen.findByTestId("sync-now");
    expect(pageButton).toBeEnabled();

    await user.click(screen.getByTestId("header-sync-now"));

    await waitFor(() => expect(pageButton).toBeDisabled());
    await act(async () => running.resolve(REPORT));
    await waitFor(() => expect(pageButton).toBeEnabled());
    expect(ipc.syncNow).toHaveBeenCalledTimes(1);
  });

  it("is listed in the keyboard shortcuts", async () => {
    const { user } = renderWithProviders({ route: "/activities" });

    await user.click(screen.getByTestId("nav-shortcuts"));

    const table = await screen.findByRole("table", { name: "Keyboard shortcuts" });
    const row = within(table).getByText("Sync now, from any page").closest("tr");
    expect(row).not.toBeNull();
    expect(row).toHaveTextContent("Ctrl+Shift+S");
  });
});
