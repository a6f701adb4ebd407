// The organisation profile form's labels by field, as the history names the fields, and the
// plain-language labels of the Art. 32 security measures.
import type { FieldLabels, FormatValue } from "../../components/historyText";
import type { SecurityMeasure } from "../../ipc";

export const ORGANISATION_FIELD_LABELS: FieldLabels = {
  legalName: "Legal name",
  address: "Address",
  contactEmail: "Contact email",
  dpoName: "DPO name",
  dpoContact: "DPO contact",
  euRepresentative: "EU representative",
  supervisoryAuthority: "Supervisory authority",
  employeeCount: "Number of employees",
  securityMeasures: "Organisation-wide security measures",
  securityNotes: "Security notes",
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

/** The history stores the measures as "backups; encryption": shown with their labels. */
export const formatOrganisationHistoryValue: FormatValue = (field, value) =>
  field === "securityMeasures"
    ? value
        .split(";")
        .map((item) => securityMeasureLabel(item.trim()))
        .join("; ")
    : value;
