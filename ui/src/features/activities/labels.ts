// Human-readable labels for the activity enums, used by the list and the form, and the
// words the shared record pages, form and history use for an activity.
import type { FieldLabels } from "../../components/historyText";
import type { RecordKind } from "../../components/recordKind";
import type {
  Activity,
  ActivityRole,
  ActivityStatus,
  DpiaCriterion,
  DpiaStatus,
  ProvisionRequirement,
  SecurityMeasure,
} from "../../ipc";

/** The form's labels by field; the form and the history both use them. */
export const ACTIVITY_FIELD_LABELS = {
  name: "Name",
  description: "Description",
  status: "Status",
  businessFunction: "Business function",
  owner: "Owner",
  systems: "Systems",
  dataLocation: "Location of the data",
  nextReview: "Next review",
  role: "Role",
  controllerName: "Controller",
  controllerContact: "Controller's contact details",
  provisionRequirement: "Must people provide the data?",
  provisionConsequence: "If they do not provide it",
  automatedDecisions: "Decisions based solely on automated processing",
  profiling: "Profiling",
  admLogic: "Logic of the automated decisions",
  dpiaCriteria: "DPIA screening criteria",
  dpiaStatus: "DPIA status",
  dpiaReference: "DPIA reference",
  dpiaNotes: "DPIA notes",
  occasional: "Occasional processing",
  riskToRights: "Likely to result in a risk to people's rights",
  securityMeasures: "Security measures",
  securityNotes: "Security notes",
  // Fields of older versions, which the history still shows: purposes and their legal
  // basis are now rows of their own.
  purposes: "Purposes",
  legalBasis: "Legal basis",
} as const satisfies FieldLabels;

export const ACTIVITY_KIND: RecordKind<Activity> = {
  noun: "activity",
  plural: "activities",
  list: { to: "/activities", label: "Processing activities" },
  nameOf: (activity) => activity.name,
  testId: "activity",
  history: { kind: "activity", labels: ACTIVITY_FIELD_LABELS },
};

/** One choice of a select or checkbox group. */
export interface Option<T extends string> {
  value: T;
  label: string;
}

/** The option with this value, or undefined for a value not in the list. */
function find<T extends string>(options: ReadonlyArray<Option<T>>, value: string) {
  return options.find((option) => option.value === value);
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
  return find(STATUS_OPTIONS, value)?.value ?? "draft";
}

export const ROLE_OPTIONS: ReadonlyArray<Option<ActivityRole>> = [
  { value: "controller", label: "Controller — we decide why and how (Art. 30(1))" },
  {
    value: "processor",
    label: "Processor — we act on behalf of another organisation (Art. 30(2))",
  },
];

export function parseRole(value: string): ActivityRole {
  return find(ROLE_OPTIONS, value)?.value ?? "controller";
}

export const PROVISION_OPTIONS: ReadonlyArray<Option<ProvisionRequirement>> = [
  { value: "notStated", label: "Not stated yet" },
  { value: "voluntary", label: "Voluntary — people choose whether to provide it" },
  { value: "statutory", label: "Required by law" },
  { value: "contractual", label: "Required by a contract with the person" },
  {
    value: "contractPrerequisite",
    label: "Needed to enter into a contract (e.g. to become a member)",
  },
];

export function parseProvisionRequirement(value: string): ProvisionRequirement {
  return find(PROVISION_OPTIONS, value)?.value ?? "notStated";
}

/** Whether the requirement obliges people, so that the consequence must be stated. */
export function provisionIsRequired(value: string): boolean {
  return value === "statutory" || value === "contractual" || value === "contractPrerequisite";
}

export const DPIA_STATUS_OPTIONS: ReadonlyArray<Option<DpiaStatus>> = [
  { value: "notScreened", label: "Not screened yet" },
  { value: "notRequired", label: "Not required" },
  { value: "required", label: "Required, not started" },
  { value: "inProgress", label: "In progress" },
  { value: "completed", label: "Completed" },
];

export function parseDpiaStatus(value: string): DpiaStatus {
  return find(DPIA_STATUS_OPTIONS, value)?.value ?? "notScreened";
}

/** The nine criteria of the DPIA guidelines (WP248 rev.01), in plain language. */
export const DPIA_CRITERION_OPTIONS: ReadonlyArray<Option<DpiaCriterion>> = [
  {
    value: "evaluationOrScoring",
    label: "Evaluating or scoring people (profiling, predicting behaviour, credit checks)",
  },
  {
    value: "automatedDecisionWithLegalEffect",
    label: "Automated decisions with legal or similarly significant effects on people",
  },
  {
    value: "systematicMonitoring",
    label: "Systematic monitoring (e.g. CCTV, tracking what people do online)",
  },
  {
    value: "sensitiveData",
    label: "Sensitive or very personal data (health, beliefs, criminal records, finances…)",
  },
  { value: "largeScale", label: "Data about many people, or a lot of data about each" },
  { value: "matchingDatasets", label: "Matching or combining data sets from different sources" },
  {
    value: "vulnerableSubjects",
    label: "People in a vulnerable position (children, patients, employees, asylum seekers…)",
  },
  { value: "innovativeTechnology", label: "New technology, or a new use of technology" },
  {
    value: "preventsExercisingRights",
    label: "It can stop people using a service, a contract or one of their rights",
  },
];

/** WP248: processing that meets this many criteria or more likely needs a DPIA. */
export const DPIA_LIKELY_FROM = 2;

/** The technical and organisational measures of Art. 32, as the record's checklist. */
export const SECURITY_MEASURE_OPTIONS: ReadonlyArray<Option<SecurityMeasure>> = [
  { value: "accessControl", label: "Access control" },
  { value: "traceability", label: "Traceability (logging)" },
  { value: "softwareProtection", label: "Software protection (updates, antivirus)" },
  { value: "backups", label: "Backups" },
  { value: "encryption", label: "Encryption" },
  { value: "processorControl", label: "Control of processors" },
  { value: "pseudonymisation", label: "Pseudonymisation" },
  { value: "training", label: "Staff and volunteer training" },
  { value: "other", label: "Other measures" },
];
