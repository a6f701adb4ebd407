// Tests for the organisation profile form: field errors on the inputs, successful save,
// the number of employees and the organisation-wide security measures, the privacy policy
// settings, opening at a field named in the URL, undo of a save, a conflict marked beside
// the checklist and settled there.
import { notifications } from "@mantine/notifications";
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as ipc from "../../ipc";
import { StewardError } from "../../ipc";
import { makeConflict, makeConflictValue, makeOrganisation } from "../../test/fixtures";
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
    expect(ipc.updateOrganisation).toHaveBeenCalledWith(
      {
        legalName: "Riverside Community Garden e.V.",
        address: "Gartenweg 1\n12345 Musterstadt",
        country: "",
        gdprReach: null,
        contactEmail: "not-an-email",
        dpoName: "",
        dpoContact: "",
        euRepresentative: "",
        supervisoryAuthority: "",
        employeeCount: 3,
        securityMeasures: ["backups"],
        securityNotes: "",
        policyScope: [],
        policyEffectiveDate: null,
        minimumAge: null,
        rightsResponseDays: null,
        breachNotification: "",
        cookieControls: "",
        communicationsOptOut: "",
        deidentifiedData: "",
        policyChangeNotice: "",
        otherDisclosures: [],
        confirmedNone: [],
      },
      // A profile never saved was read at the empty base.
      "",
    );
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

  it("sends where the organisation is established and why the GDPR applies", async () => {
    vi.mocked(ipc.updateOrganisation).mockImplementation(async (input) => ({
      ...input,
      updatedAt: "2026-11-22T18:19:00Z",
    }));
    const { user } = renderWithProviders({ route: "/organisation" });

    const country = await screen.findByTestId("org-country");
    await user.click(country);
    await user.type(country, "united st");
    await user.click(await screen.findByRole("option", { name: "United States of America (US)" }));
    await user.selectOptions(screen.getByTestId("org-gdprReach"), "offersToPeopleInEu");
    await user.click(screen.getByTestId("org-save"));

    await waitFor(() => expect(ipc.updateOrganisation).toHaveBeenCalledTimes(1));
    expect(vi.mocked(ipc.updateOrganisation).mock.calls[0]?.[0]).toMatchObject({
      country: "US",
      gdprReach: "offersToPeopleInEu",
    });
  });

  it("puts the message about the GDPR's reach on its select, and sends 'not recorded' as null", async () => {
    vi.mocked(ipc.getOrganisation).mockResolvedValue(
      makeOrganisation({ country: "DE", gdprReach: "euEstablishment" }),
    );
    const message =
      "An organisation established in DE, in the EEA, is covered by the GDPR through its establishment (Art. 3(1)).";
    vi.mocked(ipc.updateOrganisation).mockImplementation(async (input) => ({
      ...input,
      updatedAt: "2026-11-22T18:19:00Z",
    }));
    vi.mocked(ipc.updateOrganisation).mockRejectedValueOnce(
      new StewardError("validation", "Please correct the highlighted details.", [
        { field: "gdprReach", message },
      ]),
    );
    const { user } = renderWithProviders({ route: "/organisation" });

    const reach = await screen.findByTestId("org-gdprReach");
    expect(reach).toHaveValue("euEstablishment");
    await user.selectOptions(reach, "monitorsPeopleInEu");
    await user.click(screen.getByTestId("org-save"));
    await waitFor(() => expect(reach).toHaveAttribute("aria-invalid", "true"));
    expect(describedByText(reach)).toContain(message);

    await user.selectOptions(reach, "");
    await user.click(screen.getByTestId("org-save"));
    await waitFor(() => expect(ipc.updateOrganisation).toHaveBeenCalledTimes(2));
    expect(vi.mocked(ipc.updateOrganisation).mock.calls[1]?.[0]).toMatchObject({
      country: "DE",
      gdprReach: null,
    });
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

  it("marks the profile's conflicts beside their inputs, the checklist's too", async () => {
    vi.mocked(ipc.listConflicts).mockResolvedValue([
      makeConflict({
        record: "organisation",
        recordId: "org-1",
        recordName: "Riverside Community Garden e.V.",
        field: "securityMeasures",
        values: [
          makeConflictValue({ field: "securityMeasures", value: ["backups"], shown: true }),
          makeConflictValue({
            field: "securityMeasures",
            value: ["backups", "encryption"],
            device: "dev-sam",
            deviceName: "Sam's laptop",
          }),
        ],
      }),
    ]);
    vi.mocked(ipc.resolveConflict).mockResolvedValue(null);
    const { user } = renderWithProviders({ route: "/organisation" });

    const mark = await screen.findByTestId("org-securityMeasures-conflict");
    expect(mark).toHaveAccessibleName(
      "Conflict on Organisation-wide security measures: changed on two laptops, 2 values. Choose the one to keep.",
    );
    expect(mark.closest(".mantine-Group-root")).toContainElement(
      screen.getByTestId("organisation-securityMeasures-encryption"),
    );
    await user.click(mark);
    const values = await screen.findAllByTestId("org-securityMeasures-conflict-value");
    expect(values[1]).toHaveTextContent("backups, encryption");
    await user.click(
      within(values[1] as HTMLElement).getByRole("button", { name: "Keep this value" }),
    );

    await waitFor(() =>
      expect(ipc.resolveConflict).toHaveBeenCalledWith({
        record: "organisation",
        recordId: "org-1",
        field: "securityMeasures",
        resolution: { kind: "value", value: ["backups", "encryption"] },
      }),
    );
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

  it("fills in the privacy policy settings and sends them with their types", async () => {
    vi.mocked(ipc.getOrganisation).mockResolvedValue(
      makeOrganisation({
        policyScope: ["riverside-garden.example", "Summer fair"],
        policyEffectiveDate: "2026-03-01",
        minimumAge: 16,
        rightsResponseDays: 14,
        breachNotification: "We email everyone affected.",
        cookieControls: "",
        communicationsOptOut: "The unsubscribe link in every newsletter.",
        deidentifiedData: "",
        policyChangeNotice: "",
        otherDisclosures: ["mergers"],
      }),
    );
    vi.mocked(ipc.updateOrganisation).mockImplementation(async (input) => ({
      ...input,
      updatedAt: "2026-11-22T18:19:00Z",
    }));
    const { user } = renderWithProviders({ route: "/organisation" });

    const scope = await screen.findByTestId("organisation-policyScope");
    expect(scope.tagName).toBe("INPUT");
    expect(screen.getByText("riverside-garden.example")).toBeInTheDocument();
    expect(screen.getByText("Summer fair")).toBeInTheDocument();
    const date = screen.getByTestId("organisation-policyEffectiveDate");
    expect(date).toHaveValue("2026-03-01");
    expect(date).toHaveAttribute("placeholder", "2026-03-01");
    expect(screen.getByTestId("organisation-minimumAge")).toHaveValue("16");
    expect(screen.getByTestId("organisation-rightsResponseDays")).toHaveValue("14");
    expect(screen.getByTestId("organisation-breachNotification")).toHaveValue(
      "We email everyone affected.",
    );
    for (const field of [
      "breachNotification",
      "cookieControls",
      "communicationsOptOut",
      "deidentifiedData",
      "policyChangeNotice",
    ]) {
      expect(screen.getByTestId(`organisation-${field}`).tagName).toBe("TEXTAREA");
    }
    expect(screen.getByTestId("organisation-otherDisclosures-mergers")).toBeChecked();
    expect(screen.getByTestId("organisation-otherDisclosures-legalRequests")).not.toBeChecked();
    expect(screen.getByRole("combobox", { name: "Sites, apps and events the policy covers" })).toBe(
      scope,
    );
    expect(screen.getByLabelText("Days to answer a request (empty: one month)")).toBe(
      screen.getByTestId("organisation-rightsResponseDays"),
    );

    await user.type(scope, "members.example{Enter}");
    await user.clear(date);
    const age = screen.getByTestId("organisation-minimumAge");
    await user.clear(age);
    await user.type(age, "13");
    await user.clear(screen.getByTestId("organisation-rightsResponseDays"));
    await user.type(screen.getByTestId("organisation-cookieControls"), "  The cookie banner. ");
    // Ticked out of order: sent in the order shown.
    await user.click(screen.getByTestId("organisation-otherDisclosures-emergencies"));
    await user.click(screen.getByTestId("organisation-otherDisclosures-legalRequests"));
    // A denial the policy may now make.
    await user.click(screen.getByTestId("organisation-confirmedNone-transfers"));
    expect(screen.getByText("Unsaved changes · Ctrl+S saves")).toBeInTheDocument();
    await user.click(screen.getByTestId("org-save"));

    await waitFor(() => expect(ipc.updateOrganisation).toHaveBeenCalledTimes(1));
    expect(vi.mocked(ipc.updateOrganisation).mock.calls[0]?.[0]).toMatchObject({
      policyScope: ["riverside-garden.example", "Summer fair", "members.example"],
      policyEffectiveDate: null,
      minimumAge: 13,
      rightsResponseDays: null,
      breachNotification: "We email everyone affected.",
      cookieControls: "The cookie banner.",
      communicationsOptOut: "The unsubscribe link in every newsletter.",
      deidentifiedData: "",
      policyChangeNotice: "",
      otherDisclosures: ["legalRequests", "emergencies", "mergers"],
      confirmedNone: ["transfers"],
    });
    expect(await screen.findByText("Organisation profile saved")).toBeInTheDocument();
    expect(screen.getByText("Ctrl+S saves")).toBeInTheDocument();
  });

  it("sends a typed effective date and numbers as such", async () => {
    vi.mocked(ipc.updateOrganisation).mockImplementation(async (input) => ({
      ...input,
      updatedAt: "2026-11-22T18:19:00Z",
    }));
    const { user } = renderWithProviders({ route: "/organisation" });

    await user.type(await screen.findByTestId("organisation-policyEffectiveDate"), " 2026-03-01 ");
    await user.type(screen.getByTestId("organisation-rightsResponseDays"), "30");
    await user.click(screen.getByTestId("org-save"));

    await waitFor(() => expect(ipc.updateOrganisation).toHaveBeenCalledTimes(1));
    expect(vi.mocked(ipc.updateOrganisation).mock.calls[0]?.[0]).toMatchObject({
      policyEffectiveDate: "2026-03-01",
      minimumAge: null,
      rightsResponseDays: 30,
    });
  });

  it("puts the messages about the minimum age and a covered site on their inputs", async () => {
    const AGE_MESSAGE = "The minimum age must be a whole number from 0 to 120.";
    const SCOPE_MESSAGE = "Each site, app or event needs a name.";
    vi.mocked(ipc.getOrganisation).mockResolvedValue(
      makeOrganisation({ policyScope: ["riverside-garden.example", "x"] }),
    );
    vi.mocked(ipc.updateOrganisation).mockRejectedValue(
      new StewardError("validation", "Please correct the highlighted details.", [
        { field: "minimumAge", message: AGE_MESSAGE },
        { field: "policyScope[1]", message: SCOPE_MESSAGE },
      ]),
    );
    const { user } = renderWithProviders({ route: "/organisation" });

    const age = await screen.findByTestId("organisation-minimumAge");
    await user.type(age, "999");
    await user.click(screen.getByTestId("org-save"));

    await waitFor(() => expect(age).toHaveAttribute("aria-invalid", "true"));
    expect(describedByText(age)).toContain(AGE_MESSAGE);
    expect(age).toHaveValue("999");
    const scope = screen.getByTestId("organisation-policyScope");
    expect(scope).toHaveAttribute("aria-invalid", "true");
    expect(describedByText(scope)).toContain(SCOPE_MESSAGE);
    expect(screen.getByTestId("organisation-rightsResponseDays")).not.toHaveAttribute(
      "aria-invalid",
      "true",
    );
    const alert = screen.getByTestId("form-error-alert");
    expect(alert).toHaveTextContent("Please correct the highlighted details.");
    expect(alert).not.toHaveTextContent(AGE_MESSAGE);
    expect(alert).not.toHaveTextContent(SCOPE_MESSAGE);

    await user.clear(age);
    await user.type(age, "16");
    expect(age).not.toHaveAttribute("aria-invalid", "true");
    // Changing the list clears the messages about its items.
    await user.type(scope, "events.example{Enter}");
    expect(scope).not.toHaveAttribute("aria-invalid", "true");
  });

  it("opens at the input that the URL names", async () => {
    renderWithProviders({ route: "/organisation?field=minimumAge" });

    const age = await screen.findByTestId("organisation-minimumAge");
    await waitFor(() => expect(age).toHaveFocus());
  });

  it("opens at the first checkbox of a checklist that the URL names", async () => {
    renderWithProviders({ route: "/organisation?field=otherDisclosures" });

    const first = await screen.findByTestId("organisation-otherDisclosures-legalRequests");
    await waitFor(() => expect(first).toHaveFocus());
  });

  it("ignores a field in the URL that names no input", async () => {
    renderWithProviders({ route: '/organisation?field=legalName"],body' });

    const legalName = await screen.findByTestId("org-legalName");
    expect(legalName).not.toHaveFocus();
  });
});
