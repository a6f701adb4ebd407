// Tests for the website third party form: the consent switch sent as true or false, the
// kind select, a provider error next to its input with everything typed kept, the
// recipient link, and the history in the form's words.
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as ipc from "../../ipc";
import { StewardError } from "../../ipc";
import { makeHistoryEntry, makeRecipient, makeWebsiteThirdParty } from "../../test/fixtures";
import { describedByText, setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

const PROVIDER_MESSAGE = "Provider is required: say who runs it, e.g. 'Matomo (InnoCraft Ltd)'.";

beforeEach(() => {
  setIpcDefaults(ipc);
});

describe("website third party form", () => {
  it("puts the test ids on the native elements and starts as a cookie that needs consent", async () => {
    renderWithProviders({ route: "/website/new" });

    expect((await screen.findByTestId("website-provider")).tagName).toBe("INPUT");
    expect(screen.getByTestId("website-kind").tagName).toBe("SELECT");
    expect(screen.getByTestId("website-purpose").tagName).toBe("TEXTAREA");
    expect(screen.getByTestId("website-dataCollected").tagName).toBe("TEXTAREA");
    expect(screen.getByTestId("website-duration").tagName).toBe("INPUT");
    expect(screen.getByTestId("website-consentRequired")).toHaveAttribute("type", "checkbox");
    expect(screen.getByTestId("website-privacyPolicyUrl").tagName).toBe("INPUT");
    expect(screen.getByTestId("website-notes").tagName).toBe("TEXTAREA");
    expect(screen.getByTestId("website-recipientId").tagName).toBe("INPUT");
    expect(screen.getByTestId("website-save").tagName).toBe("BUTTON");
    expect(screen.getByTestId("website-kind")).toHaveValue("cookie");
    expect(screen.getByTestId("website-consentRequired")).toBeChecked();
    expect(
      Array.from(
        (screen.getByTestId("website-kind") as HTMLSelectElement).options,
        (option) => option.text,
      ),
    ).toEqual(["Cookie", "Tracking pixel", "Embedded content", "Script", "Other"]);
  });

  it("shows a provider error next to its input and keeps what was typed", async () => {
    vi.mocked(ipc.createWebsiteThirdParty).mockRejectedValue(
      new StewardError("validation", "Please check the third party.", [
        { field: "provider", message: PROVIDER_MESSAGE },
      ]),
    );
    const { user } = renderWithProviders({ route: "/website/new" });

    await user.selectOptions(await screen.findByTestId("website-kind"), "pixel");
    await user.type(screen.getByTestId("website-purpose"), "Measure our campaigns");
    await user.click(screen.getByTestId("website-consentRequired"));
    await user.click(screen.getByTestId("website-save"));

    const provider = screen.getByTestId("website-provider");
    await waitFor(() => expect(provider).toHaveAttribute("aria-invalid", "true"));
    expect(describedByText(provider)).toContain(PROVIDER_MESSAGE);
    expect(provider).toHaveFocus();
    expect(screen.getByTestId("form-error-alert")).toHaveTextContent(
      "Please check the third party.",
    );
    expect(screen.getByTestId("website-kind")).toHaveValue("pixel");
    expect(screen.getByTestId("website-purpose")).toHaveValue("Measure our campaigns");
    expect(screen.getByTestId("website-consentRequired")).not.toBeChecked();

    // Typing a provider clears its message.
    await user.type(provider, "Meta");
    expect(provider).not.toHaveAttribute("aria-invalid", "true");
  });

  it("sends consentRequired true, then false once the switch is turned off", async () => {
    const created = makeWebsiteThirdParty({ id: "web-9", provider: "Matomo", kind: "cookie" });
    vi.mocked(ipc.createWebsiteThirdParty).mockResolvedValue(created);
    vi.mocked(ipc.getWebsiteThirdParty).mockResolvedValue(created);
    vi.mocked(ipc.updateWebsiteThirdParty).mockImplementation(async (_id, input) => ({
      ...created,
      ...input,
    }));
    const { user, router } = renderWithProviders({ route: "/website/new" });

    await user.type(await screen.findByTestId("website-provider"), " Matomo ");
    await user.type(screen.getByTestId("website-duration"), "13 months");
    await user.click(screen.getByTestId("website-save"));

    await waitFor(() => expect(ipc.createWebsiteThirdParty).toHaveBeenCalledTimes(1));
    expect(ipc.createWebsiteThirdParty).toHaveBeenCalledWith({
      provider: "Matomo",
      kind: "cookie",
      purpose: "",
      dataCollected: "",
      duration: "13 months",
      consentRequired: true,
      privacyPolicyUrl: "",
      notes: "",
      recipientId: null,
    });
    await waitFor(() => expect(router.state.location.pathname).toBe("/website/web-9"));
    // The saved record's page, with its delete button, replaces the empty form.
    expect(await screen.findByTestId("website-delete")).toBeInTheDocument();

    const consent = screen.getByTestId("website-consentRequired");
    expect(consent).toBeChecked();
    await user.click(consent);
    expect(consent).not.toBeChecked();
    await user.click(screen.getByTestId("website-save"));

    await waitFor(() => expect(ipc.updateWebsiteThirdParty).toHaveBeenCalledTimes(1));
    expect(vi.mocked(ipc.updateWebsiteThirdParty).mock.calls[0]?.[0]).toBe("web-9");
    expect(vi.mocked(ipc.updateWebsiteThirdParty).mock.calls[0]?.[1]).toMatchObject({
      provider: "Matomo",
      consentRequired: false,
    });
    expect(await screen.findByText("'Matomo' is up to date.")).toBeInTheDocument();
    expect(screen.getByTestId("website-consentRequired")).not.toBeChecked();
  });

  it("links the provider to a recipient by id", async () => {
    vi.mocked(ipc.listRecipients).mockResolvedValue([
      makeRecipient({ id: "rec-3", legalName: "Google Ireland Limited", tradingName: "Google" }),
    ]);
    const thirdParty = makeWebsiteThirdParty();
    vi.mocked(ipc.getWebsiteThirdParty).mockResolvedValue(thirdParty);
    vi.mocked(ipc.updateWebsiteThirdParty).mockResolvedValue({
      ...thirdParty,
      recipientId: "rec-3",
    });
    const { user } = renderWithProviders({ route: "/website/web-1" });

    const link = await screen.findByTestId("website-recipientId");
    await user.click(link);
    await user.type(link, "goog");
    await user.click(
      await screen.findByRole("option", { name: "Google Ireland Limited (Google)" }),
    );
    await user.click(screen.getByTestId("website-save"));

    await waitFor(() => expect(ipc.updateWebsiteThirdParty).toHaveBeenCalledTimes(1));
    expect(vi.mocked(ipc.updateWebsiteThirdParty).mock.calls[0]?.[1]).toMatchObject({
      kind: "embed",
      consentRequired: true,
      recipientId: "rec-3",
    });
  });

  it("shows the history with the form's labels, kinds and the recipient by name", async () => {
    vi.mocked(ipc.listRecipients).mockResolvedValue([
      makeRecipient({ id: "rec-3", legalName: "Google Ireland Limited", tradingName: "" }),
    ]);
    vi.mocked(ipc.getWebsiteThirdParty).mockResolvedValue(makeWebsiteThirdParty());
    vi.mocked(ipc.getHistory).mockResolvedValue([
      makeHistoryEntry({ field: "recipientId", old: null, new: "rec-3" }),
      makeHistoryEntry({ field: "consentRequired", old: "no", new: "yes" }),
      makeHistoryEntry({ field: "kind", old: "cookie", new: "embed" }),
    ]);
    renderWithProviders({ route: "/website/web-1" });

    const history = await screen.findByTestId("history");
    expect(ipc.getHistory).toHaveBeenCalledWith("websiteThirdParty", "web-1");
    expect(await within(history).findByText("Type: 'Cookie' → 'Embedded content'")).toBeVisible();
    expect(within(history).getByText("Needs the visitor's consent: 'no' → 'yes'")).toBeVisible();
    expect(
      await within(history).findByText(
        "Set Same organisation in the recipients register to 'Google Ireland Limited'",
      ),
    ).toBeVisible();
  });
});
