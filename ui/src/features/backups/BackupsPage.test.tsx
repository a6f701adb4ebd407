// Tests for the Backups page: its place in the navigation, the folder and the list (reasons,
// sizes, what each holds, a backup Steward cannot read), the last automatic backup's
// failure, "Back up now" and "Back up now to…", restoring a listed backup or a chosen file
// after a preview (confirmed with the button or Enter, cancelled with the button or
// Escape, which calls nothing), and the refusals shown where the person acted.
import { notifications } from "@mantine/notifications";
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { formatDateTime } from "../../components/formatDate";
import * as ipc from "../../ipc";
import { StewardError } from "../../ipc";
import { BACKUPS_FOLDER, makeBackup, makeBackups, makeRestorePreview } from "../../test/fixtures";
import { setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

const DAILY = makeBackup();
const BEFORE_IMPORT = makeBackup({
  id: "steward-20261119T170000.000Z-before-import.sqlite3",
  takenAt: "2026-11-19T17:00:00Z",
  reason: "beforeImport",
  bytes: 3_565_158,
  activities: 1,
});
const BEFORE_UPGRADE = makeBackup({
  id: "steward-20261101T080000.000Z-before-upgrade.sqlite3",
  takenAt: "2026-11-01T08:00:00Z",
  reason: "beforeUpgrade",
  bytes: 812,
  activities: null,
});
const BEFORE_RESTORE = makeBackup({
  id: "steward-20261021T120000.000Z-before-restore.sqlite3",
  takenAt: "2026-10-21T12:00:00Z",
  reason: "beforeRestore",
});
const MANUAL = makeBackup({
  id: "steward-20261015T120000.000Z-manual.sqlite3",
  takenAt: "2026-10-15T12:00:00Z",
  reason: "manual",
  bytes: 1_048_576,
});

const LISTED = makeBackups({
  backups: [DAILY, BEFORE_IMPORT, BEFORE_UPGRADE, BEFORE_RESTORE, MANUAL],
});

/** A file chosen outside the backups folder: no date in its name. */
const CHOSEN = makeRestorePreview({
  file: "/media/alex/USB/steward-backup-2026-11-01.sqlite3",
  takenAt: null,
  activities: 9,
  recipients: 5,
  summary:
    "Restoring this backup replaces the register: it holds 9 activities and 5 recipients (301 changes), where the register now holds 14 activities and 9 recipients (515 changes). The register as it is now is backed up first, so the restore can be undone the same way.",
});

beforeEach(() => {
  setIpcDefaults(ipc);
  vi.mocked(ipc.listBackups).mockResolvedValue(LISTED);
  vi.mocked(ipc.previewRestore).mockResolvedValue(makeRestorePreview());
  vi.mocked(ipc.restoreBackup).mockResolvedValue(makeRestorePreview());
  vi.mocked(ipc.restoreChosenBackup).mockResolvedValue(CHOSEN);
});

afterEach(() => {
  // Notifications outlive a test's page.
  notifications.clean();
});

function renderPage() {
  return renderWithProviders({ route: "/backups" });
}

async function rows(): Promise<HTMLElement[]> {
  return within(await screen.findByTestId("backups-table")).getAllByTestId("backup-row");
}

describe("backups page", () => {
  it("is in the navigation after the sync", async () => {
    const { user, router } = renderWithProviders({ route: "/sync" });

    const links = screen.getAllByRole("link").map((link) => link.getAttribute("data-testid"));
    expect(links.indexOf("nav-backups")).toBe(links.indexOf("nav-sync") + 1);
    await user.click(screen.getByTestId("nav-backups"));

    expect(router.state.location.pathname).toBe("/backups");
    expect(await screen.findByRole("heading", { level: 2, name: "Backups" })).toBeVisible();
    expect(screen.getByTestId("nav-backups")).toHaveAttribute("data-active", "true");
  });

  it("lists the backups with when, why, their size and what they hold", async () => {
    renderPage();

    const [daily, beforeImport, beforeUpgrade, beforeRestore, manual] = (await rows()) as [
      HTMLElement,
      HTMLElement,
      HTMLElement,
      HTMLElement,
      HTMLElement,
    ];
    expect(screen.getByText(/the first time it opens each day/)).toHaveTextContent(
      "Steward backs up the register by itself the first time it opens each day, and before upgrades, large imports and restores; it keeps 7 daily, 4 weekly and 6 monthly backups.",
    );
    expect(screen.getByTestId("backups-folder")).toHaveTextContent(BACKUPS_FOLDER);

    expect(daily).toHaveTextContent(formatDateTime("2026-11-20T09:30:00Z"));
    expect(within(daily).getByTestId("backup-reason")).toHaveTextContent("Daily");
    expect(within(daily).getByTestId("backup-size")).toHaveTextContent("240 KB");
    expect(within(daily).getByTestId("backup-activities")).toHaveTextContent("12 activities");
    expect(within(beforeImport).getByTestId("backup-reason")).toHaveTextContent("Before an import");
    expect(within(beforeImport).getByTestId("backup-size")).toHaveTextContent("3.4 MB");
    expect(within(beforeImport).getByTestId("backup-activities")).toHaveTextContent("1 activity");
    expect(within(beforeUpgrade).getByTestId("backup-reason")).toHaveTextContent(
      "Before an upgrade",
    );
    expect(within(beforeUpgrade).getByTestId("backup-size")).toHaveTextContent("812 bytes");
    // A backup Steward cannot read says so, and cannot be restored.
    expect(within(beforeUpgrade).getByTestId("backup-activities")).toHaveTextContent(
      "Cannot be read",
    );
    expect(screen.getByTestId(`backup-restore-${BEFORE_UPGRADE.id}`)).toBeDisabled();
    expect(screen.getByTestId(`backup-restore-${DAILY.id}`)).toBeEnabled();
    expect(within(beforeRestore).getByTestId("backup-reason")).toHaveTextContent(
      "Before a restore",
    );
    expect(within(manual).getByTestId("backup-reason")).toHaveTextContent("Made by you");
    expect(within(manual).getByTestId("backup-size")).toHaveTextContent("1 MB");
    expect(screen.queryByTestId("backups-problem")).not.toBeInTheDocument();
  });

  it("shows why the last automatic backup failed, as text", async () => {
    const problem =
      "Steward could not write the backup to /home/alex/backups: no space left on device <b>full</b>";
    vi.mocked(ipc.listBackups).mockResolvedValue(makeBackups({ problem }));
    renderPage();

    const alert = await screen.findByTestId("backups-problem");
    expect(alert).toHaveTextContent("The last automatic backup failed");
    expect(alert).toHaveTextContent(problem);
    expect(alert.querySelector("b")).toBeNull();
    expect(screen.getByTestId("backups-empty")).toHaveTextContent("No backup yet.");
  });

  it("backs up now, then reads the list again", async () => {
    const made = makeBackup({
      id: "steward-20261122T170000.000Z-manual.sqlite3",
      takenAt: "2026-11-22T17:00:00Z",
      reason: "manual",
    });
    vi.mocked(ipc.backupNow).mockResolvedValue(made);
    const { user } = renderPage();
    expect(await rows()).toHaveLength(5);
    await waitFor(() => expect(ipc.listBackups).toHaveBeenCalledTimes(1));
    vi.mocked(ipc.listBackups).mockResolvedValue(
      makeBackups({ backups: [made, ...LISTED.backups] }),
    );

    await user.click(screen.getByTestId("backup-now"));

    await waitFor(() => expect(ipc.backupNow).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(ipc.listBackups).toHaveBeenCalledTimes(2));
    await waitFor(async () => expect(await rows()).toHaveLength(6));
    expect((await rows())[0]).toHaveTextContent("Made by you");
    expect(await screen.findByText("Backed up")).toBeInTheDocument();
    expect(
      screen.getByText(
        `Made the backup of ${formatDateTime("2026-11-22T17:00:00Z")} (240 KB) in the backups folder.`,
      ),
    ).toBeInTheDocument();
  });

  it("shows why a backup failed beside the buttons", async () => {
    vi.mocked(ipc.backupNow).mockRejectedValue(
      new StewardError("storage", "Steward could not write to the backups folder: disk full."),
    );
    const { user } = renderPage();

    await user.click(await screen.findByTestId("backup-now"));

    const alert = await within(screen.getByTestId("backups-actions")).findByTestId(
      "backups-action-error",
    );
    expect(alert).toHaveTextContent("Could not back up");
    expect(alert).toHaveTextContent("Steward could not write to the backups folder: disk full.");
  });

  it("backs up to a chosen file and says where both of its files went", async () => {
    // The paths are Rust's to say: the JSON's name is not worked out from the database's.
    vi.mocked(ipc.backupTo).mockResolvedValueOnce(null).mockResolvedValueOnce({
      database: "/media/alex/USB/steward-backup-2026-11-22.sqlite3",
      json: "/media/alex/USB/steward-backup-2026-11-22 (register).json",
    });
    const { user } = renderPage();

    // Cancelling the save dialog does nothing.
    await user.click(await screen.findByTestId("backup-to"));
    await waitFor(() => expect(ipc.backupTo).toHaveBeenCalledTimes(1));
    expect(screen.queryByText("Backed up")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("backup-to"));

    expect(
      await screen.findByText(
        "Saved a copy of the register to /media/alex/USB/steward-backup-2026-11-22.sqlite3, and the register as JSON to /media/alex/USB/steward-backup-2026-11-22 (register).json.",
      ),
    ).toBeInTheDocument();
    expect(ipc.backupTo).toHaveBeenCalledTimes(2);
  });

  it("restores a listed backup after showing what it would change, and reads everything again", async () => {
    const { user } = renderPage();
    await rows();
    await waitFor(() => expect(ipc.getSyncStatus).toHaveBeenCalledTimes(1));

    await user.click(screen.getByTestId(`backup-restore-${DAILY.id}`));

    await waitFor(() => expect(ipc.previewRestore).toHaveBeenCalledWith(DAILY.id));
    const dialog = within(await screen.findByTestId("restore-confirm"));
    expect(dialog.getByTestId("restore-summary")).toHaveTextContent(makeRestorePreview().summary);
    expect(dialog.getByText(/^From the backup of/)).toHaveTextContent(
      `From the backup of ${formatDateTime("2026-11-20T09:30:00Z")}:`,
    );
    const [activities, recipients, changes, latest] = dialog.getAllByTestId("restore-number");
    expect(activities).toHaveTextContent(/^Activities1412$/);
    expect(recipients).toHaveTextContent(/^Recipients98$/);
    expect(changes).toHaveTextContent(/^Changes515420$/);
    expect(latest).toHaveTextContent(
      `Latest change${formatDateTime("2026-11-22T16:45:00Z")}${formatDateTime("2026-11-20T09:10:00Z")}`,
    );
    expect(ipc.restoreBackup).not.toHaveBeenCalled();

    await user.click(dialog.getByTestId("restore-confirm-button"));

    await waitFor(() => expect(ipc.restoreBackup).toHaveBeenCalledWith(DAILY.id));
    expect(ipc.restoreChosenBackup).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByTestId("restore-confirm")).not.toBeInTheDocument());
    expect(await screen.findByText("Register restored")).toBeInTheDocument();
    expect(
      screen.getByText(
        `The register now holds 12 activities and 8 recipients, from the backup of ${formatDateTime("2026-11-20T09:30:00Z")}. The register as it was is in the backups, "Before a restore".`,
      ),
    ).toBeInTheDocument();
    // The whole register changed: every query is read again, not only the list.
    await waitFor(() => expect(ipc.listBackups).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(ipc.getSyncStatus).toHaveBeenCalledTimes(2));
  });

  it("confirms a restore with Enter", async () => {
    const { user } = renderPage();

    await user.click(await screen.findByTestId(`backup-restore-${MANUAL.id}`));
    await screen.findByTestId("restore-confirm");
    await waitFor(() => expect(screen.getByTestId("restore-confirm-button")).toHaveFocus());
    await user.keyboard("{Enter}");

    await waitFor(() => expect(ipc.restoreBackup).toHaveBeenCalledWith(MANUAL.id));
    expect(ipc.restoreBackup).toHaveBeenCalledTimes(1);
  });

  it("restores nothing when the person cancels, with the button or Escape", async () => {
    const { user } = renderPage();

    await user.click(await screen.findByTestId(`backup-restore-${DAILY.id}`));
    await user.click(await screen.findByTestId("restore-cancel"));
    await waitFor(() => expect(screen.queryByTestId("restore-confirm")).not.toBeInTheDocument());

    await user.click(screen.getByTestId(`backup-restore-${BEFORE_RESTORE.id}`));
    await screen.findByTestId("restore-confirm");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("restore-confirm")).not.toBeInTheDocument());

    await user.click(screen.getByTestId("backup-restore-file"));
    vi.mocked(ipc.chooseBackupFile).mockResolvedValue(CHOSEN);
    await user.click(screen.getByTestId("backup-restore-file"));
    await user.click(await screen.findByTestId("restore-cancel"));
    await waitFor(() => expect(screen.queryByTestId("restore-confirm")).not.toBeInTheDocument());

    expect(ipc.previewRestore).toHaveBeenCalledTimes(2);
    expect(ipc.chooseBackupFile).toHaveBeenCalledTimes(2);
    expect(ipc.restoreBackup).not.toHaveBeenCalled();
    expect(ipc.restoreChosenBackup).not.toHaveBeenCalled();
    expect(screen.queryByText("Register restored")).not.toBeInTheDocument();
  });

  it("restores a file chosen in the native dialog after showing what it would change", async () => {
    vi.mocked(ipc.chooseBackupFile).mockResolvedValue(CHOSEN);
    const { user } = renderPage();

    await user.click(await screen.findByTestId("backup-restore-file"));

    const dialog = within(await screen.findByTestId("restore-confirm"));
    expect(dialog.getByText(CHOSEN.file)).toBeInTheDocument();
    expect(dialog.getByTestId("restore-summary")).toHaveTextContent(CHOSEN.summary);
    expect(dialog.getAllByTestId("restore-number")[0]).toHaveTextContent(/^Activities149$/);

    await user.click(dialog.getByTestId("restore-confirm-button"));

    await waitFor(() => expect(ipc.restoreChosenBackup).toHaveBeenCalledTimes(1));
    expect(ipc.restoreBackup).not.toHaveBeenCalled();
    expect(
      await screen.findByText(
        `The register now holds 9 activities and 5 recipients, from ${CHOSEN.file}. The register as it was is in the backups, "Before a restore".`,
      ),
    ).toBeInTheDocument();
  });

  it("shows why a chosen file cannot be restored beside the buttons", async () => {
    const refused = "This file is not a Steward register: nothing was changed.";
    vi.mocked(ipc.chooseBackupFile).mockRejectedValue(new StewardError("validation", refused));
    const { user } = renderPage();

    await user.click(await screen.findByTestId("backup-restore-file"));

    const alert = await screen.findByTestId("backups-action-error");
    expect(alert).toHaveTextContent("Could not restore from the file");
    expect(alert).toHaveTextContent(refused);
    expect(screen.queryByTestId("restore-confirm")).not.toBeInTheDocument();
  });

  it("shows why a listed backup cannot be restored below its row", async () => {
    const damaged =
      "The backup is damaged (database disk image is malformed): nothing was changed.";
    vi.mocked(ipc.previewRestore).mockRejectedValue(new StewardError("damaged", damaged));
    const { user } = renderPage();

    await user.click(await screen.findByTestId(`backup-restore-${BEFORE_IMPORT.id}`));

    const alert = await screen.findByTestId("backup-row-error");
    expect(alert).toHaveTextContent(damaged);
    // Right below the row of the backup the person tried.
    const row = alert.closest("tr")?.previousElementSibling;
    expect(row).toHaveTextContent("Before an import");
    expect(screen.queryByTestId("restore-confirm")).not.toBeInTheDocument();
  });

  it("keeps the dialog, with the reason, when the restore is refused", async () => {
    const refused = "Steward could not back up the register before restoring: disk full.";
    vi.mocked(ipc.restoreBackup).mockRejectedValue(new StewardError("storage", refused));
    const { user } = renderPage();

    await user.click(await screen.findByTestId(`backup-restore-${DAILY.id}`));
    await user.click(await screen.findByTestId("restore-confirm-button"));

    const dialog = within(screen.getByTestId("restore-confirm"));
    expect(await dialog.findByTestId("restore-error")).toHaveTextContent(refused);
    expect(screen.queryByText("Register restored")).not.toBeInTheDocument();
  });
});
