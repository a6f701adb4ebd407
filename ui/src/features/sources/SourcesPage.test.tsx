// Tests for the source organisations list: its place in the navigation, rows with the
// country and the linked recipient, search by name, the empty state and the shortcuts.
import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as ipc from "../../ipc";
import { makeConflict, makeRecipient, makeSourceOrganisation } from "../../test/fixtures";
import { setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

const SOURCES = [
  makeSourceOrganisation({ recipientId: "rec-7" }),
  makeSourceOrganisation({
    id: "src-2",
    name: "City Volunteer Centre",
    country: "DE",
    recipientId: null,
  }),
  makeSourceOrganisation({ id: "src-3", name: "Partner School", country: "", recipientId: "x" }),
];

function rowNames() {
  return screen
    .getAllByTestId("source-row")
    .map((row) => within(row).getAllByRole("link")[0]?.textContent);
}

beforeEach(() => {
  setIpcDefaults(ipc);
  vi.mocked(ipc.listSourceOrganisations).mockResolvedValue(SOURCES);
  vi.mocked(ipc.listRecipients).mockResolvedValue([
    makeRecipient({ id: "rec-7", legalName: "Eventbrite, Inc.", tradingName: "Eventbrite" }),
  ]);
});

describe("source organisations list", () => {
  it("marks a source organisation deleted on one laptop and changed on another", async () => {
    vi.mocked(ipc.listConflicts).mockResolvedValue([
      makeConflict({ record: "sourceOrganisation", recordId: "src-3", field: "$deleted" }),
    ]);
    renderWithProviders({ route: "/sources" });

    const rows = await screen.findAllByTestId("source-row");
    expect(await within(rows[2] as HTMLElement).findByTestId("source-row-conflict")).toBeVisible();
    expect(screen.getAllByTestId("source-row-conflict")).toHaveLength(1);
  });

  it("is in the navigation after Recipients and shows one row per source", async () => {
    const { user, router } = renderWithProviders({ route: "/activities" });
    await user.click(screen.getByTestId("nav-sources"));
    expect(router.state.location.pathname).toBe("/sources");
    expect(screen.getByRole("heading", { name: "Source organisations" })).toBeInTheDocument();
    expect(screen.getByText(/Your privacy notice must name each of them \(Art\. 14/)).toBeVisible();

    const rows = await screen.findAllByTestId("source-row");
    expect(rows).toHaveLength(3);
    expect(rows[0]?.tagName).toBe("TR");
    const first = within(rows[0] as HTMLElement);
    expect(first.getByRole("link", { name: "Eventbrite" })).toHaveAttribute(
      "href",
      "/sources/src-1",
    );
    expect(await first.findByText("United States of America")).toBeInTheDocument();
    expect(
      await first.findByRole("link", { name: "Eventbrite, Inc. (Eventbrite)" }),
    ).toHaveAttribute("href", "/recipients/rec-7");
    expect(within(rows[1] as HTMLElement).getAllByRole("link")).toHaveLength(1);
    const third = within(rows[2] as HTMLElement);
    expect(third.getByText("Not recorded")).toBeInTheDocument();
    expect(third.getByText("No longer in the register")).toBeInTheDocument();
  });

  it("searches by name, ignoring case", async () => {
    const { user } = renderWithProviders({ route: "/sources" });
    await screen.findAllByTestId("source-row");

    await user.type(screen.getByTestId("source-search"), "VOLUNTEER");
    expect(rowNames()).toEqual(["City Volunteer Centre"]);

    await user.clear(screen.getByTestId("source-search"));
    await user.type(screen.getByTestId("source-search"), "zzz");
    expect(screen.queryAllByTestId("source-row")).toHaveLength(0);
    expect(screen.getByTestId("source-no-match")).toHaveTextContent(
      "No source organisation matches “zzz”.",
    );

    await user.keyboard("{Escape}");
    expect(rowNames()).toEqual(["Eventbrite", "City Volunteer Centre", "Partner School"]);
  });

  it("focuses the search with / and opens a new source with the button", async () => {
    const { user, router } = renderWithProviders({ route: "/sources" });
    await screen.findAllByTestId("source-row");

    await user.keyboard("/");
    expect(screen.getByTestId("source-search")).toHaveFocus();
    await user.click(screen.getByTestId("source-new"));
    expect(router.state.location.pathname).toBe("/sources/new");
    expect(await screen.findByRole("heading", { name: "New source organisation" })).toBeVisible();
  });

  it("shows an empty state that offers a new source organisation", async () => {
    vi.mocked(ipc.listSourceOrganisations).mockResolvedValue([]);
    const { user, router } = renderWithProviders({ route: "/sources" });

    const empty = await screen.findByTestId("source-empty");
    expect(empty).toHaveTextContent("No source organisations yet");
    await user.click(within(empty).getByTestId("source-new-empty"));
    expect(router.state.location.pathname).toBe("/sources/new");
  });
});
