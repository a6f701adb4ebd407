// Tests for the sections below an activity's form: rows with readable labels, adding and
// editing in a dialog (server messages next to the inputs, the command input sent), the
// history of a row, delete with undo, and the dialog's keyboard; a row changed on another
// laptop while its dialog is open, and a row's conflict marked and settled in its dialog.
import { act, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as ipc from "../../../ipc";
import { StewardError } from "../../../ipc";
import {
  makeConflict,
  makeConflictValue,
  makeHistoryEntry,
  makeRecipient,
} from "../../../test/fixtures";
import { describedByText } from "../../../test/ipcMock";
import { renderElement } from "../../../test/renderWithProviders";
import { ActivityParts } from "./ActivityParts";
import {
  makeActivityRecipient,
  makePurpose,
  makeRetentionRule,
  makeSubjectGroup,
  makeTransfer,
  setPartsDefaults,
} from "./testSupport";

vi.mock(import("../../../ipc"), async (importOriginal) => {
  const { mockPartsIpcModule } = await import("./testSupport");
  return mockPartsIpcModule(await importOriginal());
});

const HETZNER = makeRecipient();
const MAILCHIMP = makeRecipient({
  id: "rec-2",
  legalName: "Mailchimp Inc.",
  tradingName: "Mailchimp",
  country: "US",
  dpf: "yes",
});

const LI_MESSAGE =
  'Say which legitimate interest is pursued (Art. 13(1)(d)), e.g. "keeping supporters informed of our work".';

beforeEach(() => {
  setPartsDefaults(ipc);
  vi.mocked(ipc.listRecipients).mockResolvedValue([HETZNER, MAILCHIMP]);
});

function renderParts() {
  return renderElement(<ActivityParts activityId="act-1" />);
}

async function openDialog(
  user: ReturnType<typeof renderParts>["user"],
  testId: string,
  name: string,
) {
  await user.click(await screen.findByTestId(testId));
  return screen.findByRole("dialog", { name });
}

describe("activity parts", () => {
  it("lists the rows of each section with readable labels", async () => {
    vi.mocked(ipc.purposes.list).mockResolvedValue([
      makePurpose(),
      makePurpose({
        id: "pur-2",
        description: "Collect the fees",
        legalBasis: null,
        legitimateInterest: "",
        liaReference: "",
      }),
    ]);
    vi.mocked(ipc.subjectGroups.list).mockResolvedValue([makeSubjectGroup()]);
    vi.mocked(ipc.activityRecipients.list).mockResolvedValue([
      makeActivityRecipient(),
      makeActivityRecipient({
        id: "ar-2",
        recipientId: null,
        role: "internal",
        internalTeam: "Events team",
        purpose: "",
      }),
    ]);
    vi.mocked(ipc.transfers.list).mockResolvedValue([
      makeTransfer(),
      makeTransfer({ id: "tr-2", mechanism: "sccs", country: "GB", recipientId: "rec-1" }),
    ]);
    vi.mocked(ipc.retentionRules.list).mockResolvedValue([
      makeRetentionRule(),
      makeRetentionRule({
        id: "ret-2",
        dataCategory: "Shoe size",
        periodValue: null,
        periodUnit: null,
        criterion: "Until the member asks us to delete it",
        endAction: "anonymise",
      }),
    ]);
    renderParts();

    const purposes = await screen.findAllByTestId("purpose-row");
    expect(purposes).toHaveLength(2);
    expect(within(purposes[0] as HTMLElement).getByText("Legitimate interests — Art. 6(1)(f)"));
    expect(within(purposes[0] as HTMLElement).getByText("Keeping members informed"));
    expect(within(purposes[1] as HTMLElement).getByText("Not yet decided"));

    const [group] = await screen.findAllByTestId("subjectGroup-row");
    expect(await within(group as HTMLElement).findByText("Members")).toBeInTheDocument();
    expect(within(group as HTMLElement).getByText("Identity")).toBeInTheDocument();
    expect(within(group as HTMLElement).getByText("Health data · Art. 9")).toBeInTheDocument();
    expect(within(group as HTMLElement).getByText("Shoe size")).toBeInTheDocument();
    expect(
      within(group as HTMLElement).getByText("Members of a not-for-profit body — Art. 9(2)(d)"),
    ).toBeInTheDocument();

    const links = await screen.findAllByTestId("activityRecipient-row");
    expect(await within(links[0] as HTMLElement).findByText("Hetzner Online GmbH (Hetzner)"));
    expect(within(links[0] as HTMLElement).getByText("Processor")).toBeInTheDocument();
    expect(within(links[1] as HTMLElement).getByText("Events team (internal)")).toBeInTheDocument();
    expect(within(links[1] as HTMLElement).getByText("Internal team")).toBeInTheDocument();

    const transfers = await screen.findAllByTestId("transfer-row");
    const dpf = within(transfers[0] as HTMLElement);
    expect(await dpf.findByText("Mailchimp Inc. (Mailchimp)")).toBeInTheDocument();
    expect(await dpf.findByText("United States of America")).toBeInTheDocument();
    expect(dpf.getByText("EU-U.S. Data Privacy Framework — Art. 45")).toBeInTheDocument();
    expect(dpf.getByText("Not needed")).toBeInTheDocument();
    const sccs = within(transfers[1] as HTMLElement);
    expect(sccs.getByText("Standard contractual clauses — Art. 46(2)(c)")).toBeInTheDocument();
    expect(sccs.getByText("Not done yet")).toBeInTheDocument();

    const rules = await screen.findAllByTestId("retentionRule-row");
    expect(await within(rules[0] as HTMLElement).findByText("Identity")).toBeInTheDocument();
    expect(
      within(rules[0] as HTMLElement).getByText("2 years from the end of the membership"),
    ).toBeInTheDocument();
    expect(within(rules[0] as HTMLElement).getByText("Erase")).toBeInTheDocument();
    expect(within(rules[1] as HTMLElement).getByText("Shoe size")).toBeInTheDocument();
    expect(
      within(rules[1] as HTMLElement).getByText("Until the member asks us to delete it"),
    ).toBeInTheDocument();

    expect(ipc.purposes.list).toHaveBeenCalledWith("act-1");
    expect(screen.getByTestId("activitySource-empty")).toBeInTheDocument();
  });

  it("adds a purpose: the legitimate-interest fields appear, and the server's message lands on them", async () => {
    vi.mocked(ipc.purposes.create).mockRejectedValueOnce(
      new StewardError("validation", "", [{ field: "legitimateInterest", message: LI_MESSAGE }]),
    );
    const { user } = renderParts();
    const dialog = within(await openDialog(user, "purpose-add", "Add purpose"));

    // The first input has the focus.
    await waitFor(() => expect(dialog.getByTestId("purpose-description")).toHaveFocus());
    expect(dialog.getByTestId("purpose-legalBasis").tagName).toBe("SELECT");
    expect(dialog.queryByTestId("purpose-legitimateInterest")).not.toBeInTheDocument();
    await user.type(dialog.getByTestId("purpose-description"), " Send the newsletter ");
    await user.selectOptions(dialog.getByTestId("purpose-legalBasis"), "legitimateInterests");
    expect(dialog.getByTestId("purpose-legitimateInterest")).toBeInTheDocument();
    expect(dialog.getByTestId("purpose-liaReference")).toBeInTheDocument();
    expect(dialog.queryByTestId("purpose-consentRecord")).not.toBeInTheDocument();
    await user.click(dialog.getByTestId("purpose-save"));

    const interest = dialog.getByTestId("purpose-legitimateInterest");
    await waitFor(() => expect(interest).toHaveAttribute("aria-invalid", "true"));
    expect(describedByText(interest)).toContain(LI_MESSAGE);
    expect(interest).toHaveFocus();
    expect(dialog.queryByTestId("form-error-alert")).not.toBeInTheDocument();
    expect(ipc.purposes.create).toHaveBeenCalledWith({
      activityId: "act-1",
      description: "Send the newsletter",
      legalBasis: "legitimateInterests",
      legitimateInterest: "",
      liaReference: "",
      consentRecord: "",
    });

    // Typing clears the message; saving again records the purpose and closes the dialog.
    const saved = makePurpose({ description: "Send the newsletter" });
    vi.mocked(ipc.purposes.create).mockResolvedValueOnce(saved);
    vi.mocked(ipc.purposes.list).mockResolvedValue([saved]);
    await user.type(interest, "Keeping members informed");
    expect(interest).not.toHaveAttribute("aria-invalid");
    await user.click(dialog.getByTestId("purpose-save"));

    expect(await screen.findByText("'Send the newsletter' has been recorded.")).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole("dialog", { name: "Add purpose" })).not.toBeInTheDocument(),
    );
    expect(await screen.findAllByTestId("purpose-row")).toHaveLength(1);
  });

  it("sends only the fields of the chosen basis, and a consent record for consent", async () => {
    vi.mocked(ipc.purposes.create).mockResolvedValue(makePurpose());
    const { user } = renderParts();
    const dialog = within(await openDialog(user, "purpose-add", "Add purpose"));

    await user.type(dialog.getByTestId("purpose-description"), "Newsletter");
    await user.selectOptions(dialog.getByTestId("purpose-legalBasis"), "legitimateInterests");
    await user.type(dialog.getByTestId("purpose-legitimateInterest"), "Informing members");
    await user.selectOptions(dialog.getByTestId("purpose-legalBasis"), "consent");
    await user.type(dialog.getByTestId("purpose-consentRecord"), "Sign-up checkbox");
    await user.click(dialog.getByTestId("purpose-save"));

    await waitFor(() =>
      expect(ipc.purposes.create).toHaveBeenCalledWith({
        activityId: "act-1",
        description: "Newsletter",
        legalBasis: "consent",
        legitimateInterest: "",
        liaReference: "",
        consentRecord: "Sign-up checkbox",
      }),
    );
  });

  it("sends the transfer as the form shows it", async () => {
    vi.mocked(ipc.transfers.create).mockResolvedValue(makeTransfer());
    const { user } = renderParts();
    const dialog = within(await openDialog(user, "transfer-add", "Add transfer"));

    const recipient = dialog.getByTestId("transfer-recipientId");
    await user.click(recipient);
    await user.type(recipient, "mail");
    await user.click(await screen.findByRole("option", { name: "Mailchimp Inc. (Mailchimp)" }));
    const country = dialog.getByTestId("transfer-country");
    await user.click(country);
    await user.type(country, "united st");
    await user.click(await screen.findByRole("option", { name: "United States of America (US)" }));
    const mechanism = dialog.getByTestId("transfer-mechanism");
    expect(mechanism.tagName).toBe("SELECT");
    expect(within(mechanism).getAllByRole("option")).toHaveLength(19);
    await user.selectOptions(mechanism, "sccs");
    await user.type(dialog.getByTestId("transfer-safeguards"), "  Encryption at rest ");
    expect(dialog.queryByTestId("transfer-tiaDate")).not.toBeInTheDocument();
    await user.click(dialog.getByTestId("transfer-tiaDone"));
    await user.type(dialog.getByTestId("transfer-tiaDate"), "2026-10-01");
    await user.type(dialog.getByTestId("transfer-notes"), "Reviewed yearly");
    await user.click(dialog.getByTestId("transfer-save"));

    await waitFor(() => expect(ipc.transfers.create).toHaveBeenCalledTimes(1));
    expect(ipc.transfers.create).toHaveBeenCalledWith({
      activityId: "act-1",
      recipientId: "rec-2",
      country: "US",
      mechanism: "sccs",
      safeguards: "Encryption at rest",
      tiaDone: true,
      tiaDate: "2026-10-01",
      notes: "Reviewed yearly",
    });
  });

  it("sends no mechanism while none is chosen, and shows the server's message on it", async () => {
    vi.mocked(ipc.transfers.create).mockRejectedValue(
      new StewardError("validation", "", [
        { field: "mechanism", message: "Choose the legal ground of the transfer." },
        { field: "activityId", message: "The activity no longer exists." },
      ]),
    );
    const { user } = renderParts();
    const dialog = within(await openDialog(user, "transfer-add", "Add transfer"));
    await user.click(dialog.getByTestId("transfer-save"));

    await waitFor(() =>
      expect(ipc.transfers.create).toHaveBeenCalledWith(
        expect.objectContaining({ recipientId: null, country: "", mechanism: null, tiaDate: null }),
      ),
    );
    const mechanism = dialog.getByTestId("transfer-mechanism");
    await waitFor(() => expect(mechanism).toHaveAttribute("aria-invalid", "true"));
    expect(describedByText(mechanism)).toContain("Choose the legal ground of the transfer.");
    // A message without an input goes to the alert at the top.
    expect(dialog.getByTestId("form-error-alert")).toHaveTextContent(
      "The activity no longer exists.",
    );
  });

  it("adds a retention rule with a criterion and no period: an empty period is null", async () => {
    vi.mocked(ipc.retentionRules.create).mockResolvedValue(makeRetentionRule());
    const { user } = renderParts();
    const dialog = within(await openDialog(user, "retentionRule-add", "Add retention rule"));

    const category = dialog.getByTestId("retentionRule-dataCategory");
    await user.click(category);
    await user.type(category, "Ident");
    await user.click(await screen.findByRole("option", { name: "Identity" }));
    expect(category).toHaveValue("Identity");
    await user.type(dialog.getByTestId("retentionRule-criterion"), "Until they ask");
    await user.click(dialog.getByTestId("retentionRule-save"));

    await waitFor(() =>
      expect(ipc.retentionRules.create).toHaveBeenCalledWith({
        activityId: "act-1",
        dataCategory: "identity",
        periodValue: null,
        periodUnit: null,
        criterion: "Until they ask",
        triggerEvent: "",
        justification: "",
        endAction: "erase",
      }),
    );
  });

  it("edits a retention rule: the period as a number, own words kept, the history below", async () => {
    const rule = makeRetentionRule();
    vi.mocked(ipc.retentionRules.list).mockResolvedValue([rule]);
    vi.mocked(ipc.retentionRules.update).mockResolvedValue({ ...rule, periodValue: 3 });
    vi.mocked(ipc.getHistory).mockResolvedValue([
      makeHistoryEntry({ field: "periodValue", old: "1", new: "2" }),
      makeHistoryEntry({ field: "periodUnit", old: "months", new: "years" }),
    ]);
    const { user } = renderParts();
    const dialog = within(await openDialog(user, "retentionRule-edit", "Edit retention rule"));

    const history = dialog.getByTestId("history");
    expect(await within(history).findByText("Period: '1' → '2'")).toBeInTheDocument();
    expect(within(history).getByText("Unit: 'Months' → 'Years'")).toBeInTheDocument();
    expect(ipc.getHistory).toHaveBeenCalledWith("retentionRule", "ret-1");

    expect(dialog.getByTestId("retentionRule-dataCategory")).toHaveValue("Identity");
    expect(dialog.getByTestId("retentionRule-periodUnit")).toHaveValue("years");
    const period = dialog.getByTestId("retentionRule-periodValue");
    expect(period).toHaveValue("2");
    await user.clear(period);
    await user.type(period, "3");
    const category = dialog.getByTestId("retentionRule-dataCategory");
    await user.clear(category);
    await user.type(category, "Membership cards");
    await user.click(dialog.getByTestId("retentionRule-save"));

    await waitFor(() =>
      expect(ipc.retentionRules.update).toHaveBeenCalledWith(
        "ret-1",
        {
          activityId: "act-1",
          dataCategory: "Membership cards",
          periodValue: 3,
          periodUnit: "years",
          criterion: "",
          triggerEvent: "the end of the membership",
          justification: "",
          endAction: "erase",
        },
        // Against the base the rule was read at.
        "2@dev-this",
      ),
    );
    expect(await screen.findByText("Saved")).toBeInTheDocument();
  });

  it("links a recipient, or names an internal team instead", async () => {
    vi.mocked(ipc.activityRecipients.create).mockResolvedValue(makeActivityRecipient());
    const { user } = renderParts();
    const dialog = within(await openDialog(user, "activityRecipient-add", "Add recipient"));

    expect(dialog.getByTestId("activityRecipient-role").tagName).toBe("SELECT");
    const recipient = dialog.getByTestId("activityRecipient-recipientId");
    await user.click(recipient);
    await user.type(recipient, "hetz");
    await user.click(await screen.findByRole("option", { name: "Hetzner Online GmbH (Hetzner)" }));
    await user.selectOptions(dialog.getByTestId("activityRecipient-role"), "jointController");
    await user.type(dialog.getByTestId("activityRecipient-arrangement"), "We run the event");
    await user.selectOptions(dialog.getByTestId("activityRecipient-role"), "internal");
    expect(dialog.queryByTestId("activityRecipient-recipientId")).not.toBeInTheDocument();
    await user.type(dialog.getByTestId("activityRecipient-internalTeam"), "Events team");
    await user.click(dialog.getByTestId("activityRecipient-save"));

    await waitFor(() =>
      expect(ipc.activityRecipients.create).toHaveBeenCalledWith({
        activityId: "act-1",
        recipientId: null,
        internalTeam: "Events team",
        role: "internal",
        arrangement: "",
        purpose: "",
      }),
    );
  });

  it("records people with vocabulary ids and own words, and asks for the Art. 9 condition", async () => {
    vi.mocked(ipc.subjectGroups.create).mockResolvedValue(makeSubjectGroup());
    const { user } = renderParts();
    const dialog = within(await openDialog(user, "subjectGroup-add", "Add group of people"));

    const subject = dialog.getByTestId("subjectGroup-subjectCategory");
    await user.click(subject);
    await user.type(subject, "memb");
    await user.click(await screen.findByRole("option", { name: "Members" }));
    const data = dialog.getByTestId("subjectGroup-dataCategories");
    await user.click(data);
    await user.type(data, "heal");
    await user.click(await screen.findByRole("option", { name: /Health data/ }));
    await user.type(data, "Shoe size{Enter}");
    expect(dialog.getByText("Health data")).toBeInTheDocument();
    expect(dialog.getByText("Shoe size")).toBeInTheDocument();
    await user.selectOptions(dialog.getByTestId("subjectGroup-art9Condition"), "explicitConsent");
    await user.click(dialog.getByTestId("subjectGroup-save"));

    await waitFor(() =>
      expect(ipc.subjectGroups.create).toHaveBeenCalledWith({
        activityId: "act-1",
        subjectCategory: "members",
        dataCategories: ["health-data", "Shoe size"],
        art9Condition: "explicitConsent",
        art10Basis: "",
      }),
    );
  });

  it("deletes a row after confirmation and offers to undo it", async () => {
    const purpose = makePurpose();
    vi.mocked(ipc.purposes.list).mockResolvedValue([purpose]);
    vi.mocked(ipc.purposes.remove).mockResolvedValue(purpose);
    vi.mocked(ipc.purposes.restore).mockResolvedValue(purpose);
    const { user } = renderParts();

    await user.click(await screen.findByTestId("purpose-delete"));
    const dialog = await screen.findByRole("dialog", { name: "Delete purpose" });
    vi.mocked(ipc.purposes.list).mockResolvedValue([]);
    await user.click(within(dialog).getByTestId("confirm-delete"));

    await waitFor(() => expect(ipc.purposes.remove).toHaveBeenCalledWith("pur-1", "2@dev-this"));
    expect(await screen.findByText("Deleted 'Send the member newsletter'")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryAllByTestId("purpose-row")).toHaveLength(0));

    vi.mocked(ipc.purposes.list).mockResolvedValue([purpose]);
    await user.click(screen.getByTestId("undo-delete"));

    await waitFor(() => expect(ipc.purposes.restore).toHaveBeenCalledWith("pur-1"));
    expect(await screen.findByText("Restored 'Send the member newsletter'")).toBeInTheDocument();
    expect(await screen.findAllByTestId("purpose-row")).toHaveLength(1);
  });

  it("saves with Enter, and asks before Escape discards changes", async () => {
    vi.mocked(ipc.purposes.create).mockResolvedValue(makePurpose({ description: "Fees" }));
    const { user } = renderParts();

    let dialog = within(await openDialog(user, "purpose-add", "Add purpose"));
    await user.type(dialog.getByTestId("purpose-description"), "Fees");
    await user.keyboard("{Escape}");
    expect(dialog.getByTestId("purpose-discard-alert")).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(dialog.queryByTestId("purpose-discard-alert")).not.toBeInTheDocument();
    expect(dialog.getByTestId("purpose-description")).toHaveValue("Fees");
    await user.keyboard("{Escape}");
    await user.click(dialog.getByTestId("purpose-discard"));
    await waitFor(() =>
      expect(screen.queryByRole("dialog", { name: "Add purpose" })).not.toBeInTheDocument(),
    );
    expect(ipc.purposes.create).not.toHaveBeenCalled();

    // Without changes, Escape closes at once.
    await openDialog(user, "purpose-add", "Add purpose");
    await user.keyboard("{Escape}");
    await waitFor(() =>
      expect(screen.queryByRole("dialog", { name: "Add purpose" })).not.toBeInTheDocument(),
    );

    dialog = within(await openDialog(user, "purpose-add", "Add purpose"));
    const basis = dialog.getByTestId("purpose-legalBasis");
    await user.selectOptions(basis, "contract");
    basis.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(ipc.purposes.create).toHaveBeenCalledTimes(1));
    expect(await screen.findByText("'Fees' has been recorded.")).toBeInTheDocument();
  });
});

describe("an activity's rows changed on other laptops", () => {
  it("takes in a row changed elsewhere while its dialog is open, and saves against the base it was opened at", async () => {
    vi.mocked(ipc.purposes.list).mockResolvedValue([makePurpose()]);
    vi.mocked(ipc.purposes.update).mockImplementation(async (id, input) =>
      makePurpose({ ...input, id, base: "9@dev-this" }),
    );
    const { user, queryClient } = renderParts();

    const dialog = within(await openDialog(user, "purpose-edit", "Edit purpose"));
    const reference = dialog.getByTestId("purpose-liaReference");
    await user.clear(reference);
    await user.type(reference, "Drive/LIA-2027.pdf");
    // A sync brings Sam's change to the purpose's description.
    vi.mocked(ipc.purposes.list).mockResolvedValue([
      makePurpose({ base: "2@dev-this,6@dev-sam", description: "Send the members' newsletter" }),
    ]);
    await act(() => queryClient.invalidateQueries());

    await waitFor(() =>
      expect(dialog.getByTestId("purpose-description")).toHaveValue("Send the members' newsletter"),
    );
    expect(reference).toHaveValue("Drive/LIA-2027.pdf");
    expect(dialog.getByTestId("purpose-changed")).toHaveTextContent(
      "This record changed while you had it open (Purpose). Your own changes are kept.",
    );
    await user.click(dialog.getByTestId("purpose-save"));

    await waitFor(() =>
      expect(ipc.purposes.update).toHaveBeenCalledWith(
        "pur-1",
        expect.objectContaining({
          description: "Send the members' newsletter",
          liaReference: "Drive/LIA-2027.pdf",
        }),
        "2@dev-this",
      ),
    );
  });

  it("marks a row in conflict, and settles the conflict in its dialog", async () => {
    vi.mocked(ipc.purposes.list).mockResolvedValue([
      makePurpose(),
      makePurpose({ id: "pur-2", description: "Collect the fees" }),
    ]);
    vi.mocked(ipc.listConflicts).mockResolvedValue([
      makeConflict({
        record: "purpose",
        recordId: "pur-1",
        recordName: "Send the member newsletter",
        field: "legalBasis",
        values: [
          makeConflictValue({ field: "legalBasis", value: "legitimateInterests", shown: true }),
          makeConflictValue({
            field: "legalBasis",
            value: "consent",
            device: "dev-sam",
            deviceName: "Sam's laptop",
          }),
        ],
      }),
    ]);
    vi.mocked(ipc.resolveConflict).mockResolvedValue(null);
    const { user } = renderParts();

    const rows = await screen.findAllByTestId("purpose-row");
    expect(await within(rows[0] as HTMLElement).findByTestId("purpose-row-conflict")).toBeVisible();
    expect(within(rows[1] as HTMLElement).queryByTestId("purpose-row-conflict")).toBeNull();

    await user.click(within(rows[0] as HTMLElement).getByTestId("purpose-edit"));
    const dialog = within(await screen.findByRole("dialog", { name: "Edit purpose" }));
    await user.click(await dialog.findByTestId("purpose-legalBasis-conflict"));
    const values = await dialog.findAllByTestId("purpose-legalBasis-conflict-value");
    expect(values[1]).toHaveTextContent("by Sam's laptop");
    await user.click(
      within(values[1] as HTMLElement).getByRole("button", { name: "Keep this value" }),
    );

    await waitFor(() =>
      expect(ipc.resolveConflict).toHaveBeenCalledWith({
        record: "purpose",
        recordId: "pur-1",
        field: "legalBasis",
        resolution: { kind: "value", value: "consent" },
      }),
    );
  });
});
