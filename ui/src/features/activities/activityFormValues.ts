// The activity form's values: how they are filled from a saved activity, which of them
// have an input on screen, and how they are turned into the command input.
import { formFields } from "../../components/formFields";
import { type TextListItem, textListItems, textListValues } from "../../components/textList";
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

export const ACTIVITY_FIELDS = formFields<ActivityFormValues>(
  ["name", "description", "legalBasis", "status"],
  ["purposes"],
);

export function activityFormValues(activity: Activity | null): ActivityFormValues {
  return {
    name: activity?.name ?? "",
    description: activity?.description ?? "",
    purposes: textListItems(activity?.purposes ?? []),
    legalBasis: activity?.legalBasis ?? "",
    status: activity?.status ?? "draft",
  };
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
