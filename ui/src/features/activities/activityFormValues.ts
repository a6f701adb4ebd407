// The activity form's values: how they are filled from a saved activity, compared for
// unsaved changes, turned into the command input, and which server field names have an
// input on screen.
import {
  type TextListItem,
  textListHasInput,
  textListItems,
  textListRawValues,
  textListValues,
} from "../../components/textList";
import type { Activity, ActivityInput } from "../../ipc";
import { parseLegalBasis, parseStatus } from "./labels";

export interface ActivityFormValues {
  name: string;
  description: string;
  purposes: TextListItem[];
  /** "" stands for "not yet decided" (null). */
  legalBasis: string;
  status: string;
}

/** The fields edited with one text input, textarea or select. */
export type ActivityTextField = "name" | "description" | "legalBasis" | "status";

const TEXT_FIELDS: ReadonlySet<string> = new Set<ActivityTextField>([
  "name",
  "description",
  "legalBasis",
  "status",
]);

export function activityFormValues(activity: Activity | null): ActivityFormValues {
  return {
    name: activity?.name ?? "",
    description: activity?.description ?? "",
    purposes: textListItems(activity?.purposes ?? []),
    legalBasis: activity?.legalBasis ?? "",
    status: activity?.status ?? "draft",
  };
}

/** What is compared to decide whether the form has unsaved changes. */
export function activitySnapshot(values: ActivityFormValues): string {
  return JSON.stringify({ ...values, purposes: textListRawValues(values.purposes) });
}

/** Builds the command input: trimmed text, empty trailing purposes dropped. */
export function toActivityInput(values: ActivityFormValues): ActivityInput {
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    purposes: textListValues(values.purposes),
    legalBasis: parseLegalBasis(values.legalBasis),
    status: parseStatus(values.status),
  };
}

/** Whether a server field name has an input on screen that can show its message. */
export function activityFieldHasInput(values: ActivityFormValues, field: string): boolean {
  return TEXT_FIELDS.has(field) || textListHasInput("purposes", values.purposes.length, field);
}
