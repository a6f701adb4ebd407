// Tests for the recipient form: server errors on the right inputs (the country picker and
// the date inputs too), input kept on errors, dates sent as YYYY-MM-DD or null, the
// catalogue link kept, sub-processors, the DPA reference, delete with undo, undo of a save,
// and the activities that use the recipient.
import { notifications } from "@mantine/notifications";
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as ipc from "../../ipc";
import { StewardError } from "../../ipc";
import { makeRecipient } from "../../test/fixtures";
import { describedByText, setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return { ...mockIpcModule(await importOriginal()), listRecipientUses: vi.fn() };
});

const COUNTRY_MESSAGE = "Country must be an ISO 3166-1 code such as 'DE'.";
const EXPIRES_MESSAGE = "The DPA cannot expire before it was signed (2025-01-15).";
const SUB_MESSAGE = "Sub-processor 2 is empty: give its name or remove it.";

beforeEach(() => {
  setIpcDefaults(ipc);
  vi.mocked(ipc.listRecipientUses).mockResolvedValue([]);
});

afterEach(() => {
  notifications.clean();
});

describe("recipient form", () => {
  it("puts the test ids on the native elements and starts as a missing DPA", async () => {
    renderWithProviders({ route: "/recipients/new" });

    expect((await screen.findByTestId("recipient-legalName")).tagName).toBe("INPUT");
    expect(screen.getByTestId("recipient-tradingName").tagName).toBe("INPUT");
    expect(screen.getByTestId("recipient-country").tagName).toBe("INPUT");
    expect(screen.getByTestId("recipient-address").tagName).toBe("TEXTAREA");
    expect(screen.getByTestId("recipient-contact").tagName).toBe("INPUT");
    expect(screen.getByTestId("recipient-privacyPolicyUrl").tagName).toBe("INPUT");
    expect(screen.getByTestId("recipient-dpaStatus").tagName).toBe("SELECT");
    expect(screen.getByTestId("recipient-dpaSigned")).toHaveAttribute("type", "date");
    expect(screen.getByTestId("recipient-dpaExpires")).toHaveAttribute("type", "date");
    expect(screen.getByTestId("recipient-dpaReference").tagName).toBe("INPUT");
    expect(screen.getByTestId("recipient-subProcessor-0").tagName).toBe("INPUT");
    expect(screen.getByTestId("recipient-add-subProcessor").tagName).toBe("BUTTON");
    expect(screen.getByTestId("recipient-dpf").tagName).toBe("SELECT");
    expect(screen.getByTestId("recipient-dpfVerified")).toHaveAttribute("type", "date");
    expect(screen.getByTestId("recipient-notes").tagName).toBe("TEXTAREA");
    expect(screen.getByTestId("recipient-save").tagName).toBe("BUTTON");
    expect(screen.getByTestId("recipient-dpaStatus")).toHaveValue("missing");
    expect(screen.getByTestId("recipient-dpf")).toHaveValue("unknown");
    expect(describedByText(screen.getByTestId("recipient-privacyPolicyUrl"))).toContain(
      "A web address starting with https:// (or http://)",
    );
    expect(screen.queryByTestId("recipient-catalogue-note")).not.toBeInTheDocument();
    // A recipient that is not saved yet is used by nothing.
    expect(screen.queryByTestId("recipient-uses")).not.toBeInTheDocument();
  });

  it("shows the country and expiry errors next to their inputs and keeps what was typed", async () => {
    vi.mocked(ipc.createRecipient).mockRejectedValue(
      new StewardError("validation", "Some details need your attention.", [
        { field: "country", message: COUNTRY_MESSAGE },
        { field: "dpaExpires", message: EXPIRES_MESSAGE },
        { field: "subProcessors[1]", message: SUB_MESSAGE },
        { field: "catalogueId", message: "The catalogue entry no longer exists." },
      ]),
    );
    const { user } = renderWithProviders({ route: "/recipients/new" });

    await user.type(await screen.findByTestId("recipient-legalName"), "Example Hosting GmbH");
    const country = screen.getByTestId("recipient-country");
    await user.click(country);
    await user.type(country, "germ");
    await user.click(await screen.findByRole("option", { name: "Germany (DE)" }));
    expect(country).toHaveValue("Germany (DE)");
    await user.selectOptions(screen.getByTestId("recipient-dpaStatus"), "signed");
    await user.type(screen.getByTestId("recipient-dpaSigned"), "2025-01-15");
    await user.type(screen.getByTestId("recipient-dpaExpires"), "2024-12-31");
    await user.type(screen.getByTestId("recipient-subProcessor-0"), "AWS");
    await user.click(screen.getByTestId("recipient-add-subProcessor"));
    expect(screen.getByTestId("recipient-subProcessor-1")).toHaveFocus();
    await user.type(screen.getByTestId("recipient-subProcessor-1"), " ");
    await user.click(screen.getByTestId("recipient-save"));

    const expires = screen.getByTestId("recipient-dpaExpires");
    await waitFor(() => expect(country).toHaveAttribute("aria-invalid", "true"));
    expect(describedByText(country)).toContain(COUNTRY_MESSAGE);
    expect(expires).toHaveAttribute("aria-invalid", "true");
    expect(describedByText(expires)).toContain(EXPIRES_MESSAGE);
    expect(describedByText(expires)).not.toContain(COUNTRY_MESSAGE);
    expect(screen.getByTestId("recipient-subProcessor-1")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("recipient-dpaSigned")).not.toHaveAttribute("aria-invalid", "true");

    // The overall message and the error for a field without an input go to the alert.
    const alert = screen.getByTestId("form-error-alert");
    expect(alert).toHaveTextContent("Some details need your attention.");
    expect(alert).toHaveTextContent("The catalogue entry no longer exists.");
    expect(alert).not.toHaveTextContent(COUNTRY_MESSAGE);

    // Nothing the user typed is lost.
    expect(screen.getByTestId("recipient-legalName")).toHaveValue("Example Hosting GmbH");
    expect(country).toHaveValue("Germany (DE)");
    expect(screen.getByTestId("recipient-dpaStatus")).toHaveValue("signed");
    expect(screen.getByTestId("recipient-dpaSigned")).toHaveValue("2025-01-15");
    expect(expires).toHaveValue("2024-12-31");
    expect(screen.getByTestId("recipient-subProcessor-0")).toHaveValue("AWS");

    // Editing a field clears its message, and only its message.
    await user.clear(expires);
    await user.type(expires, "2027-01-15");
    expect(expires).not.toHaveAttribute("aria-invalid", "true");
    expect(country).toHaveAttribute("aria-invalid", "true");
  });

  it("sends empty dates as null and filled ones as YYYY-MM-DD, with trimmed text", async () => {
    const created = makeRecipient({ id: "rec-9", legalName: "Example Hosting GmbH" });
    vi.mocked(ipc.createRecipient).mockResolvedValue(created);
    vi.mocked(ipc.getRecipient).mockResolvedValue(created);
    const { user, router } = renderWithProviders({ route: "/recipients/new" });

    await user.type(await screen.findByTestId("recipient-legalName"), "  Example Hosting GmbH ");
    await user.type(screen.getByTestId("recipient-privacyPolicyUrl"), " https://host.example/p ");
    await user.selectOptions(screen.getByTestId("recipient-dpaStatus"), "signed");
    await user.type(screen.getByTestId("recipient-dpaSigned"), "2026-01-15");
    await user.type(screen.getByTestId("recipient-dpaReference"), " Contracts/DPA-host.pdf ");
    await user.selectOptions(screen.getByTestId("recipient-dpf"), "no");
    await user.click(screen.getByTestId("recipient-save"));

    await waitFor(() => expect(ipc.createRecipient).toHaveBeenCalledTimes(1));
    expect(ipc.createRecipient).toHaveBeenCalledWith({
      legalName: "Example Hosting GmbH",
      tradingName: "",
      country: "",
      address: "",
      contact: "",
      privacyPolicyUrl: "https://host.example/p",
      dpaStatus: "signed",
      dpaSigned: "2026-01-15",
      dpaExpires: null,
      subProcessors: [],
      dpf: "no",
      dpfVerified: null,
      notes: "",
      catalogueId: null,
      dpaReference: "Contracts/DPA-host.pdf",
    });
    await waitFor(() => expect(router.state.location.pathname).toBe("/recipients/rec-9"));
    expect(await screen.findByTestId("recipient-delete")).toBeInTheDocument();
  });

  it("sends a cleared date as null and keeps the catalogue id", async () => {
    const recipient = makeRecipient({
      dpaExpires: "2027-01-01",
      dpfVerified: "2026-10-01",
      subProcessors: ["Amazon Web Services"],
      catalogueId: "hetzner",
    });
    vi.mocked(ipc.getRecipient).mockResolvedValue(recipient);
    vi.mocked(ipc.updateRecipient).mockResolvedValue({ ...recipient, dpaExpires: null });
    const { user } = renderWithProviders({ route: "/recipients/rec-1" });

    expect(await screen.findByTestId("recipient-catalogue-note")).toHaveTextContent(
      "Created from the processor catalogue entry 'hetzner'",
    );
    await waitFor(() =>
      expect(screen.getByTestId("recipient-country")).toHaveValue("Germany (DE)"),
    );
    const expires = screen.getByTestId("recipient-dpaExpires");
    expect(expires).toHaveValue("2027-01-01");
    await user.clear(expires);
    await user.keyboard("{Control>}s{/Control}");

    await waitFor(() => expect(ipc.updateRecipient).toHaveBeenCalledTimes(1));
    expect(ipc.updateRecipient).toHaveBeenCalledWith(
      "rec-1",
      {
        legalName: "Hetzner Online GmbH",
        tradingName: "Hetzner",
        country: "DE",
        address: "Industriestr. 25\n91710 Gunzenhausen",
        contact: "data-protection@hetzner.example",
        privacyPolicyUrl: "https://www.hetzner.example/privacy",
        dpaStatus: "signed",
        dpaSigned: "2026-01-15",
        dpaExpires: null,
        subProcessors: ["Amazon Web Services"],
        dpf: "unknown",
        dpfVerified: "2026-10-01",
        notes: "",
        catalogueId: "hetzner",
        dpaReference: "",
      },
      "31@dev-this",
    );
    expect(await screen.findByText("'Hetzner Online GmbH' is up to date.")).toBeInTheDocument();
  });

  it("deletes after confirmation and undoes the delete from the notification", async () => {
    const recipient = makeRecipient();
    vi.mocked(ipc.getRecipient).mockResolvedValue(recipient);
    vi.mocked(ipc.deleteRecipient).mockResolvedValue(recipient);
    vi.mocked(ipc.restoreRecipient).mockResolvedValue(recipient);
    const { user, router } = renderWithProviders({ route: "/recipients/rec-1" });

    await user.click(await screen.findByTestId("recipient-delete"));
    const dialog = await screen.findByRole("dialog");
    expect(
      within(dialog).getByText("Delete 'Hetzner Online GmbH'? You can undo this right after."),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByTestId("confirm-delete"));

    await waitFor(() => expect(ipc.deleteRecipient).toHaveBeenCalledWith("rec-1", "31@dev-this"));
    await waitFor(() => expect(router.state.location.pathname).toBe("/recipients"));
    expect(await screen.findByText("Deleted 'Hetzner Online GmbH'")).toBeInTheDocument();

    vi.mocked(ipc.listRecipients).mockResolvedValue([recipient]);
    await user.click(screen.getByTestId("undo-delete"));

    await waitFor(() => expect(ipc.restoreRecipient).toHaveBeenCalledWith("rec-1"));
    expect(await screen.findByText("Restored 'Hetzner Online GmbH'")).toBeInTheDocument();
    expect(await screen.findAllByTestId("recipient-row")).toHaveLength(1);
  });

  it("undoes the last save: the previous values are saved again and shown", async () => {
    const recipient = makeRecipient({ dpaReference: "Contracts/2026/DPA-Hetzner.pdf" });
    vi.mocked(ipc.getRecipient).mockResolvedValue(recipient);
    // Every save is a new version of the record, with a base of its own.
    let version = 31;
    vi.mocked(ipc.updateRecipient).mockImplementation(async (id, input) => {
      version += 1;
      return { ...recipient, ...input, id, base: `${version}@dev-this` };
    });
    const { user } = renderWithProviders({ route: "/recipients/rec-1" });

    const reference = await screen.findByTestId("recipient-dpaReference");
    expect(reference).toHaveValue("Contracts/2026/DPA-Hetzner.pdf");
    await user.clear(reference);
    await user.type(reference, "https://drive.example/dpa-hetzner");
    await user.click(screen.getByTestId("recipient-save"));
    expect(await screen.findByText("'Hetzner Online GmbH' is up to date.")).toBeInTheDocument();

    await user.click(screen.getByTestId("undo-last-change"));

    expect(await screen.findByText("Change undone")).toBeInTheDocument();
    expect(ipc.updateRecipient).toHaveBeenCalledTimes(2);
    expect(vi.mocked(ipc.updateRecipient).mock.calls[0]?.[2]).toBe("31@dev-this");
    // The undo saves the previous values against the base of the record the save returned.
    expect(vi.mocked(ipc.updateRecipient).mock.calls[1]).toEqual([
      "rec-1",
      expect.objectContaining({ dpaReference: "Contracts/2026/DPA-Hetzner.pdf" }),
      "32@dev-this",
    ]);
    expect(reference).toHaveValue("Contracts/2026/DPA-Hetzner.pdf");
  });

  it("lists the activities that use the recipient, each linking to its page", async () => {
    vi.mocked(ipc.getRecipient).mockResolvedValue(makeRecipient());
    vi.mocked(ipc.listRecipientUses).mockResolvedValue([
      {
        activityId: "act-1",
        activityName: "Member administration",
        roles: ["processor"],
        transferCountries: [],
      },
      {
        activityId: "act-2",
        activityName: "Newsletter",
        roles: ["processor", "jointController"],
        transferCountries: ["US"],
      },
    ]);
    renderWithProviders({ route: "/recipients/rec-1" });

    const panel = await screen.findByTestId("recipient-uses");
    const rows = await within(panel).findAllByTestId("recipient-use");
    expect(ipc.listRecipientUses).toHaveBeenCalledWith("rec-1");
    expect(rows).toHaveLength(2);
    expect(within(rows[0] as HTMLElement).getByRole("link")).toHaveAttribute(
      "href",
      "/activities/act-1",
    );
    const newsletter = rows[1] as HTMLElement;
    expect(within(newsletter).getByRole("link", { name: "Newsletter" })).toHaveAttribute(
      "href",
      "/activities/act-2",
    );
    expect(newsletter).toHaveTextContent("Processor");
    expect(newsletter).toHaveTextContent("Joint controller (Art. 26)");
    expect(await within(newsletter).findByText("United States of America")).toBeInTheDocument();
  });

  it("says when no activity uses the recipient", async () => {
    vi.mocked(ipc.getRecipient).mockResolvedValue(makeRecipient());
    renderWithProviders({ route: "/recipients/rec-1" });

    expect(await screen.findByTestId("recipient-uses-empty")).toHaveTextContent(
      "No processing activity discloses data to this recipient yet.",
    );
  });

  it("asks before leaving a form with unsaved changes", async () => {
    const { user, router } = renderWithProviders({ route: "/recipients/new" });

    await user.type(await screen.findByTestId("recipient-legalName"), "Half-typed");
    await user.click(screen.getByTestId("nav-activities"));

    expect(await screen.findByText("Leave without saving?")).toBeInTheDocument();
    await user.click(screen.getByTestId("unsaved-stay"));
    expect(router.state.location.pathname).toBe("/recipients/new");
    expect(screen.getByTestId("recipient-legalName")).toHaveValue("Half-typed");
  });

  it("opens at the input that the URL names", async () => {
    vi.mocked(ipc.getRecipient).mockResolvedValue(makeRecipient({ dpaStatus: "missing" }));
    const { unmount } = renderWithProviders({ route: "/recipients/rec-1?field=dpaStatus" });
    const status = await screen.findByTestId("recipient-dpaStatus");
    await waitFor(() => expect(status).toHaveFocus());
    unmount();

    renderWithProviders({ route: "/recipients/rec-1?field=dpaExpires" });
    const expires = await screen.findByTestId("recipient-dpaExpires");
    await waitFor(() => expect(expires).toHaveFocus());
  });
});
