// Tests for what the sync page shows a person beyond the changes themselves: files refused
// and not dismissed (and dismissing one), what a sync's or a manual import's files left
// (a laptop restored from an older copy, records their form would refuse with links to
// them, clocks ahead), and the values a newer Steward wrote.
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { formatDateTime } from "../../components/formatDate";
import * as ipc from "../../ipc";
import {
  makeChangeImport,
  makeNewerValue,
  makeRecordProblem,
  makeRefusedFile,
  makeSyncReport,
  makeSyncStatus,
} from "../../test/fixtures";
import { setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

const HOSTILE_NAME = '<img src=x onerror="alert(1)">.chg';

const RESTORED =
  "This laptop was restored from an older copy: it now writes its changes as a new laptop, and the changes it made since the copy were kept.";

const PROBLEMS = [
  makeRecordProblem(),
  makeRecordProblem({
    record: "purpose",
    recordId: "pur-1",
    recordName: "Send the newsletter",
    activityId: "act-7",
    field: "legitimateInterest",
    message: "Say which legitimate interest is pursued.",
  }),
  // A row whose activity is not known.
  makeRecordProblem({
    record: "transfer",
    recordId: "tr-1",
    recordName: "United States",
    activityId: null,
    field: "safeguards",
    message: "Describe the safeguards.",
  }),
];

beforeEach(() => {
  setIpcDefaults(ipc);
});

function renderPage() {
  return renderWithProviders({ route: "/sync" });
}

describe("sync page problems", () => {
  it("lists the refused files with their reason, and dismisses one", async () => {
    const kept = makeRefusedFile({
      id: "rf-2",
      file: HOSTILE_NAME,
      reason: "It is damaged (the checksum does not match).",
      at: "2026-11-22T10:30:00Z",
    });
    vi.mocked(ipc.getSyncStatus).mockResolvedValue(
      makeSyncStatus({ refused: [makeRefusedFile(), kept] }),
    );
    vi.mocked(ipc.dismissRefusedFile).mockResolvedValue(makeSyncStatus({ refused: [kept] }));
    const { user } = renderPage();

    const card = await screen.findByTestId("sync-refused");
    expect(card).toHaveTextContent("2 files were refused: nothing of them was imported.");
    const files = within(card).getAllByTestId("sync-refused-file");
    expect(files[0]).toHaveTextContent("dev-kim-000004.chg");
    expect(files[0]).toHaveTextContent(
      "The file belongs to another organisation: ask Kim for a file from this register.",
    );
    expect(files[0]).toHaveTextContent(formatDateTime("2026-11-22T09:45:00Z"));
    // A name from the shared folder is text, never markup.
    expect(files[1]).toHaveTextContent(HOSTILE_NAME);
    expect(card.querySelector("img")).toBeNull();

    await user.click(
      within(files[0] as HTMLElement).getByRole("button", { name: "Dismiss dev-kim-000004.chg" }),
    );

    await waitFor(() => expect(ipc.dismissRefusedFile).toHaveBeenCalledWith("rf-1"));
    await waitFor(() => expect(screen.getAllByTestId("sync-refused-file")).toHaveLength(1));
    expect(screen.getByTestId("sync-refused")).toHaveTextContent(HOSTILE_NAME);
  });

  it("shows no problems when no file waits", async () => {
    renderPage();

    await screen.findByTestId("sync-report");
    expect(screen.queryByTestId("sync-refused")).not.toBeInTheDocument();
    expect(screen.queryByTestId("sync-newer-values")).not.toBeInTheDocument();
  });

  it("shows what the last sync's files left for a person, each record linked", async () => {
    vi.mocked(ipc.getSyncStatus).mockResolvedValue(
      makeSyncStatus({
        folder: "/home/alex/Nextcloud/Steward",
        lastSync: makeSyncReport({
          imported: [
            makeChangeImport({ restored: RESTORED, problems: PROBLEMS }),
            makeChangeImport({ file: "dev-kim-000002.chg", clocksAhead: ["Kim's laptop"] }),
          ],
        }),
      }),
    );
    renderPage();

    const report = await screen.findByTestId("sync-report");
    expect(within(report).getByTestId("sync-restored")).toHaveTextContent(RESTORED);
    const problems = within(report).getByTestId("sync-problems");
    expect(problems).toHaveTextContent("3 records need a person to settle them");
    const [activity, purpose, transfer] = within(problems).getAllByTestId("sync-problem") as [
      HTMLElement,
      HTMLElement,
      HTMLElement,
    ];
    expect(activity).toHaveTextContent(
      'Processing activity "Member administration": Controller. An activity run as controller names no other controller',
    );
    expect(within(activity).getByRole("link")).toHaveAttribute(
      "href",
      "/activities/act-1?field=controllerName",
    );
    expect(purpose).toHaveTextContent('Purpose of an activity "Send the newsletter"');
    expect(purpose).toHaveTextContent(
      "Legitimate interest. Say which legitimate interest is pursued.",
    );
    // A row of an activity links to its activity's page, at the section of its rows.
    expect(
      within(purpose).getByRole("link", { name: 'Purpose of an activity "Send the newsletter"' }),
    ).toHaveAttribute("href", "/activities/act-7?field=purposes");
    // Without its activity, it is found under its activity on the dashboard.
    expect(
      within(transfer).getByRole("link", { name: "find it on the dashboard" }),
    ).toHaveAttribute("href", "/");
    expect(within(report).getByTestId("sync-clocks-ahead")).toHaveTextContent(
      "The clock of Kim's laptop is more than a day ahead.",
    );
  });

  it("shows what a file imported by hand left for a person", async () => {
    vi.mocked(ipc.importChanges).mockResolvedValue(
      makeChangeImport({ restored: RESTORED, problems: [makeRecordProblem()] }),
    );
    const { user } = renderPage();

    await user.click(await screen.findByTestId("sync-import"));

    expect(await screen.findByTestId("sync-file-result")).toHaveTextContent(
      "Imported 5 new changes from Sam's laptop (dev-sam-000001.chg).",
    );
    const card = screen.getByTestId("sync-file-card");
    expect(within(card).getByTestId("sync-restored")).toHaveTextContent(RESTORED);
    expect(within(card).getByTestId("sync-problems")).toHaveTextContent(
      "1 record needs a person to settle it",
    );
    expect(
      within(card).getByRole("link", { name: 'Processing activity "Member administration"' }),
    ).toHaveAttribute("href", "/activities/act-1?field=controllerName");
  });

  it("lists the values a newer Steward wrote, linked to their records", async () => {
    vi.mocked(ipc.listNewerValues).mockResolvedValue([
      makeNewerValue(),
      makeNewerValue({
        record: "recipient",
        recordId: "rec-1",
        recordName: "Hetzner Online GmbH",
        field: "dpaStatus",
      }),
      makeNewerValue({
        record: "transfer",
        recordId: "tr-1",
        recordName: "United States",
        activityId: "act-7",
        field: "mechanism",
        value: "dataPrivacyFramework2",
      }),
    ]);
    renderPage();

    const card = await screen.findByTestId("sync-newer-values");
    const [status, dpa, transfer] = within(card).getAllByTestId("sync-newer-value") as [
      HTMLElement,
      HTMLElement,
      HTMLElement,
    ];
    expect(status).toHaveTextContent(
      `Processing activity "Member administration": Status, from Sam's laptop (${formatDateTime("2026-11-21T11:00:00Z")})`,
    );
    expect(within(status).getByRole("link")).toHaveAttribute(
      "href",
      "/activities/act-1?field=status",
    );
    expect(dpa).toHaveTextContent('Recipient "Hetzner Online GmbH": DPA status');
    expect(within(dpa).getByRole("link")).toHaveAttribute(
      "href",
      "/recipients/rec-1?field=dpaStatus",
    );
    // A row of an activity links to its activity's page, at the transfers.
    expect(transfer).toHaveTextContent('Transfer of an activity "United States"');
    expect(within(transfer).getByRole("link")).toHaveAttribute(
      "href",
      "/activities/act-7?field=transfers",
    );
  });
});
