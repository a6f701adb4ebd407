// The organisation profile form's labels by field, as the history names the fields, and the
// plain-language labels of the Art. 32 security measures and of the disclosures the privacy
// policy may state.
import type { FieldLabels, FormatValue } from "../../components/historyText";
import type { ConfirmedNone, GdprReach, OtherDisclosure, SecurityMeasure } from "../../ipc";

export const ORGANISATION_FIELD_LABELS: FieldLabels = {
  legalName: "Legal name",
  country: "Country of establishment",
  gdprReach: "Why the GDPR applies",
  address: "Address",
  contactEmail: "Contact email",
  dpoName: "DPO name",
  dpoContact: "DPO contact",
  euRepresentative: "EU representative",
  supervisoryAuthority: "Supervisory authority",
  employeeCount: "Number of employees",
  securityMeasures: "Organisation-wide security measures",
  securityNotes: "Security notes",
  policyScope: "Sites, apps and events the policy covers",
  policyEffectiveDate: "Effective date",
  minimumAge: "Minimum age",
  rightsResponseDays: "Days to answer a request (empty: one month)",
  breachNotification: "How people are told of a breach",
  cookieControls: "How people control cookies",
  communicationsOptOut: "How people opt out of emails",
  deidentifiedData: "De-identified and aggregated data",
  policyChangeNotice: "How people learn of changes to the policy",
  otherDisclosures: "Other disclosures",
  confirmedNone: "What the organisation does not do at all",
};

/** The measures of Art. 32 in the order the server keeps them, in plain words. */
export const SECURITY_MEASURE_OPTIONS: ReadonlyArray<{
  value: SecurityMeasure;
  label: string;
  description: string;
}> = [
  {
    value: "accessControl",
    label: "Access control",
    description: "Personal accounts and passwords; people see only what they need.",
  },
  {
    value: "traceability",
    label: "Logging of access and changes",
    description: "You can tell who looked at or changed personal data, and when.",
  },
  {
    value: "softwareProtection",
    label: "Software kept up to date",
    description: "Updates installed promptly; antivirus and firewall where they apply.",
  },
  {
    value: "backups",
    label: "Regular backups",
    description: "Copies kept separately, and restoring them has been tried.",
  },
  {
    value: "encryption",
    label: "Encryption",
    description: "Devices, backups and connections are encrypted.",
  },
  {
    value: "processorControl",
    label: "Control of processors",
    description: "Service providers are bound by an agreement (Art. 28) and checked.",
  },
  {
    value: "pseudonymisation",
    label: "Pseudonymisation",
    description: "Names replaced by codes where the work does not need them.",
  },
  {
    value: "training",
    label: "Staff and volunteer training",
    description: "People who handle personal data know the rules and the risks.",
  },
  {
    value: "other",
    label: "Other measures",
    description: "Describe them in the notes below.",
  },
];

export function securityMeasureLabel(value: string): string {
  return SECURITY_MEASURE_OPTIONS.find((option) => option.value === value)?.label ?? value;
}

/** Disclosures made outside any one activity, in the order the server keeps them. */
export const OTHER_DISCLOSURE_OPTIONS: ReadonlyArray<{ value: OtherDisclosure; label: string }> = [
  { value: "legalRequests", label: "When the law requires it (courts, police, regulators)" },
  { value: "emergencies", label: "In an emergency, to protect someone's life or safety" },
  { value: "mergers", label: "To a successor in a merger or reorganisation" },
];

/** Why the GDPR applies (Art. 3), as the select offers it; "" is "not recorded". */
export const GDPR_REACH_OPTIONS: ReadonlyArray<{ value: GdprReach | ""; label: string }> = [
  { value: "", label: "Not recorded" },
  { value: "euEstablishment", label: "It has an establishment in the EU or EEA (Art. 3(1))" },
  {
    value: "offersToPeopleInEu",
    label: "Outside the EU, it offers goods or services to people in the EU (Art. 3(2)(a))",
  },
  {
    value: "monitorsPeopleInEu",
    label: "Outside the EU, it monitors the behaviour of people in the EU (Art. 3(2)(b))",
  },
  {
    value: "offersAndMonitors",
    label: "Outside the EU, it offers services to people in the EU and monitors them (Art. 3(2))",
  },
  { value: "notApplicable", label: "None of these: the GDPR does not apply to it" },
];

export function gdprReachLabel(value: string): string {
  return GDPR_REACH_OPTIONS.find((option) => option.value === value)?.label ?? value;
}

/** Denials a privacy policy makes only when a person confirmed them here. */
export const CONFIRMED_NONE_OPTIONS: ReadonlyArray<{ value: ConfirmedNone; label: string }> = [
  {
    value: "automatedDecisions",
    label: "No activity decides about people by automated means alone, and none profiles them",
  },
  { value: "sharing", label: "No one outside the organisation receives personal data" },
  { value: "transfers", label: "No personal data goes to other countries" },
];

export function confirmedNoneLabel(value: string): string {
  return CONFIRMED_NONE_OPTIONS.find((option) => option.value === value)?.label ?? value;
}

export function otherDisclosureLabel(value: string): string {
  return OTHER_DISCLOSURE_OPTIONS.find((option) => option.value === value)?.label ?? value;
}

/** The history stores a checklist as "backups; encryption": shown with its labels. */
export const formatOrganisationHistoryValue: FormatValue = (field, value) => {
  const label =
    field === "securityMeasures"
      ? securityMeasureLabel
      : field === "otherDisclosures"
        ? otherDisclosureLabel
        : field === "confirmedNone"
          ? confirmedNoneLabel
          : field === "gdprReach"
            ? gdprReachLabel
            : null;
  return label
    ? value
        .split(";")
        .map((item) => label(item.trim()))
        .join("; ")
    : value;
};
