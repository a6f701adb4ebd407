// Tests for the transfers overview: the transfers of every activity with their activity,
// recipient, country, mechanism and TIA; search, sorting by activity, links to the
// activities, the empty state and the navigation entry.
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Transfer } from "../../ipc";
import * as ipc from "../../ipc";
import { makeActivity, makeRecipient } from "../../test/fixtures";
import { setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return { ...mockIpcModule(await importOriginal()), listAllTransfers: vi.fn() };
});

function makeTransfer(overrides: Partial<Transfer> = {}): Transfer {
  return {
    id: "tr-1",
    createdAt: "2026-11-01T10:00:00Z",
    updatedAt: "2026-11-20T09:30:00Z",
    activityId: "act-1",
    recipientId: "rec-1",
    country: "US",
    mechanism: "sccs",
    safeguards: "",
    tiaDone: true,
    tiaDate: "2026-03-01",
    notes: "",
    ...overrides,
  };
}

const TRANSFERS = [
  makeTransfer(),
  makeTransfer({
    id: "tr-2",
    activityId: "act-2",
    recipientId: null,
    country: "GB",
    mechanism: null,
    tiaDone: false,
    tiaDate: null,
  }),
];

beforeEach(() => {
  setIpcDefaults(ipc);
  vi.mocked(ipc.listActivities).mockResolvedValue([
    makeActivity({ id: "act-1", name: "Newsletter" }),
    makeActivity({ id: "act-2", name: "Event registration" }),
  ]);
  vi.mocked(ipc.listRecipients).mockResolvedValue([
    makeRecipient({ id: "rec-1", legalName: "Mailchimp Inc.", tradingName: "" }),
  ]);
  vi.mocked(ipc.listAllTransfers).mockResolvedValue(TRANSFERS);
});

function rowTexts() {
  return screen.getAllByTestId("transfers-row").map((row) => row.textContent ?? "");
}

describe("transfers overview", () => {
  it("lists every activity's transfers, sorted by activity, each linking to its activity", async () => {
    renderWithProviders({ route: "/transfers" });

    const table = await screen.findByTestId("transfers-table");
    await waitFor(() => expect(rowTexts()[0]).toContain("Event registration"));
    const [first, second] = within(table).getAllByTestId("transfers-row") as [
      HTMLElement,
      HTMLElement,
    ];
    expect(within(first).getByRole("link", { name: "Event registration" })).toHaveAttribute(
      "href",
      "/activities/act-2",
    );
    expect(first).toHaveTextContent("Not recorded");
    expect(first).toHaveTextContent("Not decided");
    expect(first).toHaveTextContent("Depends on the mechanism");
    expect(await within(first).findByText("United Kingdom")).toBeInTheDocument();

    expect(within(second).getByRole("link", { name: "Newsletter" })).toHaveAttribute(
      "href",
      "/activities/act-1",
    );
    expect(await within(second).findByText("Mailchimp Inc.")).toBeInTheDocument();
    expect(second).toHaveTextContent("Standard contractual clauses — Art. 46(2)(c)");
    expect(second).toHaveTextContent("Done");
    expect(second).toHaveTextContent("United States of America");
    expect(screen.getByTestId("nav-transfers")).toHaveAttribute("data-active", "true");
  });

  it("reverses the order by activity from the column header", async () => {
    const { user } = renderWithProviders({ route: "/transfers" });

    await screen.findByTestId("transfers-table");
    await waitFor(() => expect(rowTexts()[0]).toContain("Event registration"));
    await user.click(screen.getByTestId("transfers-sort-activity"));

    expect(rowTexts()[0]).toContain("Newsletter");
    expect(rowTexts()[1]).toContain("Event registration");
  });

  it("searches the activity, recipient, country and mechanism, and / focuses the search", async () => {
    const { user } = renderWithProviders({ route: "/transfers" });

    await screen.findByTestId("transfers-table");
    await screen.findByText("Mailchimp Inc.");
    await user.keyboard("/");
    const search = screen.getByTestId("transfers-search");
    expect(search).toHaveFocus();

    await user.type(search, "mailchimp");
    expect(rowTexts()).toHaveLength(1);
    expect(rowTexts()[0]).toContain("Newsletter");

    await user.clear(search);
    await user.type(search, "united kingdom");
    expect(rowTexts()).toHaveLength(1);
    expect(rowTexts()[0]).toContain("Event registration");

    await user.clear(search);
    await user.type(search, "contractual");
    expect(rowTexts()).toHaveLength(1);

    await user.clear(search);
    await user.type(search, "nothing like this");
    expect(screen.getByTestId("transfers-no-match")).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(rowTexts()).toHaveLength(2);
  });

  it("explains where transfers are added when there are none", async () => {
    vi.mocked(ipc.listAllTransfers).mockResolvedValue([]);
    renderWithProviders({ route: "/transfers" });

    const empty = await screen.findByTestId("transfers-empty");
    expect(empty).toHaveTextContent("No transfers recorded yet");
    expect(empty).toHaveTextContent("Transfers are added on an activity's page");
    expect(within(empty).getByRole("link")).toHaveAttribute("href", "/activities");
    expect(screen.queryByTestId("transfers-table")).not.toBeInTheDocument();
  });

  it("lists the keyboard shortcuts from the navigation", async () => {
    const { user } = renderWithProviders({ route: "/transfers" });

    await user.click(screen.getByTestId("nav-shortcuts"));

    const shortcuts = await screen.findByRole("table", { name: "Keyboard shortcuts" });
    expect(shortcuts).toHaveTextContent("Save the form");
    expect(shortcuts).toHaveTextContent("Undo the last save");
    expect(shortcuts).toHaveTextContent("New record, on a list");
    expect(shortcuts).toHaveTextContent("Search the list");
  });

  it("shows a load error with a retry", async () => {
    vi.mocked(ipc.listAllTransfers).mockRejectedValue(
      new ipc.StewardError("storage", "The register could not be read."),
    );
    renderWithProviders({ route: "/transfers" });

    const error = await screen.findByTestId("error-state");
    expect(error).toHaveTextContent("Could not load the transfers");
    expect(error).toHaveTextContent("The register could not be read.");
  });
});
