// Tests for the source organisation form: the recipient link (chosen, cleared to null, its
// server error next to the picker), the country picker, trimmed input, delete with undo,
// and the history below the form refreshed after a save; a link that names a field opens
// the form at it.
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as ipc from "../../ipc";
import { StewardError } from "../../ipc";
import { makeHistoryEntry, makeRecipient, makeSourceOrganisation } from "../../test/fixtures";
import { describedByText, setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

const RECIPIENT_MESSAGE = "The linked recipient is no longer in the register.";

const EVENTBRITE = makeRecipient({
  id: "rec-7",
  legalName: "Eventbrite, Inc.",
  tradingName: "Eventbrite",
  country: "US",
});

beforeEach(() => {
  setIpcDefaults(ipc);
  vi.mocked(ipc.listRecipients).mockResolvedValue([makeRecipient(), EVENTBRITE]);
});

describe("source organisation form", () => {
  it("puts the test ids on the native elements", async () => {
    renderWithProviders({ route: "/sources/new" });

    expect((await screen.findByTestId("source-name")).tagName).toBe("INPUT");
    expect(screen.getByTestId("source-country").tagName).toBe("INPUT");
    expect(screen.getByTestId("source-contact").tagName).toBe("INPUT");
    expect(screen.getByTestId("source-privacyPolicyUrl").tagName).toBe("INPUT");
    expect(screen.getByTestId("source-notes").tagName).toBe("TEXTAREA");
    expect(screen.getByTestId("source-recipientId").tagName).toBe("INPUT");
    expect(screen.getByTestId("source-save").tagName).toBe("BUTTON");
    expect(screen.getByTestId("source-recipientId")).toHaveAccessibleName(
      "Same organisation in the recipients register",
    );
    // A new record has no delete button and no history yet.
    expect(screen.queryByTestId("source-delete")).not.toBeInTheDocument();
    expect(screen.queryByTestId("history")).not.toBeInTheDocument();
  });

  it("creates a source with its country and linked recipient, trimmed", async () => {
    const created = makeSourceOrganisation({ id: "src-9", recipientId: "rec-7" });
    vi.mocked(ipc.createSourceOrganisation).mockResolvedValue(created);
    vi.mocked(ipc.getSourceOrganisation).mockResolvedValue(created);
    const { user, router } = renderWithProviders({ route: "/sources/new" });

    await user.type(await screen.findByTestId("source-name"), "  Eventbrite ");
    const country = screen.getByTestId("source-country");
    await user.click(country);
    await user.type(country, "united st");
    await user.click(await screen.findByRole("option", { name: "United States of America (US)" }));
    const link = screen.getByTestId("source-recipientId");
    await user.click(link);
    await user.type(link, "event");
    await user.click(await screen.findByRole("option", { name: "Eventbrite, Inc. (Eventbrite)" }));
    await user.click(screen.getByTestId("source-save"));

    await waitFor(() => expect(ipc.createSourceOrganisation).toHaveBeenCalledTimes(1));
    expect(ipc.createSourceOrganisation).toHaveBeenCalledWith({
      name: "Eventbrite",
      country: "US",
      contact: "",
      privacyPolicyUrl: "",
      notes: "",
      recipientId: "rec-7",
    });
    await waitFor(() => expect(router.state.location.pathname).toBe("/sources/src-9"));
    expect(await screen.findByText("'Eventbrite' has been recorded.")).toBeInTheDocument();
  });

  it("sends recipientId null once the link is cleared", async () => {
    const source = makeSourceOrganisation({ recipientId: "rec-7" });
    vi.mocked(ipc.getSourceOrganisation).mockResolvedValue(source);
    vi.mocked(ipc.updateSourceOrganisation).mockResolvedValue({ ...source, recipientId: null });
    const { user } = renderWithProviders({ route: "/sources/src-1" });

    const link = await screen.findByTestId("source-recipientId");
    await waitFor(() => expect(link).toHaveValue("Eventbrite, Inc. (Eventbrite)"));
    // Mantine hides the clear button from assistive technology (see ReferenceSelect).
    await user.click(screen.getByTitle("Remove the link to the recipient"));
    expect(link).toHaveValue("");
    await user.click(screen.getByTestId("source-save"));

    await waitFor(() => expect(ipc.updateSourceOrganisation).toHaveBeenCalledTimes(1));
    expect(ipc.updateSourceOrganisation).toHaveBeenCalledWith(
      "src-1",
      {
        name: "Eventbrite",
        country: "US",
        contact: "privacy@eventbrite.example",
        privacyPolicyUrl: "https://www.eventbrite.example/privacy",
        notes: "",
        recipientId: null,
      },
      "41@dev-this",
    );
  });

  it("shows a recipientId error next to the recipient picker and keeps the link", async () => {
    // Linked to a recipient that has since been deleted: it is not in the register.
    const source = makeSourceOrganisation({ recipientId: "rec-gone" });
    vi.mocked(ipc.getSourceOrganisation).mockResolvedValue(source);
    vi.mocked(ipc.updateSourceOrganisation).mockRejectedValue(
      new StewardError("validation", "Please check the source organisation.", [
        { field: "recipientId", message: RECIPIENT_MESSAGE },
      ]),
    );
    const { user } = renderWithProviders({ route: "/sources/src-1" });

    const link = await screen.findByTestId("source-recipientId");
    await waitFor(() => expect(link).toHaveValue("A recipient no longer in the register"));
    await user.click(screen.getByTestId("source-save"));

    await waitFor(() => expect(link).toHaveAttribute("aria-invalid", "true"));
    expect(describedByText(link)).toContain(RECIPIENT_MESSAGE);
    expect(link).toHaveFocus();
    expect(screen.getByTestId("source-name")).not.toHaveAttribute("aria-invalid", "true");
    const alert = screen.getByTestId("form-error-alert");
    expect(alert).toHaveTextContent("Please check the source organisation.");
    expect(alert).not.toHaveTextContent(RECIPIENT_MESSAGE);
    expect(vi.mocked(ipc.updateSourceOrganisation).mock.calls[0]?.[1].recipientId).toBe("rec-gone");

    // Choosing another recipient clears the message.
    await user.click(link);
    await user.clear(link);
    await user.type(link, "hetz");
    await user.click(await screen.findByRole("option", { name: "Hetzner Online GmbH (Hetzner)" }));
    expect(link).not.toHaveAttribute("aria-invalid", "true");
  });

  it("shows the history below the form and refreshes it after a save", async () => {
    const source = makeSourceOrganisation();
    vi.mocked(ipc.getSourceOrganisation).mockResolvedValue(source);
    vi.mocked(ipc.getHistory).mockResolvedValue([
      makeHistoryEntry({ field: "recipientId", old: null, new: "rec-7" }),
      makeHistoryEntry({ field: "name", old: null, new: "Eventbrite" }),
    ]);
    vi.mocked(ipc.updateSourceOrganisation).mockImplementation(async (_id, input) => ({
      ...source,
      ...input,
    }));
    const { user } = renderWithProviders({ route: "/sources/src-1" });

    const history = await screen.findByTestId("history");
    expect(await within(history).findByText("Set Name to 'Eventbrite'")).toBeInTheDocument();
    expect(ipc.getHistory).toHaveBeenCalledWith("sourceOrganisation", "src-1");
    // The linked recipient by name, not by id.
    expect(
      await within(history).findByText(
        "Set Same organisation in the recipients register to 'Eventbrite, Inc. (Eventbrite)'",
      ),
    ).toBeInTheDocument();

    vi.mocked(ipc.getHistory).mockResolvedValue([
      makeHistoryEntry({
        at: "2026-11-23T08:00:00Z",
        field: "privacyPolicyUrl",
        old: "https://www.eventbrite.example/privacy",
        new: "https://eventbrite.example/legal",
      }),
      makeHistoryEntry({ field: "recipientId", old: null, new: "rec-7" }),
      makeHistoryEntry({ field: "name", old: null, new: "Eventbrite" }),
    ]);
    const url = screen.getByTestId("source-privacyPolicyUrl");
    await user.clear(url);
    await user.type(url, "https://eventbrite.example/legal");
    await user.click(screen.getByTestId("source-save"));

    expect(
      await within(history).findByText(
        "Privacy policy URL: 'https://www.eventbrite.example/privacy' → 'https://eventbrite.example/legal'",
      ),
    ).toBeInTheDocument();
    expect(within(history).getAllByTestId("history-entry")).toHaveLength(3);
  });

  it("deletes after confirmation and undoes the delete from the notification", async () => {
    const source = makeSourceOrganisation();
    vi.mocked(ipc.getSourceOrganisation).mockResolvedValue(source);
    vi.mocked(ipc.deleteSourceOrganisation).mockResolvedValue(source);
    vi.mocked(ipc.restoreSourceOrganisation).mockResolvedValue(source);
    const { user, router } = renderWithProviders({ route: "/sources/src-1" });

    await user.click(await screen.findByTestId("source-delete"));
    const dialog = await screen.findByRole("dialog", { name: "Delete source organisation" });
    await user.click(within(dialog).getByTestId("confirm-delete"));

    await waitFor(() =>
      expect(ipc.deleteSourceOrganisation).toHaveBeenCalledWith("src-1", "41@dev-this"),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe("/sources"));
    expect(await screen.findByText("Deleted 'Eventbrite'")).toBeInTheDocument();

    vi.mocked(ipc.listSourceOrganisations).mockResolvedValue([source]);
    await user.click(screen.getByTestId("undo-delete"));

    await waitFor(() => expect(ipc.restoreSourceOrganisation).toHaveBeenCalledWith("src-1"));
    expect(await screen.findByText("Restored 'Eventbrite'")).toBeInTheDocument();
    expect(await screen.findAllByTestId("source-row")).toHaveLength(1);
  });

  it("opens at the field a finding names", async () => {
    vi.mocked(ipc.getSourceOrganisation).mockResolvedValue(makeSourceOrganisation());
    renderWithProviders({ route: "/sources/src-1?field=privacyPolicyUrl" });

    const url = await screen.findByTestId("source-privacyPolicyUrl");
    await waitFor(() => expect(url).toHaveFocus());
  });
});
