// Tests for the recipients list: rows, filters by DPA status and DPF, search, sorting,
// shortcuts and the empty state.
import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as ipc from "../../ipc";
import { makeRecipient } from "../../test/fixtures";
import { setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

// In the order list_recipients returns them: by legal name.
const RECIPIENTS = [
  makeRecipient({ dpaExpires: "2099-12-31" }),
  makeRecipient({
    id: "rec-2",
    legalName: "Mailchimp Inc.",
    tradingName: "Mailchimp",
    country: "US",
    dpaStatus: "missing",
    dpaSigned: null,
    dpf: "yes",
  }),
  makeRecipient({
    id: "rec-3",
    legalName: "Tax Office Musterstadt",
    tradingName: "",
    country: "AT",
    dpaStatus: "expired",
    dpaExpires: "2025-06-30",
    dpf: "no",
  }),
];

function rowNames() {
  return screen
    .getAllByTestId("recipient-row")
    .map((row) => within(row).getAllByRole("link")[0]?.textContent);
}

beforeEach(() => {
  setIpcDefaults(ipc);
  vi.mocked(ipc.listRecipients).mockResolvedValue(RECIPIENTS);
});

describe("recipients list", () => {
  it("is in the navigation and shows one row per recipient", async () => {
    const { user, router } = renderWithProviders({ route: "/activities" });
    const nav = screen.getAllByRole("link").map((link) => link.getAttribute("data-testid"));
    expect(nav.filter(Boolean)).toEqual([
      "nav-dashboard",
      "nav-activities",
      "nav-recipients",
      "nav-transfers",
      "nav-retention",
      "nav-sources",
      "nav-website",
      "nav-organisation",
      "nav-policy",
      "nav-documents",
      "nav-sync",
      "nav-backups",
    ]);
    await user.click(screen.getByTestId("nav-recipients"));
    expect(router.state.location.pathname).toBe("/recipients");

    const rows = await screen.findAllByTestId("recipient-row");
    expect(rows).toHaveLength(3);
    expect(rows[0]?.tagName).toBe("TR");
    const first = within(rows[0] as HTMLElement);
    expect(first.getByRole("link", { name: "Hetzner Online GmbH" })).toHaveAttribute(
      "href",
      "/recipients/rec-1",
    );
    expect(first.getByText("Hetzner")).toBeInTheDocument();
    expect(first.getByText("DE")).toBeInTheDocument();
    expect(await first.findByText("Germany")).toBeInTheDocument();
    expect(first.getByText("Signed")).toBeInTheDocument();
    expect(first.getByText("expires 2099-12-31")).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText("DPF: Certified")).toBeInTheDocument();
    expect(within(rows[2] as HTMLElement).getByText("expires 2025-06-30")).toBeInTheDocument();
  });

  it("filters by DPA status", async () => {
    const { user } = renderWithProviders({ route: "/recipients" });
    await screen.findAllByTestId("recipient-row");

    await user.selectOptions(screen.getByTestId("recipient-filter-dpa"), "missing");
    expect(rowNames()).toEqual(["Mailchimp Inc."]);

    await user.selectOptions(screen.getByTestId("recipient-filter-dpa"), "expired");
    expect(rowNames()).toEqual(["Tax Office Musterstadt"]);

    await user.selectOptions(screen.getByTestId("recipient-filter-dpa"), "draft");
    expect(screen.queryAllByTestId("recipient-row")).toHaveLength(0);
    expect(screen.getByTestId("recipient-no-match")).toBeInTheDocument();

    await user.selectOptions(screen.getByTestId("recipient-filter-dpa"), "all");
    expect(screen.getAllByTestId("recipient-row")).toHaveLength(3);
  });

  it("filters by DPF and searches legal and trading names", async () => {
    const { user } = renderWithProviders({ route: "/recipients" });
    await screen.findAllByTestId("recipient-row");

    const dpf = screen.getByTestId("recipient-filter-dpf");
    await user.click(within(dpf).getByLabelText("Not certified"));
    expect(rowNames()).toEqual(["Tax Office Musterstadt"]);
    await user.click(within(dpf).getByLabelText("All"));

    await user.type(screen.getByTestId("recipient-search"), "mailCHIMP");
    expect(rowNames()).toEqual(["Mailchimp Inc."]);
    await user.clear(screen.getByTestId("recipient-search"));
    await user.type(screen.getByTestId("recipient-search"), "hetzner");
    expect(rowNames()).toEqual(["Hetzner Online GmbH"]);
  });

  it("sorts by name or country from the column headers", async () => {
    const { user } = renderWithProviders({ route: "/recipients" });
    await screen.findByText("United States of America");

    await user.click(screen.getByTestId("recipient-sort-country"));
    expect(rowNames()).toEqual(["Tax Office Musterstadt", "Hetzner Online GmbH", "Mailchimp Inc."]);
    await user.click(screen.getByTestId("recipient-sort-country"));
    expect(rowNames()).toEqual(["Mailchimp Inc.", "Hetzner Online GmbH", "Tax Office Musterstadt"]);
    await user.click(screen.getByTestId("recipient-sort-name"));
    expect(rowNames()).toEqual(["Hetzner Online GmbH", "Mailchimp Inc.", "Tax Office Musterstadt"]);
  });

  it("focuses the search with / and opens a new recipient with n or mod+N", async () => {
    const { user, router } = renderWithProviders({ route: "/recipients" });
    await screen.findAllByTestId("recipient-row");

    await user.keyboard("/");
    const search = screen.getByTestId("recipient-search");
    expect(search).toHaveFocus();
    await user.keyboard("n");
    expect(search).toHaveValue("n");
    await user.keyboard("{Control>}n{/Control}");
    expect(router.state.location.pathname).toBe("/recipients/new");
  });

  it("shows an empty state that offers the catalogue and a new recipient", async () => {
    vi.mocked(ipc.listRecipients).mockResolvedValue([]);
    const { user, router } = renderWithProviders({ route: "/recipients" });

    const empty = await screen.findByTestId("recipient-empty");
    expect(empty).toHaveTextContent("No recipients yet");
    await user.click(within(empty).getByTestId("recipient-from-catalogue-empty"));
    expect(
      await screen.findByRole("dialog", { name: "Add from the processor catalogue" }),
    ).toBeInTheDocument();
    await user.keyboard("{Escape}");
    await user.click(within(empty).getByTestId("recipient-new-empty"));
    expect(router.state.location.pathname).toBe("/recipients/new");
  });
});
