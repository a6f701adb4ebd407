// Tests for start-up: a register that opened shows the app; a damaged one shows its backups
// and is restored from the newest good one before the person enters the app; another
// window on the same register, and any other problem, show their message with no way in.
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { formatDateTime } from "../components/formatDate";
import type { ApiError } from "../ipc";
import * as ipc from "../ipc";
import { StewardError } from "../ipc";
import { DATABASE, makeBackup, makeRecovery, makeStartup } from "../test/fixtures";
import { setIpcDefaults } from "../test/ipcMock";
import { renderWithProviders } from "../test/renderWithProviders";

vi.mock(import("../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

const DAMAGED: ApiError = {
  code: "damaged",
  message: `The register file ${DATABASE} is damaged (database disk image is malformed).`,
  fields: [],
};

/** Newest first: one Steward cannot read, then two good ones. */
const BACKUPS = [
  makeBackup({
    id: "steward-20261122T081500.000Z-daily.sqlite3",
    takenAt: "2026-11-22T08:15:00Z",
    activities: null,
  }),
  makeBackup({
    id: "steward-20261121T180000.000Z-before-import.sqlite3",
    takenAt: "2026-11-21T18:00:00Z",
    reason: "beforeImport",
    bytes: 3_565_158,
    activities: 14,
  }),
  makeBackup(),
];

beforeEach(() => {
  setIpcDefaults(ipc);
});

function renderApp() {
  return renderWithProviders({ route: "/", startup: true });
}

describe("start-up", () => {
  it("shows the app when the register opened", async () => {
    renderApp();

    expect(await screen.findByTestId("nav-dashboard")).toBeInTheDocument();
    expect(screen.queryByTestId("startup-problem")).not.toBeInTheDocument();
    expect(ipc.getStartup).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(ipc.getDashboard).toHaveBeenCalled());
  });

  it("lists a damaged register's backups, restores the newest good one and enters the app", async () => {
    vi.mocked(ipc.getStartup).mockResolvedValue(
      makeStartup({ problem: DAMAGED, backups: BACKUPS }),
    );
    const recovery = makeRecovery({ backup: BACKUPS[1] });
    vi.mocked(ipc.recoverDatabase).mockResolvedValue(recovery);
    const { user } = renderApp();

    const screenOf = within(await screen.findByTestId("startup-problem"));
    expect(screenOf.getByRole("heading", { name: "The register file is damaged" })).toBeVisible();
    expect(screenOf.getByTestId("startup-message")).toHaveTextContent(DAMAGED.message);
    expect(screenOf.getByTestId("startup-database")).toHaveTextContent(DATABASE);
    const rows = screenOf.getAllByTestId("backup-row");
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent(formatDateTime("2026-11-22T08:15:00Z"));
    expect(rows[0]).toHaveTextContent("Cannot be read");
    expect(rows[1]).toHaveTextContent("Before an import");
    expect(rows[1]).toHaveTextContent("3.4 MB");
    expect(rows[1]).toHaveTextContent("14 activities");
    expect(rows[2]).toHaveTextContent("Daily");
    expect(rows[2]).toHaveTextContent("240 KB");
    // The offer names the backup it would restore: the newest one Steward can read.
    expect(screenOf.getByText(/Steward can put the backup of/)).toHaveTextContent(
      `the backup of ${formatDateTime("2026-11-21T18:00:00Z")} (14 activities)`,
    );
    // Nothing reads the register while it is not open.
    expect(ipc.getDashboard).not.toHaveBeenCalled();
    expect(ipc.getWelcome).not.toHaveBeenCalled();

    await user.click(screenOf.getByTestId("startup-recover"));

    await waitFor(() => expect(ipc.recoverDatabase).toHaveBeenCalledTimes(1));
    const recovered = await screen.findByTestId("startup-recovered");
    expect(recovered).toHaveTextContent(
      `Restored the backup of ${formatDateTime("2026-11-21T18:00:00Z")} (14 activities). The damaged file is kept, untouched, as ${recovery.damagedFile}.`,
    );
    expect(ipc.getDashboard).not.toHaveBeenCalled();

    await user.click(within(recovered).getByTestId("startup-enter"));

    expect(await screen.findByTestId("nav-dashboard")).toBeInTheDocument();
    expect(screen.queryByTestId("startup-problem")).not.toBeInTheDocument();
    await waitFor(() => expect(ipc.getDashboard).toHaveBeenCalled());
    // Everything read before the recovery is read again, the start-up with it.
    await waitFor(() => expect(ipc.getStartup).toHaveBeenCalledTimes(2));
  });

  it("keeps the damaged register's screen, with the reason, when the recovery fails", async () => {
    vi.mocked(ipc.getStartup).mockResolvedValue(
      makeStartup({ problem: DAMAGED, backups: [makeBackup()] }),
    );
    const refused =
      "There is no good backup in /home/alex/.local/share/org.steward.desktop/backups: the damaged file was not changed.";
    vi.mocked(ipc.recoverDatabase).mockRejectedValue(new StewardError("notFound", refused));
    const { user } = renderApp();

    await user.click(await screen.findByTestId("startup-recover"));

    expect(await screen.findByTestId("startup-recover-error")).toHaveTextContent(refused);
    expect(screen.getByTestId("startup-problem")).toBeInTheDocument();
    expect(screen.queryByTestId("startup-recovered")).not.toBeInTheDocument();
    expect(screen.queryByTestId("nav-dashboard")).not.toBeInTheDocument();
  });

  it("says what to do when a damaged register has no backup to restore", async () => {
    vi.mocked(ipc.getStartup).mockResolvedValue(makeStartup({ problem: DAMAGED, backups: [] }));
    renderApp();

    const advice = await screen.findByTestId("startup-no-backup");
    expect(advice).toHaveTextContent("There is no backup beside the register");
    expect(advice).toHaveTextContent('If you saved a copy elsewhere (with "Back up now to…")');
    expect(screen.queryByTestId("startup-recover")).not.toBeInTheDocument();
    expect(screen.queryByTestId("startup-backups")).not.toBeInTheDocument();
  });

  it("offers no restore when Steward can read none of the backups", async () => {
    vi.mocked(ipc.getStartup).mockResolvedValue(
      makeStartup({ problem: DAMAGED, backups: [makeBackup({ activities: null })] }),
    );
    renderApp();

    expect(await screen.findByTestId("startup-no-backup")).toHaveTextContent(
      "Steward cannot read any of the backups beside the register",
    );
    expect(screen.getAllByTestId("backup-row")).toHaveLength(1);
    expect(screen.queryByTestId("startup-recover")).not.toBeInTheDocument();
  });

  it("says that another window has the register open, with no way in", async () => {
    const message = `Another Steward window has ${DATABASE} open: switch to it.`;
    vi.mocked(ipc.getStartup).mockResolvedValue(
      makeStartup({ problem: { code: "alreadyOpen", message, fields: [] } }),
    );
    renderApp();

    const problem = await screen.findByTestId("startup-problem");
    expect(
      within(problem).getByRole("heading", {
        name: "Steward is already open on this register in another window",
      }),
    ).toBeVisible();
    expect(within(problem).getByTestId("startup-message")).toHaveTextContent(message);
    expect(within(problem).queryAllByRole("button")).toHaveLength(0);
    expect(screen.queryByTestId("nav-dashboard")).not.toBeInTheDocument();
    expect(ipc.recoverDatabase).not.toHaveBeenCalled();
  });

  it("shows any other problem's message, as text", async () => {
    const message =
      'This register was written by a newer Steward (schema 9): update Steward to open it. <img src=x onerror="alert(1)">';
    vi.mocked(ipc.getStartup).mockResolvedValue(
      makeStartup({ problem: { code: "databaseTooNew", message, fields: [] } }),
    );
    renderApp();

    const problem = await screen.findByTestId("startup-problem");
    expect(
      within(problem).getByRole("heading", { name: "Steward could not open the register" }),
    ).toBeVisible();
    expect(within(problem).getByTestId("startup-message")).toHaveTextContent(message);
    expect(problem.querySelector("img")).toBeNull();
    expect(within(problem).queryAllByRole("button")).toHaveLength(0);
    expect(screen.queryByTestId("nav-dashboard")).not.toBeInTheDocument();
  });
});
