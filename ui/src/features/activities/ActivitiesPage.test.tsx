// Tests for the activities list: rows with their completeness, search, filters, sorting,
// shortcuts, empty and error states.
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as ipc from "../../ipc";
import { type ActivityReview, type ActivityReviewRow, StewardError } from "../../ipc";
import { makeActivity, makeConflict } from "../../test/fixtures";
import { setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return {
    ...mockIpcModule(await importOriginal()),
    duplicateActivity: vi.fn(),
    getActivityReview: vi.fn(),
    listActivityReviews: vi.fn(),
  };
});

const ACTIVITIES = [
  makeActivity(),
  makeActivity({
    id: "act-2",
    name: "Newsletter",
    businessFunction: "Communications",
    owner: "",
    systems: ["Mailchimp"],
    status: "draft",
    updatedAt: "2026-11-25T09:30:00Z",
  }),
  makeActivity({
    id: "act-3",
    name: "Volunteer rota",
    businessFunction: "",
    owner: "Volunteer coordinator",
    systems: [],
    status: "retired",
    role: "processor",
    controllerName: "Allotment Federation",
    updatedAt: "2026-10-01T09:30:00Z",
  }),
];

function review(missing: number): ActivityReview {
  return {
    missing: Array.from({ length: missing }, (_, index) => ({
      element: `element-${index}`,
      article: `Art. 30(1)(${"bcdef"[index]})`,
      message: `Add element ${index + 1}.`,
    })),
    recordRequired: true,
    recordRequiredReasons: ["The processing is not occasional."],
    dpiaSuggested: false,
  };
}

const REVIEWS: ActivityReviewRow[] = [
  { activityId: "act-1", review: review(0) },
  { activityId: "act-2", review: review(2) },
  { activityId: "act-3", review: review(1) },
];

function rowNames(): string[] {
  return screen
    .getAllByTestId("activity-row")
    .map((row) => within(row).getByRole("link").textContent ?? "");
}

beforeEach(() => {
  setIpcDefaults(ipc);
  vi.mocked(ipc.listActivities).mockResolvedValue(ACTIVITIES);
  vi.mocked(ipc.listActivityReviews).mockResolvedValue(REVIEWS);
});

describe("activities list", () => {
  it("is in the navigation and shows one row per activity", async () => {
    const { user, router } = renderWithProviders({ route: "/" });

    await user.click(await screen.findByTestId("nav-activities"));
    const rows = await screen.findAllByTestId("activity-row");
    expect(router.state.location.pathname).toBe("/activities");
    expect(screen.getByTestId("nav-activities")).toHaveAttribute("data-active", "true");
    expect(screen.getByTestId("nav-dashboard")).not.toHaveAttribute("data-active");
    expect(rows).toHaveLength(3);
    expect(rows[0]?.tagName).toBe("TR");
    const first = within(rows[0] as HTMLElement);
    expect(first.getByRole("link", { name: "Member administration" })).toHaveAttribute(
      "href",
      "/activities/act-1",
    );
    expect(first.getByText("Active")).toBeInTheDocument();
    expect(first.getByText("Membership")).toBeInTheDocument();
    expect(first.getByText("Membership secretary")).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText("Communications")).toBeInTheDocument();
    expect(within(rows[2] as HTMLElement).getByText("Volunteer coordinator")).toBeInTheDocument();
  });

  it("marks the activities that two laptops changed in conflict", async () => {
    vi.mocked(ipc.listConflicts).mockResolvedValue([
      makeConflict({ record: "activity", recordId: "act-3", field: "owner" }),
      // The same id in another kind of record is another record.
      makeConflict({ record: "recipient", recordId: "act-2", field: "legalName" }),
    ]);
    renderWithProviders({ route: "/activities" });

    const rows = await screen.findAllByTestId("activity-row");
    const volunteerRota = within(rows[2] as HTMLElement);
    expect(await volunteerRota.findByTestId("activity-row-conflict")).toHaveTextContent("Conflict");
    expect(within(rows[0] as HTMLElement).queryByTestId("activity-row-conflict")).toBeNull();
    expect(within(rows[1] as HTMLElement).queryByTestId("activity-row-conflict")).toBeNull();
  });

  it("marks an activity whose rows two laptops changed in conflict", async () => {
    vi.mocked(ipc.listConflicts).mockResolvedValue([
      makeConflict({
        record: "purpose",
        recordId: "pur-1",
        recordName: "Send the newsletter",
        activityId: "act-2",
        field: "legalBasis",
      }),
    ]);
    renderWithProviders({ route: "/activities" });

    const rows = await screen.findAllByTestId("activity-row");
    expect(
      await within(rows[1] as HTMLElement).findByTestId("activity-row-conflict"),
    ).toBeInTheDocument();
    expect(within(rows[0] as HTMLElement).queryByTestId("activity-row-conflict")).toBeNull();
    expect(within(rows[2] as HTMLElement).queryByTestId("activity-row-conflict")).toBeNull();
  });

  it("shows how complete each record is", async () => {
    renderWithProviders({ route: "/activities" });

    await screen.findAllByTestId("activity-row");
    const cells = await screen.findAllByTestId("activity-completeness");
    await waitFor(() => expect(cells[0]).toHaveTextContent("Complete"));
    expect(cells[1]).toHaveTextContent("2 missing");
    expect(cells[2]).toHaveTextContent("1 missing");
    // The badge's tooltip says what is missing.
    expect(
      within(cells[1] as HTMLElement)
        .getByText("2 missing")
        .closest("[title]"),
    ).toHaveAttribute("title", "Art. 30(1)(b): Add element 1.\nArt. 30(1)(c): Add element 2.");
  });

  it("still lists the activities when the reviews cannot be read", async () => {
    vi.mocked(ipc.listActivityReviews).mockRejectedValue(new StewardError("internal", "Boom."));
    renderWithProviders({ route: "/activities" });

    expect(await screen.findAllByTestId("activity-row")).toHaveLength(3);
    await waitFor(() =>
      expect(screen.getAllByTestId("activity-completeness")[0]).toHaveTextContent("—"),
    );
    expect(screen.getByTestId("activity-filter-completeness")).toBeDisabled();
    expect(screen.queryByTestId("error-state")).not.toBeInTheDocument();
  });

  it("searches the name, business function, owner and systems, ignoring case", async () => {
    const { user } = renderWithProviders({ route: "/activities" });
    await screen.findAllByTestId("activity-row");
    const search = screen.getByTestId("activity-search");

    await user.type(search, "NEWSLETTER");
    expect(rowNames()).toEqual(["Newsletter"]);

    await user.clear(search);
    await user.type(search, "mailchimp");
    expect(rowNames()).toEqual(["Newsletter"]);

    await user.clear(search);
    await user.type(search, "coordinator");
    expect(rowNames()).toEqual(["Volunteer rota"]);

    await user.clear(search);
    await user.type(search, "membership");
    expect(rowNames()).toEqual(["Member administration"]);

    await user.clear(search);
    await user.type(search, "zzz");
    expect(screen.queryAllByTestId("activity-row")).toHaveLength(0);
    expect(screen.getByTestId("activity-no-match")).toBeInTheDocument();
  });

  it("shows the Art. 30(2) register: the activities carried out as a processor", async () => {
    const { user } = renderWithProviders({ route: "/activities" });
    await screen.findAllByTestId("activity-row");
    await user.selectOptions(screen.getByTestId("activity-filter-role"), "processor");
    expect(rowNames()).toEqual(["Volunteer rota"]);
    await user.selectOptions(screen.getByTestId("activity-filter-role"), "controller");
    expect(rowNames()).toEqual(["Member administration", "Newsletter"]);
  });

  it("filters by status and by completeness", async () => {
    const { user } = renderWithProviders({ route: "/activities" });
    await screen.findAllByTestId("activity-row");

    await user.selectOptions(screen.getByTestId("activity-filter-status"), "draft");
    expect(rowNames()).toEqual(["Newsletter"]);
    await user.selectOptions(screen.getByTestId("activity-filter-status"), "all");

    await waitFor(() => expect(screen.getByTestId("activity-filter-completeness")).toBeEnabled());
    await user.selectOptions(screen.getByTestId("activity-filter-completeness"), "incomplete");
    expect(rowNames()).toEqual(["Newsletter", "Volunteer rota"]);
    await user.selectOptions(screen.getByTestId("activity-filter-completeness"), "complete");
    expect(rowNames()).toEqual(["Member administration"]);

    await user.selectOptions(screen.getByTestId("activity-filter-status"), "retired");
    expect(screen.getByTestId("activity-no-match")).toHaveTextContent(
      "No activity matches the filters.",
    );
  });

  it("sorts by the column headers", async () => {
    const { user } = renderWithProviders({ route: "/activities" });
    await screen.findAllByTestId("activity-row");
    expect(rowNames()).toEqual(["Member administration", "Newsletter", "Volunteer rota"]);

    await user.click(screen.getByTestId("activity-sort-name"));
    expect(rowNames()).toEqual(["Volunteer rota", "Newsletter", "Member administration"]);

    // An activity without a business function sorts last.
    await user.click(screen.getByTestId("activity-sort-businessFunction"));
    expect(rowNames()).toEqual(["Newsletter", "Member administration", "Volunteer rota"]);

    await waitFor(() =>
      expect(screen.getAllByTestId("activity-completeness")[0]).not.toHaveTextContent("…"),
    );
    await user.click(screen.getByTestId("activity-sort-completeness"));
    expect(rowNames()).toEqual(["Member administration", "Volunteer rota", "Newsletter"]);
    await user.click(screen.getByTestId("activity-sort-completeness"));
    expect(rowNames()).toEqual(["Newsletter", "Volunteer rota", "Member administration"]);

    await user.click(screen.getByTestId("activity-sort-updated"));
    expect(rowNames()).toEqual(["Volunteer rota", "Member administration", "Newsletter"]);
  });

  it("focuses the search with / and opens a new activity with n", async () => {
    const { user, router } = renderWithProviders({ route: "/activities" });
    await screen.findAllByTestId("activity-row");

    await user.keyboard("/");
    const search = screen.getByTestId("activity-search");
    expect(search).toHaveFocus();
    // While typing in the search box, "n" is just a letter.
    await user.keyboard("n");
    expect(search).toHaveValue("n");
    expect(router.state.location.pathname).toBe("/activities");

    search.blur();
    await user.keyboard("n");
    expect(router.state.location.pathname).toBe("/activities/new");
  });

  it("opens a new activity with mod+N even from the search box", async () => {
    const { user, router } = renderWithProviders({ route: "/activities" });
    await user.click(await screen.findByTestId("activity-search"));

    await user.keyboard("{Control>}n{/Control}");
    expect(router.state.location.pathname).toBe("/activities/new");
  });

  it("shows an empty state that says what to do", async () => {
    vi.mocked(ipc.listActivities).mockResolvedValue([]);
    vi.mocked(ipc.listActivityReviews).mockResolvedValue([]);
    const { user, router } = renderWithProviders({ route: "/activities" });

    const empty = await screen.findByTestId("activity-empty");
    expect(empty).toHaveTextContent("No processing activities yet. Record the first one");
    await user.click(within(empty).getByRole("button", { name: "New activity" }));
    expect(router.state.location.pathname).toBe("/activities/new");
  });

  it("shows an error state with the message", async () => {
    vi.mocked(ipc.listActivities).mockRejectedValue(
      new StewardError("databaseTooNew", "This register was written by a newer Steward."),
    );
    renderWithProviders({ route: "/activities" });

    expect(await screen.findByTestId("error-state")).toHaveTextContent(
      "This register was written by a newer Steward.",
    );
  });
});
