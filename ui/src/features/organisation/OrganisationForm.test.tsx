// Tests for the organisation profile form: field errors on the inputs, successful save.
import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as ipc from "../../ipc";
import { StewardError } from "../../ipc";
import { makeOrganisation } from "../../test/fixtures";
import { describedByText, setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

const EMAIL_MESSAGE = "Contact email must be an email address, such as privacy@example.org.";

beforeEach(() => {
  setIpcDefaults(ipc);
  vi.mocked(ipc.getOrganisation).mockResolvedValue(makeOrganisation());
});

describe("organisation form", () => {
  it("puts the test ids on the native elements and fills in the saved profile", async () => {
    renderWithProviders({ route: "/organisation" });

    expect(await screen.findByTestId("org-legalName")).toHaveValue(
      "Riverside Community Garden e.V.",
    );
    expect(screen.getByTestId("org-legalName").tagName).toBe("INPUT");
    expect(screen.getByTestId("org-address").tagName).toBe("TEXTAREA");
    expect(screen.getByTestId("org-contactEmail").tagName).toBe("INPUT");
    expect(screen.getByTestId("org-dpoName").tagName).toBe("INPUT");
    expect(screen.getByTestId("org-dpoContact").tagName).toBe("INPUT");
    expect(screen.getByTestId("org-euRepresentative").tagName).toBe("TEXTAREA");
    expect(screen.getByTestId("org-supervisoryAuthority").tagName).toBe("INPUT");
    expect(screen.getByTestId("org-save").tagName).toBe("BUTTON");
    expect(screen.getByTestId("nav-organisation").tagName).toBe("A");
  });

  it("shows a contactEmail error next to the email input and keeps the typed text", async () => {
    vi.mocked(ipc.updateOrganisation).mockRejectedValue(
      new StewardError("validation", "Please correct the highlighted details.", [
        { field: "contactEmail", message: EMAIL_MESSAGE },
      ]),
    );
    const { user } = renderWithProviders({ route: "/organisation" });

    const email = await screen.findByTestId("org-contactEmail");
    await user.clear(email);
    await user.type(email, "not-an-email");
    await user.click(screen.getByTestId("org-save"));

    await waitFor(() => expect(email).toHaveAttribute("aria-invalid", "true"));
    expect(describedByText(email)).toContain(EMAIL_MESSAGE);
    expect(email).toHaveValue("not-an-email");
    expect(email).toHaveFocus();
    expect(screen.getByTestId("org-legalName")).not.toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("form-error-alert")).toHaveTextContent(
      "Please correct the highlighted details.",
    );
    expect(ipc.updateOrganisation).toHaveBeenCalledWith({
      legalName: "Riverside Community Garden e.V.",
      address: "Gartenweg 1\n12345 Musterstadt",
      contactEmail: "not-an-email",
      dpoName: "",
      dpoContact: "",
      euRepresentative: "",
      supervisoryAuthority: "",
    });
  });

  it("saves the trimmed profile and confirms it", async () => {
    vi.mocked(ipc.updateOrganisation).mockImplementation(async (input) => ({
      ...input,
      updatedAt: "2026-11-22T18:19:00Z",
    }));
    const { user } = renderWithProviders({ route: "/organisation" });

    await user.type(await screen.findByTestId("org-dpoName"), "  Alex Example ");
    await user.click(screen.getByTestId("org-save"));

    await waitFor(() => expect(ipc.updateOrganisation).toHaveBeenCalledTimes(1));
    expect(vi.mocked(ipc.updateOrganisation).mock.calls[0]?.[0].dpoName).toBe("Alex Example");
    expect(await screen.findByText("Organisation profile saved")).toBeInTheDocument();
    expect(screen.getByTestId("org-dpoName")).toHaveValue("Alex Example");
  });

  it("puts a storage error in the alert at the top", async () => {
    vi.mocked(ipc.updateOrganisation).mockRejectedValue(
      new StewardError("storage", "The register could not be written to disk."),
    );
    const { user } = renderWithProviders({ route: "/organisation" });

    await user.click(await screen.findByTestId("org-save"));

    expect(await screen.findByTestId("form-error-alert")).toHaveTextContent(
      "The register could not be written to disk.",
    );
  });
});
