// Tests for the sync page: the navigation entry and its conflict count, the shared folder
// and the laptops, "Sync now" and its report (a refused file's name shown as text), a
// cancelled folder dialog, sync errors, the automatic sync switch, the exchange by file
// (exports, import, joining) and the buttons held while one action runs.
import { act, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { formatDateTime } from "../../components/formatDate";
import type { SyncReport } from "../../ipc";
import * as ipc from "../../ipc";
import { StewardError } from "../../ipc";
import {
  makeChangeImport,
  makeDeviceStatus,
  makeSyncReport,
  makeSyncStatus,
} from "../../test/fixtures";
import { setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

const FOLDER = "/home/alex/Nextcloud/Steward";

const WITH_FOLDER = makeSyncStatus({
  folder: FOLDER,
  devices: [
    makeDeviceStatus(),
    makeDeviceStatus({
      device: "dev-sam",
      name: "Sam's laptop",
      thisDevice: false,
      changes: 30,
      lastSeq: 40,
      lastChangeAt: "2026-11-21T08:15:00Z",
      missing: ["3–7", "12"],
      clockAhead: true,
    }),
  ],
});

const HOSTILE_NAME = '<script>alert("x")</script>.chg';

const REPORT: SyncReport = makeSyncReport({
  at: "2026-11-22T12:00:00Z",
  folder: FOLDER,
  written: "13-15.chg",
  opsWritten: 3,
  imported: [makeChangeImport({ file: "1-40.chg", opsInFile: 40, newOps: 28 })],
  alreadyHad: 2,
  ignored: ["1-40.chg.tmp"],
  rejected: [{ file: HOSTILE_NAME, reason: "it is damaged (the checksum does not match)" }],
  conflicts: 2,
});

/** A promise the test settles when it wants to, to look at the page while a command runs. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

beforeEach(() => {
  setIpcDefaults(ipc);
});

function renderPage() {
  return renderWithProviders({ route: "/sync" });
}

describe("sync page", () => {
  it("is in the navigation after the documents, and counts the conflicts there", async () => {
    vi.mocked(ipc.getSyncStatus).mockResolvedValue(makeSyncStatus({ conflicts: 3 }));
    const { user, router } = renderWithProviders({ route: "/documents" });

    const links = screen.getAllByRole("link").map((link) => link.getAttribute("data-testid"));
    expect(links.indexOf("nav-sync")).toBe(links.indexOf("nav-documents") + 1);
    const badge = await screen.findByTestId("nav-sync-conflicts");
    expect(badge).toHaveTextContent("3");
    expect(within(screen.getByTestId("nav-sync")).getByTestId("nav-sync-conflicts")).toBe(badge);

    await user.click(screen.getByTestId("nav-sync"));

    expect(router.state.location.pathname).toBe("/sync");
    expect(screen.getByTestId("nav-sync")).toHaveAttribute("data-active", "true");
    expect(
      await screen.findByRole("heading", { level: 2, name: "Sync with other laptops" }),
    ).toBeInTheDocument();
  });

  it("shows no conflict count when none waits", async () => {
    renderWithProviders({ route: "/documents" });

    await waitFor(() => expect(ipc.getSyncStatus).toHaveBeenCalled());
    await screen.findByTestId("nav-sync");
    expect(screen.queryByTestId("nav-sync-conflicts")).not.toBeInTheDocument();
  });

  it("shows the folder and every laptop, with missing changes and a clock ahead", async () => {
    vi.mocked(ipc.getSyncStatus).mockResolvedValue(WITH_FOLDER);
    renderPage();

    expect(await screen.findByTestId("sync-folder-path")).toHaveTextContent(FOLDER);
    const rows = screen.getAllByTestId("sync-device-row");
    expect(rows).toHaveLength(2);
    const [mine, sam] = rows as [HTMLElement, HTMLElement];
    expect(mine).toHaveTextContent("Alex's laptop");
    expect(within(mine).getByText("this laptop")).toBeInTheDocument();
    expect(mine).toHaveTextContent("Nothing missing");
    expect(mine).not.toHaveTextContent("Clock ahead");
    expect(sam).toHaveTextContent("Sam's laptop");
    expect(within(sam).queryByText("this laptop")).not.toBeInTheDocument();
    expect(sam).toHaveTextContent("30");
    expect(sam).toHaveTextContent(formatDateTime("2026-11-21T08:15:00Z"));
    expect(
      within(sam)
        .getAllByTestId("sync-device-missing")
        .map((item) => item.textContent),
    ).toEqual(["Missing changes 3–7", "Missing changes 12"]);
    expect(within(sam).getByTestId("sync-device-clock-ahead")).toHaveTextContent("Clock ahead");
    expect(screen.getByTestId("sync-devices-card")).toHaveTextContent(
      "a change file of that laptop has not arrived yet",
    );
    expect(screen.getByTestId("sync-now")).toBeEnabled();
    expect(screen.getByTestId("sync-report")).toHaveTextContent(
      "This laptop has not synced with a shared folder yet.",
    );
    // The device's name, as the others see it.
    expect(screen.getByTestId("device-card")).toBeInTheDocument();
  });

  it("cannot sync, or sync automatically, before a folder is chosen", async () => {
    renderPage();

    expect(await screen.findByTestId("sync-folder-path")).toHaveTextContent("No folder chosen yet");
    expect(screen.getByTestId("sync-now")).toBeDisabled();
    expect(screen.getByTestId("sync-automatic")).toBeDisabled();
    expect(screen.getByTestId("sync-choose-folder")).toBeEnabled();
  });

  it("syncs now and shows the report, with a refused file's name as plain text", async () => {
    // After the sync, the register reads the report and the conflicts it left.
    vi.mocked(ipc.getSyncStatus)
      .mockResolvedValueOnce(WITH_FOLDER)
      .mockResolvedValue({ ...WITH_FOLDER, lastSync: REPORT, conflicts: 2 });
    vi.mocked(ipc.syncNow).mockResolvedValue(REPORT);
    const { user, router } = renderPage();

    await user.click(await screen.findByTestId("sync-now"));

    await waitFor(() => expect(ipc.syncNow).toHaveBeenCalledTimes(1));
    const report = screen.getByTestId("sync-report");
    await waitFor(() => expect(report).toHaveTextContent("Wrote 3 changes to 13-15.chg."));
    expect(report).toHaveTextContent(formatDateTime(REPORT.at));
    const imported = within(report).getAllByTestId("sync-imported");
    expect(imported.map((item) => item.textContent)).toEqual([
      "1-40.chg from Sam's laptop: 28 new changes",
    ]);
    expect(report).toHaveTextContent("2 files held only changes that were already here.");
    expect(report).toHaveTextContent("Ignored 1 name in the folder that is no change file");
    const rejected = within(report).getByTestId("sync-rejected");
    expect(within(rejected).getByText(HOSTILE_NAME).tagName).not.toBe("SCRIPT");
    expect(rejected).toHaveTextContent(
      `${HOSTILE_NAME}: it is damaged (the checksum does not match)`,
    );
    expect(document.querySelector("script")).toBeNull();
    const conflicts = await within(report).findByTestId("sync-conflicts-alert");
    expect(conflicts).toHaveTextContent("2 conflicts wait for you");
    expect(await screen.findByTestId("nav-sync-conflicts")).toHaveTextContent("2");

    await user.click(within(conflicts).getByTestId("sync-review-conflicts"));

    expect(router.state.location.pathname).toBe("/sync/conflicts");
  });

  it("shows the last sync the register keeps, and that this laptop had nothing to write", async () => {
    vi.mocked(ipc.getSyncStatus).mockResolvedValue({
      ...WITH_FOLDER,
      lastSync: makeSyncReport({ alreadyHad: 1 }),
    });
    renderPage();

    const report = await screen.findByTestId("sync-report");
    await waitFor(() => expect(report).toHaveTextContent("No new changes of this laptop"));
    expect(report).toHaveTextContent("1 file held only changes that were already here.");
    expect(report).toHaveTextContent("No new files from the other laptops.");
    expect(within(report).queryByTestId("sync-rejected")).not.toBeInTheDocument();
    expect(within(report).queryByTestId("sync-conflicts-alert")).not.toBeInTheDocument();
  });

  it("shows why a sync failed", async () => {
    vi.mocked(ipc.getSyncStatus).mockResolvedValue(WITH_FOLDER);
    vi.mocked(ipc.syncNow).mockRejectedValue(
      new StewardError("storage", "The folder /home/alex/Nextcloud/Steward cannot be read."),
    );
    const { user } = renderPage();

    await user.click(await screen.findByTestId("sync-now"));

    expect(await screen.findByTestId("sync-error")).toHaveTextContent(
      "The folder /home/alex/Nextcloud/Steward cannot be read.",
    );
    expect(screen.getByTestId("sync-now")).toBeEnabled();
  });

  it("does nothing when the folder dialog is cancelled", async () => {
    const { user } = renderPage();
    await screen.findByTestId("sync-folder-card");
    await waitFor(() => expect(ipc.getSyncStatus).toHaveBeenCalled());
    const reads = vi.mocked(ipc.getSyncStatus).mock.calls.length;

    await user.click(screen.getByTestId("sync-choose-folder"));

    await waitFor(() => expect(ipc.chooseSyncFolder).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.getByTestId("sync-choose-folder")).toBeEnabled());
    expect(screen.queryByTestId("sync-error")).not.toBeInTheDocument();
    expect(screen.getByTestId("sync-folder-path")).toHaveTextContent("No folder chosen yet");
    expect(screen.getByTestId("sync-report")).toHaveTextContent(
      "This laptop has not synced with a shared folder yet.",
    );
    // Nothing changed, so nothing is read again.
    expect(ipc.getSyncStatus).toHaveBeenCalledTimes(reads);
  });

  it("chooses a folder, syncs with it at once and reads everything again", async () => {
    const synced = makeSyncReport({ written: "1-12.chg", opsWritten: 12 });
    vi.mocked(ipc.getSyncStatus)
      .mockResolvedValueOnce(makeSyncStatus())
      .mockResolvedValue({ ...WITH_FOLDER, lastSync: synced });
    vi.mocked(ipc.chooseSyncFolder).mockResolvedValue(synced);
    const { user } = renderPage();

    await user.click(await screen.findByTestId("sync-choose-folder"));

    await waitFor(() => expect(screen.getByTestId("sync-folder-path")).toHaveTextContent(FOLDER));
    expect(screen.getByTestId("sync-report")).toHaveTextContent("Wrote 12 changes to 1-12.chg.");
    expect(screen.getByTestId("sync-now")).toBeEnabled();
  });

  it("turns on syncing when Steward starts and quits", async () => {
    vi.mocked(ipc.getSyncStatus).mockResolvedValue(WITH_FOLDER);
    vi.mocked(ipc.setSyncAutomatically).mockResolvedValue({ ...WITH_FOLDER, automatic: true });
    const { user } = renderPage();
    const toggle = await screen.findByTestId("sync-automatic");
    expect(toggle).not.toBeChecked();
    expect(toggle).toBeEnabled();

    await user.click(toggle);

    await waitFor(() => expect(ipc.setSyncAutomatically).toHaveBeenCalledWith(true));
    await waitFor(() => expect(toggle).toBeChecked());
  });

  it("holds the other buttons while a sync runs", async () => {
    vi.mocked(ipc.getSyncStatus).mockResolvedValue(WITH_FOLDER);
    const running = deferred<SyncReport>();
    vi.mocked(ipc.syncNow).mockReturnValue(running.promise);
    const { user } = renderPage();

    await user.click(await screen.findByTestId("sync-now"));

    await waitFor(() => expect(ipc.syncNow).toHaveBeenCalledTimes(1));
    for (const testId of [
      "sync-choose-folder",
      "sync-export-mine",
      "sync-export-starter",
      "sync-import",
      "sync-join",
    ]) {
      expect(screen.getByTestId(testId)).toBeDisabled();
    }

    await act(async () => running.resolve(REPORT));

    await waitFor(() => expect(screen.getByTestId("sync-import")).toBeEnabled());
    expect(screen.getByTestId("sync-report")).toHaveTextContent("Wrote 3 changes to 13-15.chg.");
  });
});

describe("exchange by file", () => {
  it("exports this laptop's changes, then a starter file, and says where each went", async () => {
    vi.mocked(ipc.exportChanges)
      .mockResolvedValueOnce({ fileName: "changes-alex.chg", folder: "/home/alex/Desktop" })
      .mockResolvedValueOnce({ fileName: "starter-riverside.chg", folder: "/media/usb" });
    const { user } = renderPage();

    await user.click(await screen.findByTestId("sync-export-mine"));

    await waitFor(() => expect(ipc.exportChanges).toHaveBeenLastCalledWith(false, undefined));
    expect(await screen.findByTestId("sync-file-result")).toHaveTextContent(
      "Saved changes-alex.chg in /home/alex/Desktop",
    );

    await user.click(screen.getByTestId("sync-export-starter"));

    await waitFor(() => expect(ipc.exportChanges).toHaveBeenLastCalledWith(true, undefined));
    await waitFor(() =>
      expect(screen.getByTestId("sync-file-result")).toHaveTextContent(
        "Saved starter-riverside.chg in /media/usb",
      ),
    );
    expect(ipc.exportChanges).toHaveBeenCalledTimes(2);
  });

  it("shows nothing when the save dialog is cancelled", async () => {
    const { user } = renderPage();

    await user.click(await screen.findByTestId("sync-export-mine"));

    await waitFor(() => expect(ipc.exportChanges).toHaveBeenCalledWith(false, undefined));
    await waitFor(() => expect(screen.getByTestId("sync-export-mine")).toBeEnabled());
    expect(screen.queryByTestId("sync-file-result")).not.toBeInTheDocument();
    expect(screen.queryByTestId("sync-file-error")).not.toBeInTheDocument();
  });

  it("imports a change file and reads everything again", async () => {
    vi.mocked(ipc.importChanges).mockResolvedValue(
      makeChangeImport({
        file: "changes-sam.chg",
        author: "Sam's laptop",
        opsInFile: 9,
        newOps: 7,
      }),
    );
    const { user } = renderPage();
    await user.click(await screen.findByTestId("sync-import"));

    expect(await screen.findByTestId("sync-file-result")).toHaveTextContent(
      "Imported 7 new changes from Sam's laptop (changes-sam.chg).",
    );
    await waitFor(() =>
      expect(vi.mocked(ipc.getSyncStatus).mock.calls.length).toBeGreaterThanOrEqual(2),
    );
  });

  it("shows why joining an organisation was refused", async () => {
    vi.mocked(ipc.joinOrganisation).mockRejectedValue(
      new StewardError(
        "validation",
        "This register is not empty: only a new laptop can join an organisation.",
      ),
    );
    const { user } = renderPage();

    await user.click(await screen.findByTestId("sync-join"));

    expect(await screen.findByTestId("sync-file-error")).toHaveTextContent(
      "This register is not empty: only a new laptop can join an organisation.",
    );
    expect(screen.queryByTestId("sync-file-result")).not.toBeInTheDocument();
  });

  it("joins an organisation from a starter file", async () => {
    vi.mocked(ipc.joinOrganisation).mockResolvedValue(
      makeChangeImport({
        file: "starter-riverside.chg",
        author: "Alex's laptop",
        opsInFile: 120,
        newOps: 120,
      }),
    );
    const { user } = renderPage();

    await user.click(await screen.findByTestId("sync-join"));

    expect(await screen.findByTestId("sync-file-result")).toHaveTextContent(
      "This laptop joined the organisation. Imported 120 new changes from Alex's laptop (starter-riverside.chg).",
    );
  });
});
