// Tests for the dashboard, the home screen: the figures, the open findings with their Fix
// links, acknowledging one (the server's message under the reason, the text kept) and
// withdrawing it, the deadlines, the activities without an owner, Art. 30(5), and the
// empty, loading and error states.
import { notifications } from "@mantine/notifications";
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as ipc from "../../ipc";
import { type Dashboard, type Finding, StewardError } from "../../ipc";
import { makeAcknowledgement, makeDashboard, makeFinding } from "../../test/fixtures";
import { describedByText, setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

const REASON_MESSAGE = "Say why this is a deliberate choice, in at least 10 characters.";

const NO_DPA = makeFinding({
  check: "processorWithoutDpa",
  severity: "error",
  kind: "recipient",
  recordId: "rec-1",
  record: "Hetzner Online GmbH",
  field: "dpaStatus",
  article: "Art. 28(3)",
  message: "A processor handles personal data for you without a signed data-processing agreement.",
});
const NO_OWNER = makeFinding({ recordId: "act-2", record: "Newsletter" });
const NO_NOTICE = makeFinding({
  check: "sourceWithoutNotice",
  recordId: "act-1",
  record: "Member administration",
  field: "notice",
  article: "Art. 14(3)",
  message: "Data received from Eventbrite has no notice to the people it is about.",
});
const HINT = makeFinding({
  check: "someSuggestion",
  severity: "info",
  recordId: "act-3",
  record: "Volunteer rota",
  field: null,
  article: "Art. 5(2)",
  message: "Consider recording more.",
});
const ACKNOWLEDGED = makeFinding({
  check: "dpiaLikelyRequired",
  recordId: "act-1",
  record: "Member administration",
  field: "dpiaStatus",
  article: "Art. 35(1)",
  message: "2 screening criteria are met: a DPIA is likely required.",
  acknowledgement: {
    id: "ack-9",
    base: "31@dev-sam",
    reason: "Screened with our DPO in 2026.",
    at: "2026-11-02T10:00:00Z",
  },
});

function dashboard(
  findings: Finding[] = [NO_OWNER, NO_NOTICE, HINT, NO_DPA, ACKNOWLEDGED],
): Dashboard {
  const open = (severity: string) =>
    findings.filter((f) => f.severity === severity && f.acknowledgement === null).length;
  return makeDashboard({
    today: "2026-11-20",
    activitiesByStatus: [
      { status: "draft", count: 1 },
      { status: "active", count: 2 },
      { status: "retired", count: 4 },
    ],
    openBySeverity: [
      { severity: "error", count: open("error") },
      { severity: "warning", count: open("warning") },
      { severity: "info", count: open("info") },
    ],
    findings,
    deadlines: [
      {
        kind: "dpaExpiry",
        recordKind: "recipient",
        recordId: "rec-1",
        record: "Hetzner Online GmbH",
        field: "dpaExpires",
        date: "2026-11-17",
        days: -3,
      },
      {
        kind: "review",
        recordKind: "activity",
        recordId: "act-1",
        record: "Member administration",
        field: "nextReview",
        date: "2026-11-20",
        days: 0,
      },
      {
        kind: "review",
        recordKind: "activity",
        recordId: "act-2",
        record: "Newsletter",
        field: "nextReview",
        date: "2026-12-02",
        days: 12,
      },
    ],
    withoutOwner: [
      { activityId: "act-2", activity: "Newsletter", recordRequired: true, reasons: [] },
    ],
    applicability: [
      {
        activityId: "act-1",
        activity: "Member administration",
        recordRequired: true,
        reasons: ["The processing is not occasional."],
      },
      {
        activityId: "act-2",
        activity: "Newsletter",
        recordRequired: false,
        reasons: ["Fewer than 250 employees.", "The processing is occasional."],
      },
    ],
  });
}

beforeEach(() => {
  setIpcDefaults(ipc);
  vi.mocked(ipc.getDashboard).mockResolvedValue(dashboard());
});

afterEach(() => {
  notifications.clean();
});

function openItems() {
  return within(screen.getByTestId("dashboard-findings")).queryAllByTestId("dashboard-finding");
}

describe("dashboard", () => {
  it("is the home screen, with the activities by status and the open gaps by severity", async () => {
    renderWithProviders({ route: "/" });

    expect(await screen.findByTestId("dashboard-status-draft")).toHaveTextContent("1");
    expect(screen.getByRole("heading", { name: "Dashboard" })).toBeInTheDocument();
    expect(screen.getByTestId("dashboard-today")).toHaveTextContent(/2026/);
    expect(screen.getByTestId("dashboard-status-active")).toHaveTextContent("2");
    expect(screen.getByTestId("dashboard-status-retired")).toHaveTextContent("4");
    expect(screen.getByTestId("dashboard-status-active")).toHaveAttribute("href", "/activities");
    expect(screen.getByTestId("dashboard-open-error")).toHaveTextContent("1Errors");
    expect(screen.getByTestId("dashboard-open-warning")).toHaveTextContent("2Warnings");
    expect(screen.getByTestId("dashboard-open-info")).toHaveTextContent("1Suggestions");
    expect(screen.getByTestId("nav-dashboard")).toHaveAttribute("data-active", "true");
    expect(screen.getByTestId("nav-activities")).not.toHaveAttribute("data-active");
    expect(ipc.getDashboard).toHaveBeenCalledTimes(1);
  });

  it("lists the open findings, most severe first, each with a link to the input that fixes it", async () => {
    renderWithProviders({ route: "/" });

    await screen.findByTestId("dashboard-findings");
    const items = openItems();
    expect(items.map((item) => item.getAttribute("data-check"))).toEqual([
      "processorWithoutDpa",
      "activityWithoutOwner",
      "sourceWithoutNotice",
      "someSuggestion",
    ]);
    expect(items.map((item) => item.getAttribute("data-record-id"))).toEqual([
      "rec-1",
      "act-2",
      "act-1",
      "act-3",
    ]);
    const first = within(items[0] as HTMLElement);
    expect(first.getByText("Error")).toBeInTheDocument();
    expect(first.getByText("Hetzner Online GmbH")).toBeInTheDocument();
    expect(first.getByText("Art. 28(3)")).toBeInTheDocument();
    expect(first.getByText(NO_DPA.message)).toBeInTheDocument();
    const hrefs = screen
      .getAllByTestId("dashboard-finding-fix")
      .map((link) => link.getAttribute("href"));
    expect(hrefs).toEqual([
      "/recipients/rec-1?field=dpaStatus",
      "/activities/act-2?field=owner",
      "/activities/act-1?field=notice",
      "/activities/act-3",
    ]);
    expect(screen.queryByTestId("dashboard-findings-empty")).not.toBeInTheDocument();

    const acknowledged = screen.getAllByTestId("dashboard-acknowledged-item");
    expect(acknowledged).toHaveLength(1);
    expect(acknowledged[0]).toHaveTextContent("Member administration");
    expect(acknowledged[0]).toHaveTextContent(ACKNOWLEDGED.message);
    expect(acknowledged[0]).toHaveTextContent("Screened with our DPO in 2026.");
    expect(screen.getByTestId("dashboard-acknowledged")).toHaveTextContent(
      "Acknowledged as deliberate choices (1)",
    );
  });

  it("keeps a reason that is too short, with the server's message under it", async () => {
    vi.mocked(ipc.acknowledgeFinding).mockRejectedValue(
      new StewardError("validation", "Please check the acknowledgement.", [
        { field: "reason", message: REASON_MESSAGE },
      ]),
    );
    const { user } = renderWithProviders({ route: "/" });

    await screen.findByTestId("dashboard-findings");
    await user.click(
      within(openItems()[1] as HTMLElement).getByTestId("dashboard-finding-acknowledge"),
    );
    const dialog = within(
      await screen.findByRole("dialog", { name: "Acknowledge as a deliberate choice" }),
    );
    const reason = dialog.getByTestId("acknowledge-reason");
    expect(dialog.getByLabelText("Why is this a deliberate choice?")).toBe(reason);
    await waitFor(() => expect(reason).toHaveFocus());
    await user.type(reason, "ok");
    await user.click(dialog.getByTestId("acknowledge-confirm"));

    await waitFor(() => expect(reason).toHaveAttribute("aria-invalid", "true"));
    expect(describedByText(reason)).toContain(REASON_MESSAGE);
    expect(reason).toHaveValue("ok");
    expect(dialog.queryByTestId("form-error-alert")).not.toBeInTheDocument();
    expect(ipc.acknowledgeFinding).toHaveBeenCalledWith(NO_OWNER, "ok");
    // Typing clears the message.
    await user.type(reason, " then");
    expect(reason).not.toHaveAttribute("aria-invalid");
  });

  it("acknowledges a finding with Ctrl+Enter: it moves to the acknowledged ones", async () => {
    const reasonText = "The whole committee owns it together.";
    vi.mocked(ipc.acknowledgeFinding).mockResolvedValue(makeAcknowledgement(NO_OWNER, reasonText));
    const { user } = renderWithProviders({ route: "/" });

    await screen.findByTestId("dashboard-findings");
    await user.click(
      within(openItems()[1] as HTMLElement).getByTestId("dashboard-finding-acknowledge"),
    );
    const reason = await screen.findByTestId("acknowledge-reason");
    await waitFor(() => expect(reason).toHaveFocus());
    await user.type(reason, `  ${reasonText} `);
    vi.mocked(ipc.getDashboard).mockResolvedValue(
      dashboard([
        {
          ...NO_OWNER,
          acknowledgement: { id: "ack-1", reason: reasonText, at: "2026-11-20T09:30:00Z" },
        },
        NO_NOTICE,
        HINT,
        NO_DPA,
        ACKNOWLEDGED,
      ]),
    );
    await user.keyboard("{Control>}{Enter}{/Control}");

    await waitFor(() => expect(ipc.acknowledgeFinding).toHaveBeenCalledWith(NO_OWNER, reasonText));
    await waitFor(() =>
      expect(
        screen.queryByRole("dialog", { name: "Acknowledge as a deliberate choice" }),
      ).not.toBeInTheDocument(),
    );
    expect(await screen.findByText("Finding acknowledged")).toBeInTheDocument();
    await waitFor(() => expect(openItems()).toHaveLength(3));
    expect(openItems().map((item) => item.getAttribute("data-record-id"))).not.toContain("act-2");
    expect(screen.getByTestId("dashboard-open-warning")).toHaveTextContent("1");
    const acknowledged = screen.getAllByTestId("dashboard-acknowledged-item");
    expect(acknowledged).toHaveLength(2);
    expect(acknowledged[0]).toHaveTextContent(reasonText);
  });

  it("says when the finding is gone, and reads the dashboard again", async () => {
    const gone =
      "The checks no longer report this finding: it may have been fixed. Refresh the list.";
    vi.mocked(ipc.acknowledgeFinding).mockRejectedValue(new StewardError("notFound", gone));
    const { user } = renderWithProviders({ route: "/" });

    await screen.findByTestId("dashboard-findings");
    await user.click(
      within(openItems()[0] as HTMLElement).getByTestId("dashboard-finding-acknowledge"),
    );
    const dialog = within(await screen.findByRole("dialog"));
    await user.type(dialog.getByTestId("acknowledge-reason"), "We have a DPA on paper.");
    await user.click(dialog.getByTestId("acknowledge-confirm"));

    expect(await dialog.findByTestId("form-error-alert")).toHaveTextContent(gone);
    expect(dialog.getByTestId("acknowledge-reason")).toHaveValue("We have a DPA on paper.");
    await waitFor(() => expect(ipc.getDashboard).toHaveBeenCalledTimes(2));
    await user.click(dialog.getByTestId("acknowledge-cancel"));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("withdraws an acknowledgement", async () => {
    vi.mocked(ipc.withdrawAcknowledgement).mockResolvedValue(
      makeAcknowledgement(ACKNOWLEDGED, "Screened with our DPO in 2026.", { id: "ack-9" }),
    );
    const { user } = renderWithProviders({ route: "/" });

    const item = await screen.findByTestId("dashboard-acknowledged-item");
    vi.mocked(ipc.getDashboard).mockResolvedValue(
      dashboard([NO_OWNER, NO_NOTICE, HINT, NO_DPA, { ...ACKNOWLEDGED, acknowledgement: null }]),
    );
    await user.click(within(item).getByTestId("dashboard-acknowledged-withdraw"));

    // The withdrawal goes against the acknowledgement as the dashboard showed it.
    await waitFor(() =>
      expect(ipc.withdrawAcknowledgement).toHaveBeenCalledWith("ack-9", "31@dev-sam"),
    );
    expect(await screen.findByText("Acknowledgement withdrawn")).toBeInTheDocument();
    // Against an older base it may have left a conflict: the navigation counts them again.
    await waitFor(() => expect(ipc.getSyncStatus).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(openItems()).toHaveLength(5));
    expect(screen.queryAllByTestId("dashboard-acknowledged-item")).toHaveLength(0);
  });

  it("shows the deadlines, the activities without an owner and Art. 30(5)", async () => {
    renderWithProviders({ route: "/" });

    const deadlines = await screen.findAllByTestId("dashboard-deadline");
    expect(deadlines).toHaveLength(3);
    const overdue = within(deadlines[0] as HTMLElement);
    expect(overdue.getByText("DPA expires")).toBeInTheDocument();
    expect(overdue.getByText("3 days overdue")).toBeInTheDocument();
    expect(overdue.getByRole("link", { name: "Hetzner Online GmbH" })).toHaveAttribute(
      "href",
      "/recipients/rec-1?field=dpaExpires",
    );
    expect(deadlines[1]).toHaveTextContent("today");
    const review = within(deadlines[2] as HTMLElement);
    expect(review.getByText("Review")).toBeInTheDocument();
    expect(review.getByText("in 12 days")).toBeInTheDocument();
    expect(review.getByRole("link", { name: "Newsletter" })).toHaveAttribute(
      "href",
      "/activities/act-2?field=nextReview",
    );

    expect(
      within(screen.getByTestId("dashboard-without-owner")).getByRole("link", {
        name: "Newsletter",
      }),
    ).toHaveAttribute("href", "/activities/act-2?field=owner");

    const rows = screen.getAllByTestId("dashboard-applicability-row");
    expect(rows).toHaveLength(2);
    expect(within(rows[0] as HTMLElement).getByText("Required")).toBeInTheDocument();
    expect(
      within(rows[0] as HTMLElement).getByRole("link", { name: "Member administration" }),
    ).toHaveAttribute("href", "/activities/act-1");
    expect(within(rows[1] as HTMLElement).getByText("Not required")).toBeInTheDocument();
    expect(
      within(rows[1] as HTMLElement).getByText("The processing is occasional."),
    ).toBeInTheDocument();
  });

  it("says when nothing is open or coming up", async () => {
    vi.mocked(ipc.getDashboard).mockResolvedValue(makeDashboard());
    renderWithProviders({ route: "/" });

    expect(await screen.findByTestId("dashboard-findings-empty")).toHaveTextContent(
      "No open gaps.",
    );
    expect(screen.getByTestId("dashboard-deadlines-empty")).toBeInTheDocument();
    expect(screen.getByTestId("dashboard-open-error")).toHaveTextContent("0");
    expect(screen.queryAllByTestId("dashboard-finding")).toHaveLength(0);
  });

  it("shows a loader, then what went wrong, and tries again", async () => {
    vi.mocked(ipc.getDashboard).mockRejectedValue(
      new StewardError("storage", "The database could not be read."),
    );
    const { user } = renderWithProviders({ route: "/" });

    expect(screen.getByTestId("loading-state")).toBeInTheDocument();
    expect(await screen.findByTestId("error-state")).toHaveTextContent(
      "The database could not be read.",
    );
    vi.mocked(ipc.getDashboard).mockResolvedValue(dashboard());
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByTestId("dashboard-findings")).toBeInTheDocument();
  });

  it("reads the dashboard again each time it opens", async () => {
    const { user } = renderWithProviders({ route: "/" });

    await screen.findByTestId("dashboard-findings");
    await user.click(screen.getByTestId("nav-policy"));
    await user.click(screen.getByTestId("nav-dashboard"));
    await waitFor(() => expect(ipc.getDashboard).toHaveBeenCalledTimes(2));
  });
});
