// Human-readable labels for the activity enums, used by the list and the form, and the
// words the shared record pages, form and history use for an activity.
import type { FieldLabels } from "../../components/historyText";
import type { RecordKind } from "../../components/recordKind";
import type { Activity, ActivityStatus, LegalBasis } from "../../ipc";

/** The form's labels by field, as the history names the fields. */
export const ACTIVITY_FIELD_LABELS: FieldLabels = {
  name: "Name",
  description: "Description",
  purposes: "Purposes",
  legalBasis: "Legal basis",
  status: "Status",
};

export const ACTIVITY_KIND: RecordKind<Activity> = {
  noun: "activity",
  plural: "activities",
  list: { to: "/activities", label: "Processing activities" },
  nameOf: (activity) => activity.name,
  testId: "activity",
  history: { kind: "activity", labels: ACTIVITY_FIELD_LABELS },
};

export const LEGAL_BASIS_OPTIONS: ReadonlyArray<{
  value: LegalBasis;
  label: string;
  short: string;
}> = [
  { value: "consent", label: "Consent — Art. 6(1)(a)", short: "Consent" },
  { value: "contract", label: "Contract — Art. 6(1)(b)", short: "Contract" },
  { value: "legalObligation", label: "Legal obligation — Art. 6(1)(c)", short: "Legal obligation" },
  { value: "vitalInterests", label: "Vital interests — Art. 6(1)(d)", short: "Vital interests" },
  { value: "publicTask", label: "Public task — Art. 6(1)(e)", short: "Public task" },
  {
    value: "legitimateInterests",
    label: "Legitimate interests — Art. 6(1)(f)",
    short: "Legitimate interests",
  },
];

export const NOT_DECIDED_LABEL = "— not yet decided —";

export function legalBasisLabel(value: LegalBasis | null): string | null {
  return LEGAL_BASIS_OPTIONS.find((option) => option.value === value)?.short ?? null;
}

export function parseLegalBasis(value: string): LegalBasis | null {
  return LEGAL_BASIS_OPTIONS.find((option) => option.value === value)?.value ?? null;
}

export const STATUS_OPTIONS: ReadonlyArray<{
  value: ActivityStatus;
  label: string;
  color: string;
}> = [
  { value: "draft", label: "Draft", color: "gray" },
  { value: "active", label: "Active", color: "teal" },
  { value: "retired", label: "Retired", color: "orange" },
];

export function statusOption(value: ActivityStatus) {
  return (
    STATUS_OPTIONS.find((option) => option.value === value) ?? {
      value,
      label: value,
      color: "gray",
    }
  );
}

export function parseStatus(value: string): ActivityStatus {
  return STATUS_OPTIONS.find((option) => option.value === value)?.value ?? "draft";
}
