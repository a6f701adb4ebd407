// Tests for the processor catalogue: grouped entries, search, entries already in the
// register, adding one (which opens the new recipient) and errors shown in the modal.
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as ipc from "../../ipc";
import { StewardError } from "../../ipc";
import { makeCatalogueEntry, makeRecipient } from "../../test/fixtures";
import { setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return { ...mockIpcModule(await importOriginal()), listRecipientUses: vi.fn() };
});

const ENTRIES = [
  makeCatalogueEntry(),
  makeCatalogueEntry({
    id: "brevo",
    name: "Brevo",
    legalEntity: "Sendinblue SAS",
    country: "FR",
    service: "Email marketing",
    dpf: "no",
    inRegister: true,
  }),
  makeCatalogueEntry({
    id: "zoom",
    name: "Zoom",
    legalEntity: "Zoom Communications, Inc.",
    category: "videoConferencing",
    service: "Video meetings and webinars",
    typicalRole: "independentController",
  }),
];

beforeEach(() => {
  setIpcDefaults(ipc);
  vi.mocked(ipc.listRecipientUses).mockResolvedValue([]);
  vi.mocked(ipc.getProcessorCatalogue).mockResolvedValue({
    factsAsOf: "2026-11-01",
    entries: ENTRIES,
  });
});

async function openCatalogue() {
  const rendered = renderWithProviders({ route: "/recipients" });
  await rendered.user.click(await screen.findByTestId("recipient-from-catalogue"));
  const dialog = await screen.findByRole("dialog", { name: "Add from the processor catalogue" });
  await within(dialog).findAllByTestId("catalogue-entry");
  return { ...rendered, dialog };
}

describe("processor catalogue", () => {
  it("lists the entries grouped by category with the date of the facts", async () => {
    const { dialog } = await openCatalogue();

    expect(dialog).toHaveTextContent("Facts as of 2026-11-01: verify them before relying on them.");
    const groups = within(dialog).getAllByTestId("catalogue-group");
    expect(groups).toHaveLength(2);
    expect(groups[0]).toHaveTextContent("Mailing lists and newsletters");
    expect(within(groups[0] as HTMLElement).getAllByTestId("catalogue-entry")).toHaveLength(2);
    expect(groups[1]).toHaveTextContent("Video conferencing");

    const zoom = within(groups[1] as HTMLElement).getByTestId("catalogue-entry");
    expect(zoom).toHaveTextContent("Zoom Communications, Inc.");
    expect(zoom).toHaveTextContent("Video meetings and webinars");
    expect(zoom).toHaveTextContent("Independent controller");
    expect(zoom).toHaveTextContent("United States of America");
    expect(zoom).toHaveTextContent("DPF: Certified");
  });

  it("filters by search and disables entries already in the register", async () => {
    const { user, dialog } = await openCatalogue();

    const inRegister = within(dialog).getByTestId("catalogue-add-brevo");
    expect(inRegister).toBeDisabled();
    expect(inRegister).toHaveTextContent("In register");
    expect(within(dialog).getByTestId("catalogue-add-mailchimp")).toBeEnabled();

    await user.type(within(dialog).getByTestId("catalogue-search"), "webinar");
    expect(within(dialog).getAllByTestId("catalogue-entry")).toHaveLength(1);
    expect(within(dialog).getByTestId("catalogue-add-zoom")).toBeInTheDocument();

    await user.clear(within(dialog).getByTestId("catalogue-search"));
    await user.type(within(dialog).getByTestId("catalogue-search"), "ROCKET");
    expect(within(dialog).getAllByTestId("catalogue-entry")).toHaveLength(1);
    expect(within(dialog).getByTestId("catalogue-add-mailchimp")).toBeInTheDocument();

    await user.type(within(dialog).getByTestId("catalogue-search"), "zzz");
    expect(within(dialog).queryAllByTestId("catalogue-entry")).toHaveLength(0);
    expect(within(dialog).getByTestId("catalogue-no-match")).toBeInTheDocument();
  });

  it("adds an entry and opens the new recipient", async () => {
    const created = makeRecipient({
      id: "rec-7",
      legalName: "The Rocket Science Group LLC",
      tradingName: "Mailchimp",
      country: "US",
      dpaStatus: "missing",
      dpaSigned: null,
      catalogueId: "mailchimp",
    });
    vi.mocked(ipc.addRecipientFromCatalogue).mockResolvedValue(created);
    vi.mocked(ipc.getRecipient).mockResolvedValue(created);
    const { user, router, dialog } = await openCatalogue();

    await user.click(within(dialog).getByTestId("catalogue-add-mailchimp"));

    await waitFor(() => expect(ipc.addRecipientFromCatalogue).toHaveBeenCalledWith("mailchimp"));
    await waitFor(() => expect(router.state.location.pathname).toBe("/recipients/rec-7"));
    expect(await screen.findByText("Added Mailchimp from the catalogue")).toBeInTheDocument();
    expect(screen.getByText("Check the facts and record your DPA.")).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(await screen.findByTestId("recipient-tradingName")).toHaveValue("Mailchimp");
    expect(screen.getByTestId("recipient-catalogue-note")).toHaveTextContent("'mailchimp'");
  });

  it("shows an error inside the modal and stays open", async () => {
    vi.mocked(ipc.addRecipientFromCatalogue).mockRejectedValue(
      new StewardError("notFound", "There is no catalogue entry 'mailchimp'."),
    );
    const { user, router, dialog } = await openCatalogue();

    await user.click(within(dialog).getByTestId("catalogue-add-mailchimp"));

    expect(await within(dialog).findByTestId("form-error-alert")).toHaveTextContent(
      "There is no catalogue entry 'mailchimp'.",
    );
    expect(router.state.location.pathname).toBe("/recipients");
    expect(within(dialog).getByTestId("catalogue-add-mailchimp")).toBeEnabled();
  });
});
