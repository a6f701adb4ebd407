// Tests for the website third parties list: its place in the navigation, rows with the
// kind and consent badges and the duration, the filter by kind and the search by provider.
import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as ipc from "../../ipc";
import { makeWebsiteThirdParty } from "../../test/fixtures";
import { setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

const THIRD_PARTIES = [
  makeWebsiteThirdParty({ id: "web-1", provider: "Matomo", kind: "cookie", duration: "13 months" }),
  makeWebsiteThirdParty({
    id: "web-2",
    provider: "Meta Pixel",
    kind: "pixel",
    duration: "3 months",
  }),
  makeWebsiteThirdParty({
    id: "web-3",
    provider: "Session cookie",
    kind: "cookie",
    duration: "",
    consentRequired: false,
  }),
  makeWebsiteThirdParty({ id: "web-4", provider: "YouTube", kind: "embed" }),
];

function rowNames() {
  return screen
    .getAllByTestId("website-row")
    .map((row) => within(row).getAllByRole("link")[0]?.textContent);
}

beforeEach(() => {
  setIpcDefaults(ipc);
  vi.mocked(ipc.listWebsiteThirdParties).mockResolvedValue(THIRD_PARTIES);
});

describe("website third parties list", () => {
  it("is in the navigation after Sources and shows the kind, consent and duration", async () => {
    const { user, router } = renderWithProviders({ route: "/activities" });
    await user.click(screen.getByTestId("nav-website"));
    expect(router.state.location.pathname).toBe("/website");
    expect(screen.getByRole("heading", { name: "Website third parties" })).toBeInTheDocument();

    const rows = await screen.findAllByTestId("website-row");
    expect(rows).toHaveLength(4);
    const first = within(rows[0] as HTMLElement);
    expect(first.getByRole("link", { name: "Matomo" })).toHaveAttribute("href", "/website/web-1");
    expect(first.getByText("Cookie")).toBeInTheDocument();
    expect(first.getByText("Consent needed")).toBeInTheDocument();
    expect(first.getByText("13 months")).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText("Tracking pixel")).toBeInTheDocument();
    const third = within(rows[2] as HTMLElement);
    expect(third.getByText("No consent needed")).toBeInTheDocument();
    expect(third.getByText("Not recorded")).toBeInTheDocument();
    expect(within(rows[3] as HTMLElement).getByText("Embedded content")).toBeInTheDocument();
  });

  it("filters by kind", async () => {
    const { user } = renderWithProviders({ route: "/website" });
    await screen.findAllByTestId("website-row");
    const filter = screen.getByTestId("website-filter-kind");
    expect(filter.tagName).toBe("SELECT");

    await user.selectOptions(filter, "cookie");
    expect(rowNames()).toEqual(["Matomo", "Session cookie"]);

    await user.selectOptions(filter, "embed");
    expect(rowNames()).toEqual(["YouTube"]);

    await user.selectOptions(filter, "script");
    expect(screen.queryAllByTestId("website-row")).toHaveLength(0);
    expect(screen.getByTestId("website-no-match")).toBeInTheDocument();

    await user.selectOptions(filter, "all");
    expect(screen.getAllByTestId("website-row")).toHaveLength(4);
  });

  it("combines the kind filter with the search by provider", async () => {
    const { user } = renderWithProviders({ route: "/website" });
    await screen.findAllByTestId("website-row");

    await user.type(screen.getByTestId("website-search"), "m");
    expect(rowNames()).toEqual(["Matomo", "Meta Pixel"]);
    await user.selectOptions(screen.getByTestId("website-filter-kind"), "pixel");
    expect(rowNames()).toEqual(["Meta Pixel"]);
  });

  it("shows an empty state that offers a new third party", async () => {
    vi.mocked(ipc.listWebsiteThirdParties).mockResolvedValue([]);
    const { user, router } = renderWithProviders({ route: "/website" });

    const empty = await screen.findByTestId("website-empty");
    expect(empty).toHaveTextContent("No website third parties yet");
    await user.keyboard("{Control>}n{/Control}");
    expect(router.state.location.pathname).toBe("/website/new");
  });
});
