// Human-readable labels for the recipient enums and the processor catalogue's categories
// and roles, used by the list, the form and the catalogue, and the words the shared record
// pages, form and history use for a recipient.
import type { FieldLabels } from "../../components/historyText";
import type { RecordKind } from "../../components/recordKind";
import type { DpaStatus, DpfStatus, Recipient } from "../../ipc";

/** The form's labels by field, as the history names the fields. */
export const RECIPIENT_FIELD_LABELS: FieldLabels = {
  legalName: "Legal name",
  tradingName: "Trading name",
  country: "Country",
  address: "Address",
  contact: "Contact",
  privacyPolicyUrl: "Privacy policy URL",
  dpaStatus: "DPA status",
  dpaSigned: "DPA signed on",
  dpaExpires: "DPA expires on",
  dpaReference: "Signed DPA kept at",
  subProcessors: "Sub-processors",
  dpf: "EU-U.S. Data Privacy Framework",
  dpfVerified: "DPF status verified on",
  notes: "Notes",
  catalogueId: "Processor catalogue entry",
};

export const RECIPIENT_KIND: RecordKind<Recipient> = {
  noun: "recipient",
  plural: "recipients",
  list: { to: "/recipients", label: "Recipients and processors" },
  nameOf: (recipient) => recipient.legalName,
  testId: "recipient",
  history: { kind: "recipient", labels: RECIPIENT_FIELD_LABELS },
};

/** The legal name, with the trading name when it differs. */
export function recipientTitle(recipient: Pick<Recipient, "legalName" | "tradingName">): string {
  return recipient.tradingName && recipient.tradingName !== recipient.legalName
    ? `${recipient.legalName} (${recipient.tradingName})`
    : recipient.legalName;
}

export const DPA_STATUS_OPTIONS: ReadonlyArray<{
  value: DpaStatus;
  label: string;
  color: string;
}> = [
  { value: "missing", label: "Missing", color: "orange" },
  { value: "draft", label: "Draft", color: "yellow" },
  { value: "sent", label: "Sent for signature", color: "blue" },
  { value: "signed", label: "Signed", color: "teal" },
  { value: "expired", label: "Expired", color: "red" },
];

export function dpaStatusOption(value: DpaStatus) {
  return (
    DPA_STATUS_OPTIONS.find((option) => option.value === value) ?? {
      value,
      label: value,
      color: "gray",
    }
  );
}

export function parseDpaStatus(value: string): DpaStatus {
  return DPA_STATUS_OPTIONS.find((option) => option.value === value)?.value ?? "missing";
}

export const DPF_OPTIONS: ReadonlyArray<{
  value: DpfStatus;
  label: string;
  short: string;
  color: string;
}> = [
  { value: "yes", label: "Certified under the EU-U.S. DPF", short: "Certified", color: "teal" },
  { value: "no", label: "Not certified", short: "Not certified", color: "gray" },
  { value: "unknown", label: "Unknown", short: "Unknown", color: "gray" },
];

export function dpfOption(value: DpfStatus) {
  return (
    DPF_OPTIONS.find((option) => option.value === value) ?? {
      value,
      label: value,
      short: value,
      color: "gray",
    }
  );
}

export function parseDpf(value: string): DpfStatus {
  return DPF_OPTIONS.find((option) => option.value === value)?.value ?? "unknown";
}

/** The catalogue's categories, in the order the catalogue shows them. */
export const CATEGORY_LABELS: ReadonlyArray<{ value: string; label: string }> = [
  { value: "mailing", label: "Mailing lists and newsletters" },
  { value: "crm", label: "Member and donor management (CRM)" },
  { value: "eventRegistration", label: "Event registration and ticketing" },
  { value: "payments", label: "Payments and donations" },
  { value: "videoConferencing", label: "Video conferencing" },
  { value: "chat", label: "Chat and messaging" },
  { value: "formsSurveys", label: "Forms and surveys" },
  { value: "helpdesk", label: "Helpdesk and support" },
  { value: "hosting", label: "Web hosting and cloud" },
  { value: "cdn", label: "Content delivery (CDN)" },
  { value: "analytics", label: "Web analytics" },
  { value: "codeHosting", label: "Code hosting" },
  { value: "eSignature", label: "Electronic signatures" },
  { value: "collaboration", label: "Documents and collaboration" },
  { value: "passwordManager", label: "Password managers" },
  { value: "socialMedia", label: "Social media" },
  { value: "other", label: "Other services" },
];

export function categoryLabel(value: string): string {
  return CATEGORY_LABELS.find((option) => option.value === value)?.label ?? value;
}

const ROLE_LABELS: Readonly<Record<string, string>> = {
  processor: "Processor",
  independentController: "Independent controller",
  jointController: "Joint controller",
};

export function typicalRoleLabel(value: string): string {
  return ROLE_LABELS[value] ?? value;
}
