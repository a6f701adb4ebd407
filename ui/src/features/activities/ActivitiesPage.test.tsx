// Tests for the activities list: rows, search, shortcuts, empty and error states.
import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as ipc from "../../ipc";
import { StewardError } from "../../ipc";
import { makeActivity } from "../../test/fixtures";
import { setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

const ACTIVITIES = [
  makeActivity(),
  makeActivity({
    id: "act-2",
    name: "Newsletter",
    purposes: ["Sending the member newsletter"],
    legalBasis: null,
    status: "draft",
  }),
  makeActivity({
    id: "act-3",
    name: "Volunteer rota",
    purposes: ["Planning shifts"],
    legalBasis: "legitimateInterests",
    status: "retired",
  }),
];

beforeEach(() => {
  setIpcDefaults(ipc);
  vi.mocked(ipc.listActivities).mockResolvedValue(ACTIVITIES);
});

describe("activities list", () => {
  it("redirects / to the list and shows one row per activity", async () => {
    const { router } = renderWithProviders({ route: "/" });

    const rows = await screen.findAllByTestId("activity-row");
    expect(router.state.location.pathname).toBe("/activities");
    expect(rows).toHaveLength(3);
    expect(rows[0]?.tagName).toBe("TR");
    const first = within(rows[0] as HTMLElement);
    expect(first.getByRole("link", { name: "Member administration" })).toHaveAttribute(
      "href",
      "/activities/act-1",
    );
    expect(first.getByText("Active")).toBeInTheDocument();
    expect(first.getByText("Contract")).toBeInTheDocument();
    expect(first.getByText("2")).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText("Not yet decided")).toBeInTheDocument();
  });

  it("filters by name or purpose, ignoring case", async () => {
    const { user } = renderWithProviders({ route: "/activities" });
    await screen.findAllByTestId("activity-row");

    await user.type(screen.getByTestId("activity-search"), "NEWSLETTER");
    expect(screen.getAllByTestId("activity-row")).toHaveLength(1);

    await user.clear(screen.getByTestId("activity-search"));
    await user.type(screen.getByTestId("activity-search"), "shifts");
    const rows = screen.getAllByTestId("activity-row");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent("Volunteer rota");

    await user.clear(screen.getByTestId("activity-search"));
    await user.type(screen.getByTestId("activity-search"), "zzz");
    expect(screen.queryAllByTestId("activity-row")).toHaveLength(0);
    expect(screen.getByTestId("activity-no-match")).toBeInTheDocument();
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
