// Tests for the organisation profile form: field errors on the inputs, successful save,
// the number of employees and the organisation-wide security measures, undo of a save.
import { notifications } from "@mantine/notifications";
import { screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
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

afterEach(() => {
  notifications.clean();
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
    expect(screen.getByTestId("organisation-employeeCount").tagName).toBe("INPUT");
    expect(screen.getByTestId("organisation-employeeCount")).toHaveValue("3");
    expect(screen.getByTestId("organisation-securityMeasures-backups")).toBeChecked();
    expect(screen.getByTestId("organisation-securityMeasures-encryption")).not.toBeChecked();
    expect(screen.getByTestId("organisation-securityMeasures-other")).toHaveAttribute(
      "type",
      "checkbox",
    );
    expect(screen.getByTestId("organisation-securityNotes").tagName).toBe("TEXTAREA");
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
      employeeCount: 3,
      securityMeasures: ["backups"],
      securityNotes: "",
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

  it("sends the number of employees and the ticked measures, in the checklist's order", async () => {
    vi.mocked(ipc.updateOrganisation).mockImplementation(async (input) => ({
      ...input,
      updatedAt: "2026-11-22T18:19:00Z",
    }));
    const { user } = renderWithProviders({ route: "/organisation" });

    const count = await screen.findByTestId("organisation-employeeCount");
    await user.clear(count);
    await user.type(count, "260");
    await user.click(screen.getByTestId("organisation-securityMeasures-training"));
    await user.click(screen.getByTestId("organisation-securityMeasures-accessControl"));
    await user.type(screen.getByTestId("organisation-securityNotes"), " Laptops are locked. ");
    expect(screen.getByText("Unsaved changes · Ctrl+S saves")).toBeInTheDocument();
    await user.click(screen.getByTestId("org-save"));

    await waitFor(() => expect(ipc.updateOrganisation).toHaveBeenCalledTimes(1));
    expect(vi.mocked(ipc.updateOrganisation).mock.calls[0]?.[0]).toMatchObject({
      employeeCount: 260,
      securityMeasures: ["accessControl", "backups", "training"],
      securityNotes: "Laptops are locked.",
    });
    expect(await screen.findByText("Organisation profile saved")).toBeInTheDocument();
    expect(screen.getByText("Ctrl+S saves")).toBeInTheDocument();
  });

  it("sends an emptied number of employees as null", async () => {
    vi.mocked(ipc.updateOrganisation).mockImplementation(async (input) => ({
      ...input,
      updatedAt: "2026-11-22T18:19:00Z",
    }));
    const { user } = renderWithProviders({ route: "/organisation" });

    await user.clear(await screen.findByTestId("organisation-employeeCount"));
    await user.click(screen.getByTestId("org-save"));

    await waitFor(() => expect(ipc.updateOrganisation).toHaveBeenCalledTimes(1));
    expect(vi.mocked(ipc.updateOrganisation).mock.calls[0]?.[0].employeeCount).toBeNull();
  });

  it("notices unsaved changes in the checklist, and none once a tick is taken back", async () => {
    const { user } = renderWithProviders({ route: "/organisation" });

    const backups = await screen.findByTestId("organisation-securityMeasures-backups");
    const encryption = screen.getByTestId("organisation-securityMeasures-encryption");
    await user.click(encryption);
    expect(screen.getByText("Unsaved changes · Ctrl+S saves")).toBeInTheDocument();
    await user.click(backups);
    await user.click(backups);
    await user.click(encryption);
    expect(screen.getByText("Ctrl+S saves")).toBeInTheDocument();
  });

  it("puts the messages about the notes and the headcount next to their inputs", async () => {
    const NOTES_MESSAGE = 'You ticked "Other measures": describe them in the security notes.';
    const COUNT_MESSAGE = "The number of employees must be a whole number from 0 up.";
    vi.mocked(ipc.updateOrganisation).mockRejectedValue(
      new StewardError("validation", "Please correct the highlighted details.", [
        { field: "employeeCount", message: COUNT_MESSAGE },
        { field: "securityNotes", message: NOTES_MESSAGE },
      ]),
    );
    const { user } = renderWithProviders({ route: "/organisation" });

    await user.click(await screen.findByTestId("organisation-securityMeasures-other"));
    await user.click(screen.getByTestId("org-save"));

    const count = screen.getByTestId("organisation-employeeCount");
    const notes = screen.getByTestId("organisation-securityNotes");
    await waitFor(() => expect(notes).toHaveAttribute("aria-invalid", "true"));
    expect(describedByText(notes)).toContain(NOTES_MESSAGE);
    expect(count).toHaveAttribute("aria-invalid", "true");
    expect(describedByText(count)).toContain(COUNT_MESSAGE);
    expect(count).toHaveFocus();
    expect(screen.getByTestId("form-error-alert")).not.toHaveTextContent(NOTES_MESSAGE);
    expect(screen.getByTestId("organisation-securityMeasures-other")).toBeChecked();

    await user.type(notes, "A locked cupboard for paper files.");
    expect(notes).not.toHaveAttribute("aria-invalid", "true");
    expect(count).toHaveAttribute("aria-invalid", "true");
  });

  it("undoes the last save from the notification", async () => {
    vi.mocked(ipc.updateOrganisation).mockImplementation(async (input) => ({
      ...input,
      updatedAt: "2026-11-22T18:19:00Z",
    }));
    const { user } = renderWithProviders({ route: "/organisation" });

    const legalName = await screen.findByTestId("org-legalName");
    await user.clear(legalName);
    await user.type(legalName, "Riverside Garden Club");
    await user.click(screen.getByTestId("organisation-securityMeasures-encryption"));
    await user.click(screen.getByTestId("org-save"));
    await user.click(await screen.findByTestId("undo-last-change"));

    expect(await screen.findByText("Change undone")).toBeInTheDocument();
    expect(ipc.updateOrganisation).toHaveBeenCalledTimes(2);
    expect(vi.mocked(ipc.updateOrganisation).mock.calls[1]?.[0]).toMatchObject({
      legalName: "Riverside Community Garden e.V.",
      securityMeasures: ["backups"],
      employeeCount: 3,
    });
    expect(legalName).toHaveValue("Riverside Community Garden e.V.");
    expect(screen.getByTestId("organisation-securityMeasures-encryption")).not.toBeChecked();
    expect(screen.getByText("Ctrl+S saves")).toBeInTheDocument();
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
