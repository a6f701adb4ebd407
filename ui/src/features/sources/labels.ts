// The words the shared record pages, form, list and history use for a source organisation,
// and the form's labels by field.
import type { FieldLabels } from "../../components/historyText";
import type { RecordKind } from "../../components/recordKind";
import type { SourceOrganisation } from "../../ipc";

/** The form's labels by field; the form and the history both use them. */
export const SOURCE_FIELD_LABELS = {
  name: "Name",
  country: "Country",
  contact: "Contact",
  privacyPolicyUrl: "Privacy policy URL",
  notes: "Notes",
  recipientId: "Same organisation in the recipients register",
} as const satisfies FieldLabels;

export const SOURCE_KIND: RecordKind<SourceOrganisation> = {
  noun: "source organisation",
  plural: "source organisations",
  list: { to: "/sources", label: "Source organisations" },
  nameOf: (source) => source.name,
  testId: "source",
  history: { kind: "sourceOrganisation", labels: SOURCE_FIELD_LABELS },
};
