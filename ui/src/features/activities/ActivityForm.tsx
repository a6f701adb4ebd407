// The form for creating and editing one processing activity. The server validates;
// this form trims the text, drops empty trailing purposes, and puts each message the
// server sends next to the input it names. Nothing the user typed is lost on an error.
import {
  Button,
  CloseButton,
  Fieldset,
  Group,
  Input,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { modals } from "@mantine/modals";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { FormErrorAlert } from "../../components/FormErrorAlert";
import {
  NO_SERVER_ERRORS,
  type ServerErrors,
  splitServerErrors,
  withoutFieldError,
} from "../../components/serverErrors";
import { useUnsavedChangesGuard } from "../../components/UnsavedChangesGuard";
import type { Activity, ActivityInput } from "../../ipc";
import { DeletedActivityNotice } from "./DeletedActivityNotice";
import {
  LEGAL_BASIS_OPTIONS,
  NOT_DECIDED_LABEL,
  parseLegalBasis,
  parseStatus,
  STATUS_OPTIONS,
} from "./labels";
import { useCreateActivity, useDeleteActivity, useUpdateActivity } from "./queries";

interface PurposeItem {
  /** Stable React key; purposes have no id of their own. */
  key: number;
  value: string;
}

interface FormValues {
  name: string;
  description: string;
  purposes: PurposeItem[];
  /** "" stands for "not yet decided" (null). */
  legalBasis: string;
  status: string;
}

type TextField = "name" | "description" | "legalBasis" | "status";

const TOP_LEVEL_FIELDS = new Set(["name", "description", "purposes", "legalBasis", "status"]);
const PURPOSE_FIELD = /^purposes\[(\d+)\]$/;

let nextPurposeKey = 1;
function purposeItem(value: string): PurposeItem {
  nextPurposeKey += 1;
  return { key: nextPurposeKey, value };
}

function valuesFrom(activity: Activity | null): FormValues {
  const purposes = activity?.purposes.length ? activity.purposes : [""];
  return {
    name: activity?.name ?? "",
    description: activity?.description ?? "",
    purposes: purposes.map(purposeItem),
    legalBasis: activity?.legalBasis ?? "",
    status: activity?.status ?? "draft",
  };
}

/** What is compared to decide whether the form has unsaved changes. */
function snapshot(values: FormValues): string {
  return JSON.stringify({ ...values, purposes: values.purposes.map((p) => p.value) });
}

/** Builds the command input: trimmed text, empty trailing purposes dropped. Empty purposes
 *  in the middle are kept so that the server's `purposes[i]` still points at input i. */
export function toActivityInput(values: FormValues): ActivityInput {
  const purposes = values.purposes.map((purpose) => purpose.value.trim());
  while (purposes.length > 0 && purposes[purposes.length - 1] === "") {
    purposes.pop();
  }
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    purposes,
    legalBasis: parseLegalBasis(values.legalBasis),
    status: parseStatus(values.status),
  };
}

export interface ActivityFormProps {
  /** The saved activity when editing; null for a new one. */
  activity: Activity | null;
}

export function ActivityForm({ activity }: ActivityFormProps) {
  const navigate = useNavigate();
  const createMutation = useCreateActivity();
  const updateMutation = useUpdateActivity(activity?.id ?? "");
  const deleteMutation = useDeleteActivity();

  const [values, setValues] = useState<FormValues>(() => valuesFrom(activity));
  const [baseline, setBaseline] = useState(() => snapshot(values));
  const [errors, setErrors] = useState<ServerErrors>(NO_SERVER_ERRORS);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const dirty = snapshot(values) !== baseline;
  const { allowNavigation, unsavedChangesModal } = useUnsavedChangesGuard(dirty);
  const saving = createMutation.isPending || updateMutation.isPending;

  // Moves focus after a render: to a newly added purpose, or to the first input the
  // server complained about.
  useEffect(() => {
    if (!focusTarget || !formRef.current) {
      return;
    }
    const element = formRef.current.querySelector<HTMLElement>(focusTarget);
    element?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  function setField(field: TextField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => withoutFieldError(current, field));
  }

  function setPurpose(index: number, value: string) {
    setValues((current) => ({
      ...current,
      purposes: current.purposes.map((purpose, i) =>
        i === index ? { ...purpose, value } : purpose,
      ),
    }));
    setErrors((current) =>
      withoutFieldError(withoutFieldError(current, `purposes[${index}]`), "purposes"),
    );
  }

  function clearPurposeIndexErrors(current: ServerErrors): ServerErrors {
    const fields = Object.fromEntries(
      Object.entries(current.fields).filter(([field]) => !PURPOSE_FIELD.test(field)),
    );
    return { ...current, fields };
  }

  function addPurpose() {
    const index = values.purposes.length;
    setValues((current) => ({ ...current, purposes: [...current.purposes, purposeItem("")] }));
    setFocusTarget(`[data-testid="activity-purpose-${index}"]`);
  }

  function removePurpose(index: number) {
    setValues((current) => {
      const purposes = current.purposes.filter((_, i) => i !== index);
      return { ...current, purposes: purposes.length > 0 ? purposes : [purposeItem("")] };
    });
    // The indices of the remaining purposes shift, so old per-purpose messages no longer fit.
    setErrors(clearPurposeIndexErrors);
  }

  function hasInput(field: string): boolean {
    if (TOP_LEVEL_FIELDS.has(field)) {
      return true;
    }
    const match = PURPOSE_FIELD.exec(field);
    return match !== null && Number(match[1]) < values.purposes.length;
  }

  function showErrors(error: unknown) {
    const split = splitServerErrors(error, hasInput);
    setErrors(split);
    setFocusTarget(Object.keys(split.fields).length > 0 ? '[aria-invalid="true"]' : null);
  }

  function save() {
    if (saving) {
      return;
    }
    const input = toActivityInput(values);
    if (activity) {
      updateMutation.mutate(input, {
        onSuccess: (saved) => {
          const next = valuesFrom(saved);
          setValues(next);
          setBaseline(snapshot(next));
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
    modals.openConfirmModal({
      title: "Delete activity",
      centered: true,
      children: (
        <Text size="sm">{`Delete '${activity.name}'? You can undo this right after.`}</Text>
      ),
      labels: { confirm: "Delete", cancel: "Cancel" },
      confirmProps: { color: "red", "data-testid": "confirm-delete" },
      onConfirm: () => {
        deleteMutation.mutate(activity.id, {
          onSuccess: (deleted) => {
            allowNavigation();
            navigate("/activities");
            const id = `deleted-${deleted.id}`;
            notifications.show({
              id,
              autoClose: 10_000,
              title: "Activity deleted",
              message: <DeletedActivityNotice activity={deleted} notificationId={id} />,
            });
          },
          onError: (error) => {
            notifications.show({
              color: "red",
              title: "Could not delete",
              message: error instanceof Error ? error.message : String(error),
            });
          },
        });
      },
    });
  }

  useHotkeys([["mod+S", save]], []);

  const purposeIndexErrors = values.purposes.map((_, index) => errors.fields[`purposes[${index}]`]);

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
            <Input.Wrapper
              labelElement="div"
              description="Why you process the data. One purpose per line, e.g. 'Sending the member newsletter'."
              error={errors.fields.purposes}
            >
              <Stack gap="xs" mt="xs">
                {values.purposes.map((purpose, index) => (
                  <Group key={purpose.key} gap="xs" wrap="nowrap" align="flex-start">
                    <TextInput
                      flex={1}
                      aria-label={`Purpose ${index + 1}`}
                      placeholder={index === 0 ? "e.g. Managing memberships and fees" : undefined}
                      value={purpose.value}
                      onChange={(event) => setPurpose(index, event.currentTarget.value)}
                      error={purposeIndexErrors[index]}
                      data-testid={`activity-purpose-${index}`}
                      autoComplete="off"
                    />
                    <CloseButton
                      mt={4}
                      aria-label={`Remove purpose ${index + 1}`}
                      onClick={() => removePurpose(index)}
                      data-testid={`activity-remove-purpose-${index}`}
                    />
                  </Group>
                ))}
                <Group>
                  <Button
                    variant="light"
                    size="xs"
                    onClick={addPurpose}
                    data-testid="activity-add-purpose"
                  >
                    Add purpose
                  </Button>
                </Group>
              </Stack>
            </Input.Wrapper>
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
