// Tests for the activity form and its pages: the groups of inputs, server errors on the
// right inputs, input kept on errors, the full command input on save, the checklists and
// the live DPIA hint, the review panel, duplicate, delete with undo.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as ipc from "../../ipc";
import { type ActivityInput, type ActivityReview, StewardError } from "../../ipc";
import { makeActivity } from "../../test/fixtures";
import { describedByText, setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return {
    ...mockIpcModule(await importOriginal()),
    duplicateActivity: vi.fn(),
    getActivityReview: vi.fn(),
    listActivityReviews: vi.fn(),
  };
});

// The activity's rows have tests of their own; here it is enough to see where they mount.
vi.mock(import("./parts/ActivityParts"), () => ({
  ActivityParts: ({ activityId }: { activityId: string }) => (
    <div data-testid="activity-parts" data-activity-id={activityId} />
  ),
}));

const NAME_MESSAGE =
  "Name is required: give the activity a short name such as 'Member administration'.";
const SYSTEM_MESSAGE = "System 2 is too long: use at most 200 characters.";
const SECURITY_MESSAGE = 'You ticked "Other measures": describe them in the security notes.';

const COMPLETE: ActivityReview = {
  missing: [],
  recordRequired: true,
  recordRequiredReasons: ["The processing is not occasional."],
  dpiaSuggested: false,
};

/** The input the form sends for the fixture activity, unchanged. */
const FIXTURE_INPUT: ActivityInput = {
  name: "Member administration",
  description: "Keeping the list of members and their fees.",
  status: "active",
  businessFunction: "Membership",
  owner: "Membership secretary",
  systems: ["CiviCRM"],
  dataLocation: "Hetzner, Germany",
  nextReview: "2027-06-30",
  role: "controller",
  controllerName: "",
  controllerContact: "",
  provisionRequirement: "contractPrerequisite",
  provisionConsequence: "We cannot register the membership.",
  automatedDecisions: false,
  profiling: false,
  admLogic: "",
  dpiaCriteria: [],
  dpiaStatus: "notRequired",
  dpiaReference: "",
  dpiaNotes: "",
  occasional: false,
  riskToRights: false,
  securityMeasures: ["accessControl", "backups"],
  securityNotes: "",
};

/** Types into an input in one go (the form is large: typing key by key is slow). */
async function fill(user: UserEvent, element: HTMLElement, text: string) {
  await user.click(element);
  await user.paste(text);
}

beforeEach(() => {
  setIpcDefaults(ipc);
  vi.mocked(ipc.getActivityReview).mockResolvedValue(COMPLETE);
  vi.mocked(ipc.listActivityReviews).mockResolvedValue([]);
});

describe("activity form", () => {
  it("groups the inputs and puts the test ids on the native elements", async () => {
    renderWithProviders({ route: "/activities/new" });

    const form = await screen.findByRole("form", { name: "Processing activity" });
    for (const legend of [
      "About the activity",
      "Role",
      "Providing the data",
      "Automated decisions",
      "DPIA",
      "Is the record required? (Art. 30(5))",
      "Security measures",
    ]) {
      expect(within(form).getByRole("group", { name: legend })).toBeInTheDocument();
    }

    const tags: Record<string, string> = {
      "activity-name": "INPUT",
      "activity-description": "TEXTAREA",
      "activity-status": "SELECT",
      "activity-businessFunction": "INPUT",
      "activity-owner": "INPUT",
      "activity-system-0": "INPUT",
      "activity-add-system": "BUTTON",
      "activity-dataLocation": "TEXTAREA",
      "activity-nextReview": "INPUT",
      "activity-role": "SELECT",
      "activity-provisionRequirement": "SELECT",
      "activity-provisionConsequence": "TEXTAREA",
      "activity-dpiaStatus": "SELECT",
      "activity-dpiaReference": "INPUT",
      "activity-dpiaNotes": "TEXTAREA",
      "activity-securityNotes": "TEXTAREA",
      "activity-save": "BUTTON",
    };
    for (const [testId, tag] of Object.entries(tags)) {
      expect(screen.getByTestId(testId).tagName, testId).toBe(tag);
    }
    expect(screen.getByTestId("activity-nextReview")).toHaveAttribute("type", "date");
    for (const testId of [
      "activity-automatedDecisions",
      "activity-profiling",
      "activity-occasional",
      "activity-riskToRights",
      "activity-dpiaCriteria-sensitiveData",
      "activity-securityMeasures-backups",
    ]) {
      expect(screen.getByTestId(testId), testId).toHaveAttribute("type", "checkbox");
    }

    // A new activity: a draft, the organisation's own, nothing screened or ticked.
    expect(screen.getByTestId("activity-status")).toHaveValue("draft");
    expect(screen.getByTestId("activity-role")).toHaveValue("controller");
    expect(screen.getByTestId("activity-dpiaStatus")).toHaveValue("notScreened");
    expect(screen.getByTestId("activity-provisionRequirement")).toHaveValue("notStated");
    expect(screen.getByTestId("activity-securityMeasures-backups")).not.toBeChecked();
    expect(screen.queryByTestId("activity-system-1")).not.toBeInTheDocument();
    // Shown only when they apply.
    expect(screen.queryByTestId("activity-controllerName")).not.toBeInTheDocument();
    expect(screen.queryByTestId("activity-admLogic")).not.toBeInTheDocument();
    expect(screen.queryByTestId("activity-dpia-hint")).not.toBeInTheDocument();
    // The organisation-wide measures are elsewhere.
    expect(
      within(screen.getByRole("group", { name: "Security measures" })).getByRole("link", {
        name: "Organisation page",
      }),
    ).toHaveAttribute("href", "/organisation");
  });

  it("on a new activity, says the rows come after the first save and offers no review", async () => {
    renderWithProviders({ route: "/activities/new" });

    expect(await screen.findByTestId("activity-parts-after-save")).toHaveTextContent(
      "Once you have saved the activity, you can add its purposes",
    );
    expect(screen.queryByTestId("activity-parts")).not.toBeInTheDocument();
    expect(screen.queryByTestId("activity-review")).not.toBeInTheDocument();
    expect(screen.queryByTestId("activity-duplicate")).not.toBeInTheDocument();
    expect(ipc.getActivityReview).not.toHaveBeenCalled();
  });

  it("shows the controller's inputs for a processor only", async () => {
    const { user } = renderWithProviders({ route: "/activities/new" });

    await user.selectOptions(await screen.findByTestId("activity-role"), "processor");
    expect(screen.getByTestId("activity-controllerName").tagName).toBe("INPUT");
    expect(screen.getByTestId("activity-controllerContact").tagName).toBe("TEXTAREA");

    await user.selectOptions(screen.getByTestId("activity-role"), "controller");
    expect(screen.queryByTestId("activity-controllerName")).not.toBeInTheDocument();
  });

  it("shows the DPIA hint live from two criteria on", async () => {
    const { user } = renderWithProviders({ route: "/activities/new" });

    await user.click(await screen.findByTestId("activity-dpiaCriteria-sensitiveData"));
    expect(screen.getByTestId("activity-dpia-count")).toHaveTextContent("1 of 9 criteria apply.");
    expect(screen.queryByTestId("activity-dpia-hint")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("activity-dpiaCriteria-vulnerableSubjects"));
    expect(screen.getByTestId("activity-dpia-count")).toHaveTextContent("2 of 9 criteria apply.");
    expect(screen.getByTestId("activity-dpia-hint")).toHaveTextContent(
      "2 or more: a DPIA is likely required",
    );

    await user.click(screen.getByTestId("activity-dpiaCriteria-sensitiveData"));
    expect(screen.queryByTestId("activity-dpia-hint")).not.toBeInTheDocument();
  });

  it("shows each validation message next to its input and keeps what was typed", async () => {
    vi.mocked(ipc.createActivity).mockRejectedValue(
      new StewardError("validation", "Some details need your attention.", [
        { field: "name", message: NAME_MESSAGE },
        { field: "systems[1]", message: SYSTEM_MESSAGE },
        { field: "securityNotes", message: SECURITY_MESSAGE },
        { field: "retention", message: "Retention is not recorded yet." },
      ]),
    );
    const { user } = renderWithProviders({ route: "/activities/new" });

    await fill(user, await screen.findByTestId("activity-description"), "Keeping the member list");
    await fill(user, screen.getByTestId("activity-system-0"), "CiviCRM");
    await user.click(screen.getByTestId("activity-add-system"));
    await user.type(screen.getByTestId("activity-system-1"), "x");
    await user.click(screen.getByTestId("activity-securityMeasures-other"));
    await user.click(screen.getByTestId("activity-save"));

    const name = screen.getByTestId("activity-name");
    const system = screen.getByTestId("activity-system-1");
    const notes = screen.getByTestId("activity-securityNotes");
    await waitFor(() => expect(name).toHaveAttribute("aria-invalid", "true"));
    expect(describedByText(name)).toContain(NAME_MESSAGE);
    expect(system).toHaveAttribute("aria-invalid", "true");
    expect(describedByText(system)).toContain(SYSTEM_MESSAGE);
    expect(screen.getByTestId("activity-system-0")).not.toHaveAttribute("aria-invalid", "true");
    expect(notes).toHaveAttribute("aria-invalid", "true");
    expect(describedByText(notes)).toContain(SECURITY_MESSAGE);
    expect(screen.getByTestId("activity-description")).not.toHaveAttribute("aria-invalid", "true");

    // The overall message and the error for a field without an input go to the alert.
    const alert = screen.getByTestId("form-error-alert");
    expect(alert).toHaveTextContent("Some details need your attention.");
    expect(alert).toHaveTextContent("Retention is not recorded yet.");
    expect(alert).not.toHaveTextContent(NAME_MESSAGE);
    expect(alert).not.toHaveTextContent(SECURITY_MESSAGE);

    // Nothing the user typed is lost.
    expect(screen.getByTestId("activity-description")).toHaveValue("Keeping the member list");
    expect(system).toHaveValue("x");
    expect(screen.getByTestId("activity-securityMeasures-other")).toBeChecked();

    // Editing a field clears its message.
    await user.type(name, "Members");
    expect(name).not.toHaveAttribute("aria-invalid", "true");
    expect(system).toHaveAttribute("aria-invalid", "true");
  });

  it("puts a message about a checklist on its group", async () => {
    vi.mocked(ipc.createActivity).mockRejectedValue(
      new StewardError("validation", "", [
        { field: "securityMeasures", message: "Tick at least one measure." },
      ]),
    );
    const { user } = renderWithProviders({ route: "/activities/new" });

    await user.type(await screen.findByTestId("activity-name"), "Newsletter");
    await user.click(screen.getByTestId("activity-save"));

    const group = screen.getByTestId("activity-securityMeasures");
    expect(await within(group).findByText("Tick at least one measure.")).toBeInTheDocument();
    expect(screen.queryByTestId("form-error-alert")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("activity-securityMeasures-backups"));
    expect(within(group).queryByText("Tick at least one measure.")).not.toBeInTheDocument();
  });

  it("creates with the full, trimmed input and opens the detail page", async () => {
    const created = makeActivity({ id: "act-9", name: "Event registration", status: "draft" });
    vi.mocked(ipc.createActivity).mockResolvedValue(created);
    vi.mocked(ipc.getActivity).mockResolvedValue(created);
    const { user, router } = renderWithProviders({ route: "/activities/new" });

    await fill(user, await screen.findByTestId("activity-name"), "  Event registration ");
    await fill(user, screen.getByTestId("activity-description"), " Sign-ups for our events ");
    await fill(user, screen.getByTestId("activity-businessFunction"), "Events ");
    await fill(user, screen.getByTestId("activity-owner"), " Events team");
    await fill(user, screen.getByTestId("activity-system-0"), " Eventbrite ");
    await user.click(screen.getByTestId("activity-add-system"));
    expect(screen.getByTestId("activity-system-1")).toHaveFocus();
    await fill(user, screen.getByTestId("activity-dataLocation"), "Eventbrite, USA");
    fireEvent.change(screen.getByTestId("activity-nextReview"), {
      target: { value: "2027-01-31" },
    });
    await user.selectOptions(screen.getByTestId("activity-role"), "processor");
    await fill(user, screen.getByTestId("activity-controllerName"), " Riverside Festival e.V. ");
    await fill(user, screen.getByTestId("activity-controllerContact"), "festival@example.org");
    await user.selectOptions(screen.getByTestId("activity-provisionRequirement"), "voluntary");
    await user.click(screen.getByTestId("activity-profiling"));
    await fill(user, screen.getByTestId("activity-admLogic"), "Suggests events by interest.");
    await user.click(screen.getByTestId("activity-dpiaCriteria-vulnerableSubjects"));
    await user.click(screen.getByTestId("activity-dpiaCriteria-evaluationOrScoring"));
    await user.selectOptions(screen.getByTestId("activity-dpiaStatus"), "inProgress");
    await fill(user, screen.getByTestId("activity-dpiaReference"), "DPIA-2026-1");
    await user.click(screen.getByTestId("activity-occasional"));
    await user.click(screen.getByTestId("activity-securityMeasures-encryption"));
    await user.click(screen.getByTestId("activity-securityMeasures-accessControl"));
    await fill(user, screen.getByTestId("activity-securityNotes"), " Two-factor login ");
    await user.click(screen.getByTestId("activity-save"));

    await waitFor(() => expect(ipc.createActivity).toHaveBeenCalledTimes(1));
    expect(ipc.createActivity).toHaveBeenCalledWith({
      name: "Event registration",
      description: "Sign-ups for our events",
      status: "draft",
      businessFunction: "Events",
      owner: "Events team",
      systems: ["Eventbrite"],
      dataLocation: "Eventbrite, USA",
      nextReview: "2027-01-31",
      role: "processor",
      controllerName: "Riverside Festival e.V.",
      controllerContact: "festival@example.org",
      provisionRequirement: "voluntary",
      provisionConsequence: "",
      automatedDecisions: false,
      profiling: true,
      admLogic: "Suggests events by interest.",
      // In checklist order, whatever the order of the clicks.
      dpiaCriteria: ["evaluationOrScoring", "vulnerableSubjects"],
      dpiaStatus: "inProgress",
      dpiaReference: "DPIA-2026-1",
      dpiaNotes: "",
      occasional: true,
      riskToRights: false,
      securityMeasures: ["accessControl", "encryption"],
      securityNotes: "Two-factor login",
    } satisfies ActivityInput);
    await waitFor(() => expect(router.state.location.pathname).toBe("/activities/act-9"));
    expect(await screen.findByText("Saved")).toBeInTheDocument();
    expect(await screen.findByTestId("activity-delete")).toBeInTheDocument();
  });

  it("saves with mod+S from inside an input", async () => {
    vi.mocked(ipc.createActivity).mockResolvedValue(makeActivity({ id: "act-2" }));
    vi.mocked(ipc.getActivity).mockResolvedValue(makeActivity({ id: "act-2" }));
    const { user } = renderWithProviders({ route: "/activities/new" });

    await user.type(await screen.findByTestId("activity-name"), "Member administration");
    await user.keyboard("{Control>}s{/Control}");

    await waitFor(() => expect(ipc.createActivity).toHaveBeenCalledTimes(1));
  });
});

describe("activity page", () => {
  it("fills the form from the saved activity and sends it back unchanged", async () => {
    vi.mocked(ipc.getActivity).mockResolvedValue(makeActivity());
    vi.mocked(ipc.updateActivity).mockResolvedValue(makeActivity());
    const { user } = renderWithProviders({ route: "/activities/act-1" });

    expect(await screen.findByTestId("activity-owner")).toHaveValue("Membership secretary");
    expect(screen.getByTestId("activity-system-0")).toHaveValue("CiviCRM");
    expect(screen.getByTestId("activity-nextReview")).toHaveValue("2027-06-30");
    expect(screen.getByTestId("activity-securityMeasures-accessControl")).toBeChecked();
    expect(screen.getByTestId("activity-securityMeasures-backups")).toBeChecked();
    expect(screen.getByTestId("activity-securityMeasures-encryption")).not.toBeChecked();
    await user.click(screen.getByTestId("activity-save"));

    await waitFor(() => expect(ipc.updateActivity).toHaveBeenCalledTimes(1));
    // Against the base the activity was read at.
    expect(ipc.updateActivity).toHaveBeenCalledWith("act-1", FIXTURE_INPUT, "12@dev-this");
  });

  it("counts ticking a box as a change, and ticking it off again as none", async () => {
    vi.mocked(ipc.getActivity).mockResolvedValue(makeActivity());
    const { user } = renderWithProviders({ route: "/activities/act-1" });

    const encryption = await screen.findByTestId("activity-securityMeasures-encryption");
    expect(screen.getByText("Ctrl+S saves")).toBeInTheDocument();
    await user.click(encryption);
    expect(screen.getByText("Unsaved changes · Ctrl+S saves")).toBeInTheDocument();
    await user.click(encryption);
    expect(screen.getByText("Ctrl+S saves")).toBeInTheDocument();
  });

  it("sends empty controller details once the role is back to controller", async () => {
    const processorActivity = makeActivity({
      role: "processor",
      controllerName: "Riverside Festival e.V.",
      controllerContact: "festival@example.org",
    });
    vi.mocked(ipc.getActivity).mockResolvedValue(processorActivity);
    vi.mocked(ipc.updateActivity).mockResolvedValue(makeActivity());
    const { user } = renderWithProviders({ route: "/activities/act-1" });

    expect(await screen.findByTestId("activity-controllerName")).toHaveValue(
      "Riverside Festival e.V.",
    );
    await user.selectOptions(screen.getByTestId("activity-role"), "controller");
    await user.click(screen.getByTestId("activity-save"));

    await waitFor(() => expect(ipc.updateActivity).toHaveBeenCalledTimes(1));
    expect(vi.mocked(ipc.updateActivity).mock.calls[0]?.[1]).toMatchObject({
      role: "controller",
      controllerName: "",
      controllerContact: "",
    });
  });

  it("shows the review above the form: missing elements, Art. 30(5) and the DPIA hint", async () => {
    vi.mocked(ipc.getActivity).mockResolvedValue(makeActivity());
    vi.mocked(ipc.getActivityReview).mockResolvedValue({
      missing: [
        {
          element: "purposes",
          article: "Art. 30(1)(b)",
          message: "Add at least one purpose of the processing.",
        },
        {
          element: "retention",
          article: "Art. 30(1)(f)",
          message: "Add how long the data is kept (a retention rule per data category).",
        },
      ],
      recordRequired: true,
      recordRequiredReasons: ["The processing is not occasional."],
      dpiaSuggested: true,
    });
    renderWithProviders({ route: "/activities/act-1" });

    const panel = await screen.findByTestId("activity-review");
    const items = await within(panel).findAllByTestId("activity-review-missing-item");
    expect(ipc.getActivityReview).toHaveBeenCalledWith("act-1");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(
      "Art. 30(1)(b) — Add at least one purpose of the processing.",
    );
    expect(items[1]).toHaveTextContent("Art. 30(1)(f)");
    expect(within(panel).getByText("2 missing")).toBeInTheDocument();
    expect(within(panel).getByTestId("activity-review-required")).toHaveTextContent(
      "The record is required (Art. 30(5)).The processing is not occasional.",
    );
    expect(within(panel).getByTestId("activity-review-dpia")).toHaveTextContent(
      "A DPIA is likely required",
    );
    expect(within(panel).queryByTestId("activity-review-complete")).not.toBeInTheDocument();

    // Above the form.
    const form = screen.getByRole("form", { name: "Processing activity" });
    expect(panel.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("says when the record is complete and exempt, and checks again after a save", async () => {
    vi.mocked(ipc.getActivity).mockResolvedValue(makeActivity());
    vi.mocked(ipc.updateActivity).mockResolvedValue(makeActivity({ occasional: true }));
    vi.mocked(ipc.getActivityReview).mockResolvedValue({
      ...COMPLETE,
      recordRequired: false,
      recordRequiredReasons: ["Art. 30(5) exempts it."],
    });
    const { user } = renderWithProviders({ route: "/activities/act-1" });

    const panel = await screen.findByTestId("activity-review");
    expect(await within(panel).findByTestId("activity-review-complete")).toHaveTextContent(
      "Record complete",
    );
    expect(within(panel).getByTestId("activity-review-required")).toHaveTextContent(
      "Art. 30(5) exempts this activity from the record.",
    );
    expect(within(panel).queryByTestId("activity-review-dpia")).not.toBeInTheDocument();
    expect(ipc.getActivityReview).toHaveBeenCalledTimes(1);

    await user.click(screen.getByTestId("activity-occasional"));
    await user.click(screen.getByTestId("activity-save"));
    await waitFor(() => expect(ipc.getActivityReview).toHaveBeenCalledTimes(2));
  });

  it("mounts the activity's rows below the form", async () => {
    vi.mocked(ipc.getActivity).mockResolvedValue(makeActivity());
    renderWithProviders({ route: "/activities/act-1" });

    const parts = await screen.findByTestId("activity-parts");
    expect(parts).toHaveAttribute("data-activity-id", "act-1");
    const form = screen.getByRole("form", { name: "Processing activity" });
    expect(form.compareDocumentPosition(parts) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("duplicates the activity and opens the copy", async () => {
    const copy = makeActivity({
      id: "act-2",
      name: "Member administration (copy)",
      status: "draft",
    });
    vi.mocked(ipc.getActivity).mockImplementation(async (id) =>
      id === "act-2" ? copy : makeActivity(),
    );
    vi.mocked(ipc.duplicateActivity).mockResolvedValue(copy);
    const { user, router } = renderWithProviders({ route: "/activities/act-1" });

    await user.click(await screen.findByTestId("activity-duplicate"));

    await waitFor(() => expect(ipc.duplicateActivity).toHaveBeenCalledWith("act-1"));
    await waitFor(() => expect(router.state.location.pathname).toBe("/activities/act-2"));
    expect(await screen.findByText("Activity duplicated")).toBeInTheDocument();
    expect(await screen.findByTestId("activity-name")).toHaveValue("Member administration (copy)");
    expect(screen.getByTestId("activity-parts")).toHaveAttribute("data-activity-id", "act-2");
  });

  it("duplicates with mod+D, even from inside an input", async () => {
    const copy = makeActivity({ id: "act-2", name: "Member administration (copy)" });
    vi.mocked(ipc.getActivity).mockImplementation(async (id) =>
      id === "act-2" ? copy : makeActivity(),
    );
    vi.mocked(ipc.duplicateActivity).mockResolvedValue(copy);
    const { user, router } = renderWithProviders({ route: "/activities/act-1" });

    await user.click(await screen.findByTestId("activity-owner"));
    await user.keyboard("{Control>}d{/Control}");

    await waitFor(() => expect(ipc.duplicateActivity).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(router.state.location.pathname).toBe("/activities/act-2"));
  });

  it("says so when the duplicate fails and stays on the activity", async () => {
    vi.mocked(ipc.getActivity).mockResolvedValue(makeActivity());
    vi.mocked(ipc.duplicateActivity).mockRejectedValue(
      new StewardError("notFound", "This activity no longer exists."),
    );
    const { user, router } = renderWithProviders({ route: "/activities/act-1" });

    await user.click(await screen.findByTestId("activity-duplicate"));

    expect(await screen.findByText("Could not duplicate")).toBeInTheDocument();
    expect(screen.getByText("This activity no longer exists.")).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/activities/act-1");
  });

  it("deletes after confirmation and undoes the delete from the notification", async () => {
    const activity = makeActivity();
    vi.mocked(ipc.getActivity).mockResolvedValue(activity);
    vi.mocked(ipc.deleteActivity).mockResolvedValue(activity);
    vi.mocked(ipc.restoreActivity).mockResolvedValue(activity);
    vi.mocked(ipc.listActivities).mockResolvedValue([]);
    const { user, router } = renderWithProviders({ route: "/activities/act-1" });

    await user.click(await screen.findByTestId("activity-delete"));
    const dialog = await screen.findByRole("dialog");
    expect(
      within(dialog).getByText("Delete 'Member administration'? You can undo this right after."),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByTestId("confirm-delete"));

    await waitFor(() => expect(ipc.deleteActivity).toHaveBeenCalledWith("act-1", "12@dev-this"));
    await waitFor(() => expect(router.state.location.pathname).toBe("/activities"));
    expect(await screen.findByText("Deleted 'Member administration'")).toBeInTheDocument();

    vi.mocked(ipc.listActivities).mockResolvedValue([activity]);
    await user.click(screen.getByTestId("undo-delete"));

    await waitFor(() => expect(ipc.restoreActivity).toHaveBeenCalledWith("act-1"));
    expect(await screen.findByText("Restored 'Member administration'")).toBeInTheDocument();
    expect(await screen.findAllByTestId("activity-row")).toHaveLength(1);
  });

  it("asks before leaving a form with unsaved changes", async () => {
    const { user, router } = renderWithProviders({ route: "/activities/new" });

    await user.type(await screen.findByTestId("activity-name"), "Half-typed");
    await user.click(screen.getByTestId("nav-organisation"));

    expect(await screen.findByText("Leave without saving?")).toBeInTheDocument();
    await user.click(screen.getByTestId("unsaved-stay"));
    expect(router.state.location.pathname).toBe("/activities/new");
    expect(screen.getByTestId("activity-name")).toHaveValue("Half-typed");

    await user.click(screen.getByTestId("nav-activities"));
    await user.click(await screen.findByTestId("unsaved-leave"));
    await waitFor(() => expect(router.state.location.pathname).toBe("/activities"));
  });
});
