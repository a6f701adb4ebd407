// The form for creating and editing one processing activity: its own details, grouped as
// the record asks for them (see ActivityFieldsets). Purposes, people, recipients and the
// other rows are edited below it, once the activity is saved (see parts/). The server
// validates; this form trims the text and puts each message the server sends next to the
// input it names. Nothing the user typed is lost on an error.
import { ListedRecordFormLayout } from "../../components/RecordFormLayout";
import { useListedRecordForm } from "../../components/useListedRecordForm";
import type { Activity } from "../../ipc";
import {
  AboutFieldset,
  AutomatedDecisionsFieldset,
  DpiaFieldset,
  ProvisionFieldset,
  RecordRequiredFieldset,
  RoleFieldset,
  SecurityFieldset,
} from "./ActivityFieldsets";
import { ACTIVITY_FIELDS, activityFormValues, toActivityInput } from "./activityFormValues";
import { ACTIVITY_KIND } from "./labels";
import {
  restoreActivityOptions,
  useCreateActivity,
  useDeleteActivity,
  useUpdateActivity,
} from "./queries";

export interface ActivityFormProps {
  /** The saved activity when editing; null for a new one. */
  activity: Activity | null;
}

export function ActivityForm({ activity }: ActivityFormProps) {
  const form = useListedRecordForm({
    kind: ACTIVITY_KIND,
    record: activity,
    valuesOf: activityFormValues,
    fields: ACTIVITY_FIELDS,
    toInput: toActivityInput,
    create: useCreateActivity(),
    update: useUpdateActivity(activity?.id ?? ""),
    remove: useDeleteActivity(),
    restore: restoreActivityOptions,
  });

  return (
    <ListedRecordFormLayout form={form} label="Processing activity">
      <AboutFieldset form={form} />
      <RoleFieldset form={form} />
      <ProvisionFieldset form={form} />
      <AutomatedDecisionsFieldset form={form} />
      <DpiaFieldset form={form} />
      <RecordRequiredFieldset form={form} />
      <SecurityFieldset form={form} />
    </ListedRecordFormLayout>
  );
}
