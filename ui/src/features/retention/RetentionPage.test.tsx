// Tests for the retention overview: the retention rules of every activity with the data
// category (its vocabulary label, or the user's own words), the period or criterion, the
// trigger and the end action; search, sorting by activity, links, the empty state.
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { RetentionRule } from "../../ipc";
import * as ipc from "../../ipc";
import { makeActivity } from "../../test/fixtures";
import { setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return {
    ...mockIpcModule(await importOriginal()),
    listAllRetentionRules: vi.fn(),
    getVocabulary: vi.fn(),
  };
});

function makeRule(overrides: Partial<RetentionRule> = {}): RetentionRule {
  return {
    id: "ret-1",
    createdAt: "2026-11-01T10:00:00Z",
    updatedAt: "2026-11-20T09:30:00Z",
    activityId: "act-1",
    dataCategory: "contact",
    periodValue: 2,
    periodUnit: "years",
    criterion: "",
    triggerEvent: "the end of the membership",
    justification: "",
    endAction: "erase",
    ...overrides,
  };
}

const RULES = [
  makeRule(),
  makeRule({
    id: "ret-2",
    activityId: "act-2",
    dataCategory: "Photos taken at events",
    periodValue: null,
    periodUnit: null,
    criterion: "until the person asks us to remove them",
    triggerEvent: "",
    endAction: "anonymise",
  }),
];

beforeEach(() => {
  setIpcDefaults(ipc);
  vi.mocked(ipc.listActivities).mockResolvedValue([
    makeActivity({ id: "act-1", name: "Member administration" }),
    makeActivity({ id: "act-2", name: "Event photography" }),
  ]);
  vi.mocked(ipc.getVocabulary).mockResolvedValue({
    subjectCategories: [],
    dataCategories: [
      {
        id: "contact",
        label: "Contact details",
        description: "Email address, phone number, postal address.",
        dpv: "dpv:Contact",
        special: null,
        mayReveal: [],
      },
    ],
  });
  vi.mocked(ipc.listAllRetentionRules).mockResolvedValue(RULES);
});

function rowTexts() {
  return screen.getAllByTestId("retention-row").map((row) => row.textContent ?? "");
}

describe("retention overview", () => {
  it("lists every activity's rules, sorted by activity, each linking to its activity", async () => {
    renderWithProviders({ route: "/retention" });

    const table = await screen.findByTestId("retention-table");
    await waitFor(() => expect(rowTexts()[0]).toContain("Event photography"));
    const [first, second] = within(table).getAllByTestId("retention-row") as [
      HTMLElement,
      HTMLElement,
    ];
    expect(within(first).getByRole("link", { name: "Event photography" })).toHaveAttribute(
      "href",
      "/activities/act-2",
    );
    // The user's own words, and a criterion in place of a period.
    expect(first).toHaveTextContent("Photos taken at events");
    expect(first).toHaveTextContent("until the person asks us to remove them");
    expect(first).toHaveTextContent("Not recorded");
    expect(first).toHaveTextContent("Anonymise");

    expect(within(second).getByRole("link", { name: "Member administration" })).toHaveAttribute(
      "href",
      "/activities/act-1",
    );
    // A vocabulary id reads as its label.
    expect(await within(second).findByText("Contact details")).toBeInTheDocument();
    expect(second).toHaveTextContent("2 years");
    expect(second).toHaveTextContent("the end of the membership");
    expect(second).toHaveTextContent("Erase");
    expect(screen.getByTestId("nav-retention")).toHaveAttribute("data-active", "true");
  });

  it("sorts by activity both ways and searches categories and triggers", async () => {
    const { user } = renderWithProviders({ route: "/retention" });

    await screen.findByTestId("retention-table");
    await screen.findByText("Contact details");
    await user.click(screen.getByTestId("retention-sort-activity"));
    expect(rowTexts()[0]).toContain("Member administration");

    const search = screen.getByTestId("retention-search");
    await user.type(search, "contact details");
    expect(rowTexts()).toHaveLength(1);
    await user.clear(search);
    await user.type(search, "membership");
    expect(rowTexts()).toHaveLength(1);
    expect(rowTexts()[0]).toContain("Member administration");
    await user.clear(search);
    await user.type(search, "photography");
    expect(rowTexts()).toHaveLength(1);
    expect(rowTexts()[0]).toContain("Event photography");
  });

  it("focuses the search with Ctrl+K", async () => {
    const { user } = renderWithProviders({ route: "/retention" });

    await screen.findByTestId("retention-table");
    await user.keyboard("{Control>}k{/Control}");
    expect(screen.getByTestId("retention-search")).toHaveFocus();
  });

  it("explains where retention rules are added when there are none", async () => {
    vi.mocked(ipc.listAllRetentionRules).mockResolvedValue([]);
    renderWithProviders({ route: "/retention" });

    const empty = await screen.findByTestId("retention-empty");
    expect(empty).toHaveTextContent("No retention rules recorded yet");
    expect(empty).toHaveTextContent("Retention rules are added on an activity's page");
    expect(screen.queryByTestId("retention-table")).not.toBeInTheDocument();
  });
});
