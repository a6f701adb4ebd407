// Tests for the activity form: server errors on the right inputs, input kept on errors,
// trimmed input on save, delete with undo.
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as ipc from "../../ipc";
import { StewardError } from "../../ipc";
import { makeActivity } from "../../test/fixtures";
import { describedByText, setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

const NAME_MESSAGE =
  "Name is required: give the activity a short name such as 'Member administration'.";
const PURPOSE_MESSAGE = "Purpose 1 is too short: say why you process the data.";

beforeEach(() => {
  setIpcDefaults(ipc);
});

describe("activity form", () => {
  it("puts the test ids on the native input, textarea, select and button elements", async () => {
    renderWithProviders({ route: "/activities/new" });

    expect((await screen.findByTestId("activity-name")).tagName).toBe("INPUT");
    expect(screen.getByTestId("activity-description").tagName).toBe("TEXTAREA");
    expect(screen.getByTestId("activity-purpose-0").tagName).toBe("INPUT");
    expect(screen.getByTestId("activity-legalBasis").tagName).toBe("SELECT");
    expect(screen.getByTestId("activity-status").tagName).toBe("SELECT");
    expect(screen.getByTestId("activity-save").tagName).toBe("BUTTON");
    expect(screen.getByTestId("activity-add-purpose").tagName).toBe("BUTTON");
    expect(screen.getByTestId("nav-activities").tagName).toBe("A");
    // A new activity starts with one empty purpose and as a draft without a legal basis.
    expect(screen.queryByTestId("activity-purpose-1")).not.toBeInTheDocument();
    expect(screen.getByTestId("activity-status")).toHaveValue("draft");
    expect(screen.getByTestId("activity-legalBasis")).toHaveValue("");
  });

  it("shows each validation message next to its input and keeps what was typed", async () => {
    vi.mocked(ipc.createActivity).mockRejectedValue(
      new StewardError("validation", "Some details need your attention.", [
        { field: "name", message: NAME_MESSAGE },
        { field: "purposes[0]", message: PURPOSE_MESSAGE },
        { field: "retention", message: "Retention is not recorded yet." },
      ]),
    );
    const { user } = renderWithProviders({ route: "/activities/new" });

    await user.type(await screen.findByTestId("activity-description"), "Keeping the member list");
    await user.type(screen.getByTestId("activity-purpose-0"), "x");
    await user.click(screen.getByTestId("activity-save"));

    const name = screen.getByTestId("activity-name");
    const purpose = screen.getByTestId("activity-purpose-0");
    await waitFor(() => expect(name).toHaveAttribute("aria-invalid", "true"));
    expect(describedByText(name)).toContain(NAME_MESSAGE);
    expect(purpose).toHaveAttribute("aria-invalid", "true");
    expect(describedByText(purpose)).toContain(PURPOSE_MESSAGE);
    expect(describedByText(purpose)).not.toContain(NAME_MESSAGE);
    expect(screen.getByTestId("activity-description")).not.toHaveAttribute("aria-invalid", "true");

    // The overall message and the error for a field without an input go to the alert.
    const alert = screen.getByTestId("form-error-alert");
    expect(alert).toHaveTextContent("Some details need your attention.");
    expect(alert).toHaveTextContent("Retention is not recorded yet.");
    expect(alert).not.toHaveTextContent(NAME_MESSAGE);

    // Nothing the user typed is lost.
    expect(screen.getByTestId("activity-description")).toHaveValue("Keeping the member list");
    expect(purpose).toHaveValue("x");
    expect(screen.getByTestId("activity-name")).toHaveValue("");

    // Editing a field clears its message.
    await user.type(name, "Members");
    expect(name).not.toHaveAttribute("aria-invalid", "true");
    expect(purpose).toHaveAttribute("aria-invalid", "true");
  });

  it("creates with trimmed input, drops the empty trailing purpose and opens the detail page", async () => {
    const created = makeActivity({
      id: "act-9",
      name: "Newsletter",
      description: "Monthly news",
      purposes: ["Sending the newsletter"],
      legalBasis: "consent",
      status: "active",
    });
    vi.mocked(ipc.createActivity).mockResolvedValue(created);
    vi.mocked(ipc.getActivity).mockResolvedValue(created);
    const { user, router } = renderWithProviders({ route: "/activities/new" });

    await user.type(await screen.findByTestId("activity-name"), "  Newsletter ");
    await user.type(screen.getByTestId("activity-description"), " Monthly news  ");
    await user.type(screen.getByTestId("activity-purpose-0"), " Sending the newsletter ");
    await user.click(screen.getByTestId("activity-add-purpose"));
    expect(screen.getByTestId("activity-purpose-1")).toHaveFocus();
    await user.selectOptions(screen.getByTestId("activity-legalBasis"), "consent");
    await user.selectOptions(screen.getByTestId("activity-status"), "active");
    await user.click(screen.getByTestId("activity-save"));

    await waitFor(() => expect(ipc.createActivity).toHaveBeenCalledTimes(1));
    expect(ipc.createActivity).toHaveBeenCalledWith({
      name: "Newsletter",
      description: "Monthly news",
      purposes: ["Sending the newsletter"],
      legalBasis: "consent",
      status: "active",
    });
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

  it("sends a null legal basis when it is not yet decided", async () => {
    vi.mocked(ipc.getActivity).mockResolvedValue(makeActivity());
    vi.mocked(ipc.updateActivity).mockResolvedValue(makeActivity({ legalBasis: null }));
    const { user } = renderWithProviders({ route: "/activities/act-1" });

    const select = await screen.findByTestId("activity-legalBasis");
    expect(select).toHaveValue("contract");
    await user.selectOptions(select, "");
    await user.click(screen.getByTestId("activity-save"));

    await waitFor(() => expect(ipc.updateActivity).toHaveBeenCalledTimes(1));
    expect(ipc.updateActivity).toHaveBeenCalledWith("act-1", {
      name: "Member administration",
      description: "Keeping the list of members and their fees.",
      purposes: ["Managing memberships", "Collecting fees"],
      legalBasis: null,
      status: "active",
    });
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

    await waitFor(() => expect(ipc.deleteActivity).toHaveBeenCalledWith("act-1"));
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
