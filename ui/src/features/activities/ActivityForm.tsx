// The form for creating and editing one processing activity. The server validates;
// this form trims the text, drops empty trailing purposes, and puts each message the
// server sends next to the input it names. Nothing the user typed is lost on an error.
import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import {
  confirmDeletion,
  showDeletedNotification,
  showDeleteFailed,
} from "../../components/deleteWithUndo";
import { FormErrorAlert } from "../../components/FormErrorAlert";
import {
  NO_SERVER_ERRORS,
  type ServerErrors,
  splitServerErrors,
  withoutFieldError,
} from "../../components/serverErrors";
import { TextListInput } from "../../components/TextListInput";
import {
  type TextListChange,
  type TextListItem,
  withoutTextListErrors,
} from "../../components/textList";
import { useUnsavedChangesGuard } from "../../components/UnsavedChangesGuard";
import type { Activity } from "../../ipc";
import {
  type ActivityFormValues,
  type ActivityTextField,
  activityFieldHasInput,
  activityFormValues,
  activitySnapshot,
  toActivityInput,
} from "./activityFormValues";
import { LEGAL_BASIS_OPTIONS, NOT_DECIDED_LABEL, STATUS_OPTIONS } from "./labels";
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
  const navigate = useNavigate();
  const createMutation = useCreateActivity();
  const updateMutation = useUpdateActivity(activity?.id ?? "");
  const deleteMutation = useDeleteActivity();

  const [values, setValues] = useState<ActivityFormValues>(() => activityFormValues(activity));
  const [baseline, setBaseline] = useState(() => activitySnapshot(values));
  const [errors, setErrors] = useState<ServerErrors>(NO_SERVER_ERRORS);
  const [focusInvalid, setFocusInvalid] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const dirty = activitySnapshot(values) !== baseline;
  const { allowNavigation, unsavedChangesModal } = useUnsavedChangesGuard(dirty);
  const saving = createMutation.isPending || updateMutation.isPending;

  // After a failed save, moves focus to the first input the server complained about.
  useEffect(() => {
    if (focusInvalid) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      setFocusInvalid(false);
    }
  }, [focusInvalid]);

  function setField(field: ActivityTextField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => withoutFieldError(current, field));
  }

  function setPurposes(purposes: TextListItem[], change: TextListChange) {
    setValues((current) => ({ ...current, purposes }));
    setErrors((current) => withoutTextListErrors(current, "purposes", change));
  }

  function showErrors(error: unknown) {
    const split = splitServerErrors(error, (field) => activityFieldHasInput(values, field));
    setErrors(split);
    setFocusInvalid(Object.keys(split.fields).length > 0);
  }

  function save() {
    if (saving) {
      return;
    }
    const input = toActivityInput(values);
    if (activity) {
      updateMutation.mutate(input, {
        onSuccess: (saved) => {
          const next = activityFormValues(saved);
          setValues(next);
          setBaseline(activitySnapshot(next));
          setErrors(NO_SERVER_ERRORS);
          notifications.show({
            color: "teal",
            title: "Saved",
            message: `'${saved.name}' is up to date.`,
          });
        },
        onError: showErrors,
      });
    } else {
      createMutation.mutate(input, {
        onSuccess: (created) => {
          setErrors(NO_SERVER_ERRORS);
          allowNavigation();
          navigate(`/activities/${created.id}`);
          notifications.show({
            color: "teal",
            title: "Saved",
            message: `'${created.name}' has been recorded.`,
          });
        },
        onError: showErrors,
      });
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save();
  }

  function confirmDelete() {
    if (!activity) {
      return;
    }
    confirmDeletion({
      title: "Delete activity",
      name: activity.name,
      onConfirm: () =>
        deleteMutation.mutate(activity.id, {
          onSuccess: (deleted) => {
            allowNavigation();
            navigate("/activities");
            showDeletedNotification({
              id: deleted.id,
              title: "Activity deleted",
              name: deleted.name,
              restore: restoreActivityOptions(deleted.id),
            });
          },
          onError: showDeleteFailed,
        }),
    });
  }

  useHotkeys([["mod+S", save]], []);

  return (
    <>
      <form ref={formRef} onSubmit={handleSubmit} noValidate aria-label="Processing activity">
        <Stack gap="lg" maw={760}>
          <FormErrorAlert messages={errors.general} />

          <Fieldset legend="About the activity">
            <Stack gap="md">
              <TextInput
                label="Name"
                description="A short name people in your organisation recognise, e.g. 'Member administration'."
                required
                value={values.name}
                onChange={(event) => setField("name", event.currentTarget.value)}
                error={errors.fields.name}
                data-testid="activity-name"
                autoComplete="off"
              />
              <Textarea
                label="Description"
                description="What happens with the data, in a few sentences."
                autosize
                minRows={3}
                maxRows={12}
                value={values.description}
                onChange={(event) => setField("description", event.currentTarget.value)}
                error={errors.fields.description}
                data-testid="activity-description"
              />
            </Stack>
          </Fieldset>

          <Fieldset legend="Purposes">
            <TextListInput
              items={values.purposes}
              onChange={setPurposes}
              itemLabel="Purpose"
              addLabel="Add purpose"
              testIdPrefix="activity"
              itemName="purpose"
              description="Why you process the data. One purpose per line, e.g. 'Sending the member newsletter'."
              placeholder="e.g. Managing memberships and fees"
              error={errors.fields.purposes}
              itemErrors={values.purposes.map((_, index) => errors.fields[`purposes[${index}]`])}
            />
          </Fieldset>

          <Fieldset legend="Legal basis and status">
            <Stack gap="md">
              <NativeSelect
                label="Legal basis"
                description="The ground in Art. 6(1) GDPR that makes this processing lawful."
                value={values.legalBasis}
                onChange={(event) => setField("legalBasis", event.currentTarget.value)}
                data={[
                  { value: "", label: NOT_DECIDED_LABEL },
                  ...LEGAL_BASIS_OPTIONS.map(({ value, label }) => ({ value, label })),
                ]}
                error={errors.fields.legalBasis}
                data-testid="activity-legalBasis"
              />
              <NativeSelect
                label="Status"
                description="Draft while you are still describing it; Retired once you no longer process data this way."
                value={values.status}
                onChange={(event) => setField("status", event.currentTarget.value)}
                data={STATUS_OPTIONS.map(({ value, label }) => ({ value, label }))}
                error={errors.fields.status}
                data-testid="activity-status"
              />
            </Stack>
          </Fieldset>

          <Group justify="space-between">
            <Group gap="sm">
              <Button type="submit" loading={saving} data-testid="activity-save">
                Save
              </Button>
              <Button
                variant="default"
                onClick={() => navigate("/activities")}
                data-testid="activity-cancel"
              >
                {activity ? "Back to list" : "Cancel"}
              </Button>
              <Text size="xs" c="dimmed">
                {dirty ? "Unsaved changes · Ctrl+S saves" : "Ctrl+S saves"}
              </Text>
            </Group>
            {activity ? (
              <Button
                color="red"
                variant="outline"
                onClick={confirmDelete}
                loading={deleteMutation.isPending}
                data-testid="activity-delete"
              >
                Delete
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
      {unsavedChangesModal}
    </>
  );
}
