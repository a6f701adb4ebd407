// The form for creating and editing one processing activity. The server validates;
// this form trims the text, drops empty trailing purposes, and puts each message the
// server sends next to the input it names. Nothing the user typed is lost on an error.
import { Fieldset, NativeSelect, Stack, Textarea, TextInput } from "@mantine/core";
import { ListedRecordFormLayout } from "../../components/RecordFormLayout";
import { TextListInput } from "../../components/TextListInput";
import { useListedRecordForm } from "../../components/useListedRecordForm";
import type { Activity } from "../../ipc";
import { ACTIVITY_FIELDS, activityFormValues, toActivityInput } from "./activityFormValues";
import { ACTIVITY_KIND, LEGAL_BASIS_OPTIONS, NOT_DECIDED_LABEL, STATUS_OPTIONS } from "./labels";
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
      <Fieldset legend="About the activity">
        <Stack gap="md">
          <TextInput
            label="Name"
            description="A short name people in your organisation recognise, e.g. 'Member administration'."
            required
            autoComplete="off"
            {...form.bind("name")}
          />
          <Textarea
            label="Description"
            description="What happens with the data, in a few sentences."
            autosize
            minRows={3}
            maxRows={12}
            {...form.bind("description")}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend="Purposes">
        <TextListInput
          {...form.bindTextList("purposes")}
          itemLabel="Purpose"
          addLabel="Add purpose"
          itemName="purpose"
          description="Why you process the data. One purpose per line, e.g. 'Sending the member newsletter'."
          placeholder="e.g. Managing memberships and fees"
        />
      </Fieldset>

      <Fieldset legend="Legal basis and status">
        <Stack gap="md">
          <NativeSelect
            label="Legal basis"
            description="The ground in Art. 6(1) GDPR that makes this processing lawful."
            data={[
              { value: "", label: NOT_DECIDED_LABEL },
              ...LEGAL_BASIS_OPTIONS.map(({ value, label }) => ({ value, label })),
            ]}
            {...form.bind("legalBasis")}
          />
          <NativeSelect
            label="Status"
            description="Draft while you are still describing it; Retired once you no longer process data this way."
            data={STATUS_OPTIONS.map(({ value, label }) => ({ value, label }))}
            {...form.bind("status")}
          />
        </Stack>
      </Fieldset>
    </ListedRecordFormLayout>
  );
}
