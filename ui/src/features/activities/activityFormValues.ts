// The activity form's values: how they are filled from a saved activity, which of them
// have an input on screen, and how they are turned into the command input.
//
// The two checklists (the DPIA criteria and the security measures) are lists of enum
// values in the command input. The form holds each as one string, the ticked values in
// checklist order joined by commas: a text field to the shared form, so that it counts
// for unsaved changes (ticking and unticking again is no change), and the server's
// message for "dpiaCriteria" or "securityMeasures" goes to its checkbox group.
import { formFields } from "../../components/formFields";
import { type TextListItem, textListItems, textListValues } from "../../components/textList";
import type { RecordFormFields } from "../../components/useRecordForm";
import type { Activity, ActivityInput } from "../../ipc";
import {
  DPIA_CRITERION_OPTIONS,
  type Option,
  parseDpiaStatus,
  parseProvisionRequirement,
  parseRole,
  parseStatus,
  SECURITY_MEASURE_OPTIONS,
} from "./labels";

export interface ActivityFormValues {
  name: string;
  description: string;
  status: string;
  businessFunction: string;
  owner: string;
  systems: TextListItem[];
  dataLocation: string;
  /** As the date input holds it: YYYY-MM-DD, or "" for none (null). */
  nextReview: string;
  role: string;
  controllerName: string;
  controllerContact: string;
  provisionRequirement: string;
  provisionConsequence: string;
  automatedDecisions: boolean;
  profiling: boolean;
  admLogic: string;
  /** The ticked criteria, joined (see `joinChoices`). */
  dpiaCriteria: string;
  dpiaStatus: string;
  dpiaReference: string;
  dpiaNotes: string;
  occasional: boolean;
  riskToRights: boolean;
  /** The ticked measures, joined (see `joinChoices`). */
  securityMeasures: string;
  securityNotes: string;
}

/** The values edited with a checkbox group. */
export type ChoiceField = "dpiaCriteria" | "securityMeasures";

export const ACTIVITY_FIELDS = formFields<ActivityFormValues>(
  [
    "name",
    "description",
    "status",
    "businessFunction",
    "owner",
    "dataLocation",
    "nextReview",
    "role",
    "controllerName",
    "controllerContact",
    "provisionRequirement",
    "provisionConsequence",
    "automatedDecisions",
    "profiling",
    "admLogic",
    "dpiaCriteria",
    "dpiaStatus",
    "dpiaReference",
    "dpiaNotes",
    "occasional",
    "riskToRights",
    "securityMeasures",
    "securityNotes",
  ],
  ["systems"],
);

const SEPARATOR = ",";

/** The known values among `values`, without repeats and in the options' order. */
export function pickChoices<T extends string>(
  values: readonly string[],
  options: ReadonlyArray<Option<T>>,
): T[] {
  return options.filter((option) => values.includes(option.value)).map((option) => option.value);
}

/** The form's string for a list of ticked values. */
export function joinChoices(
  values: readonly string[],
  options: ReadonlyArray<Option<string>>,
): string {
  return pickChoices(values, options).join(SEPARATOR);
}

/** The ticked values of the form's string. */
export function splitChoices<T extends string>(
  joined: string,
  options: ReadonlyArray<Option<T>>,
): T[] {
  return pickChoices(joined === "" ? [] : joined.split(SEPARATOR), options);
}

/** Value, change handler and message of a Checkbox.Group bound to a checklist value. */
export interface ChoicesBinding {
  value: string[];
  onChange: (value: string[]) => void;
  error: string | undefined;
}

export function bindChoices(
  form: Pick<RecordFormFields<ActivityFormValues>, "values" | "errors" | "setField">,
  field: ChoiceField,
  options: ReadonlyArray<Option<string>>,
): ChoicesBinding {
  return {
    value: splitChoices(form.values[field], options),
    onChange: (value) => form.setField(field, joinChoices(value, options)),
    error: form.errors.fields[field],
  };
}

export function activityFormValues(activity: Activity | null): ActivityFormValues {
  return {
    name: activity?.name ?? "",
    description: activity?.description ?? "",
    status: activity?.status ?? "draft",
    businessFunction: activity?.businessFunction ?? "",
    owner: activity?.owner ?? "",
    systems: textListItems(activity?.systems ?? []),
    dataLocation: activity?.dataLocation ?? "",
    nextReview: activity?.nextReview ?? "",
    role: activity?.role ?? "controller",
    controllerName: activity?.controllerName ?? "",
    controllerContact: activity?.controllerContact ?? "",
    provisionRequirement: activity?.provisionRequirement ?? "notStated",
    provisionConsequence: activity?.provisionConsequence ?? "",
    automatedDecisions: activity?.automatedDecisions ?? false,
    profiling: activity?.profiling ?? false,
    admLogic: activity?.admLogic ?? "",
    dpiaCriteria: joinChoices(activity?.dpiaCriteria ?? [], DPIA_CRITERION_OPTIONS),
    dpiaStatus: activity?.dpiaStatus ?? "notScreened",
    dpiaReference: activity?.dpiaReference ?? "",
    dpiaNotes: activity?.dpiaNotes ?? "",
    occasional: activity?.occasional ?? false,
    riskToRights: activity?.riskToRights ?? false,
    securityMeasures: joinChoices(activity?.securityMeasures ?? [], SECURITY_MEASURE_OPTIONS),
    securityNotes: activity?.securityNotes ?? "",
  };
}

/** An empty date input means "not set", which the command takes as null. */
function dateOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** Builds the command input: trimmed text, null for an empty date, empty trailing systems
 *  dropped, the checklists as lists. The controller's name and contact are on screen only
 *  for a processor: a controller's activity names no other controller, so they are sent
 *  empty (switching back to Processor before saving brings them back). */
export function toActivityInput(values: ActivityFormValues): ActivityInput {
  const role = parseRole(values.role);
  const forProcessor = (text: string) => (role === "processor" ? text.trim() : "");
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    status: parseStatus(values.status),
    businessFunction: values.businessFunction.trim(),
    owner: values.owner.trim(),
    systems: textListValues(values.systems),
    dataLocation: values.dataLocation.trim(),
    nextReview: dateOrNull(values.nextReview),
    role,
    controllerName: forProcessor(values.controllerName),
    controllerContact: forProcessor(values.controllerContact),
    provisionRequirement: parseProvisionRequirement(values.provisionRequirement),
    provisionConsequence: values.provisionConsequence.trim(),
    automatedDecisions: values.automatedDecisions,
    profiling: values.profiling,
    admLogic: values.admLogic.trim(),
    dpiaCriteria: splitChoices(values.dpiaCriteria, DPIA_CRITERION_OPTIONS),
    dpiaStatus: parseDpiaStatus(values.dpiaStatus),
    dpiaReference: values.dpiaReference.trim(),
    dpiaNotes: values.dpiaNotes.trim(),
    occasional: values.occasional,
    riskToRights: values.riskToRights,
    securityMeasures: splitChoices(values.securityMeasures, SECURITY_MEASURE_OPTIONS),
    securityNotes: values.securityNotes.trim(),
  };
}
