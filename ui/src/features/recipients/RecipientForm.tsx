// The form for creating and editing one recipient or processor. The server validates;
// this form trims the text, sends empty dates as null, drops empty trailing
// sub-processors, and puts each message the server sends next to the input it names.
// Nothing the user typed is lost on an error.
import { Button, Fieldset, Group, Stack, Text, Textarea } from "@mantine/core";
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
import type { Recipient } from "../../ipc";
import {
  restoreRecipientOptions,
  useCreateRecipient,
  useDeleteRecipient,
  useUpdateRecipient,
} from "./queries";
import { DpaFieldset, OrganisationFieldset, TransfersFieldset } from "./RecipientFieldsets";
import {
  type RecipientFormValues,
  type RecipientTextField,
  recipientFieldHasInput,
  recipientFormValues,
  recipientSnapshot,
  toRecipientInput,
} from "./recipientFormValues";

export interface RecipientFormProps {
  /** The saved recipient when editing; null for a new one. */
  recipient: Recipient | null;
}

export function RecipientForm({ recipient }: RecipientFormProps) {
  const navigate = useNavigate();
  const createMutation = useCreateRecipient();
  const updateMutation = useUpdateRecipient(recipient?.id ?? "");
  const deleteMutation = useDeleteRecipient();

  const [values, setValues] = useState<RecipientFormValues>(() => recipientFormValues(recipient));
  const [baseline, setBaseline] = useState(() => recipientSnapshot(values));
  const [errors, setErrors] = useState<ServerErrors>(NO_SERVER_ERRORS);
  const [focusInvalid, setFocusInvalid] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const dirty = recipientSnapshot(values) !== baseline;
  const { allowNavigation, unsavedChangesModal } = useUnsavedChangesGuard(dirty);
  const saving = createMutation.isPending || updateMutation.isPending;

  // After a failed save, moves focus to the first input the server complained about.
  useEffect(() => {
    if (focusInvalid) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      setFocusInvalid(false);
    }
  }, [focusInvalid]);

  function setField(field: RecipientTextField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => withoutFieldError(current, field));
  }

  function setSubProcessors(subProcessors: TextListItem[], change: TextListChange) {
    setValues((current) => ({ ...current, subProcessors }));
    setErrors((current) => withoutTextListErrors(current, "subProcessors", change));
  }

  function showErrors(error: unknown) {
    const split = splitServerErrors(error, (field) => recipientFieldHasInput(values, field));
    setErrors(split);
    setFocusInvalid(Object.keys(split.fields).length > 0);
  }

  function save() {
    if (saving) {
      return;
    }
    const input = toRecipientInput(values);
    if (recipient) {
      updateMutation.mutate(input, {
        onSuccess: (saved) => {
          const next = recipientFormValues(saved);
          setValues(next);
          setBaseline(recipientSnapshot(next));
          setErrors(NO_SERVER_ERRORS);
          notifications.show({
            color: "teal",
            title: "Saved",
            message: `'${saved.legalName}' is up to date.`,
          });
        },
        onError: showErrors,
      });
    } else {
      createMutation.mutate(input, {
        onSuccess: (created) => {
          setErrors(NO_SERVER_ERRORS);
          allowNavigation();
          navigate(`/recipients/${created.id}`);
          notifications.show({
            color: "teal",
            title: "Saved",
            message: `'${created.legalName}' has been recorded.`,
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
    if (!recipient) {
      return;
    }
    confirmDeletion({
      title: "Delete recipient",
      name: recipient.legalName,
      onConfirm: () =>
        deleteMutation.mutate(recipient.id, {
          onSuccess: (deleted) => {
            allowNavigation();
            navigate("/recipients");
            showDeletedNotification({
              id: deleted.id,
              title: "Recipient deleted",
              name: deleted.legalName,
              restore: restoreRecipientOptions(deleted.id),
            });
          },
          onError: showDeleteFailed,
        }),
    });
  }

  useHotkeys([["mod+S", save]], []);

  const fieldsetProps = { values, errors, setField };

  return (
    <>
      <form ref={formRef} onSubmit={handleSubmit} noValidate aria-label="Recipient">
        <Stack gap="lg" maw={760}>
          <FormErrorAlert messages={errors.general} />

          {values.catalogueId ? (
            <Text size="xs" c="dimmed" data-testid="recipient-catalogue-note">
              {`Created from the processor catalogue entry '${values.catalogueId}'`}
            </Text>
          ) : null}

          <OrganisationFieldset {...fieldsetProps} />
          <DpaFieldset {...fieldsetProps} />

          <Fieldset legend="Sub-processors">
            <TextListInput
              items={values.subProcessors}
              onChange={setSubProcessors}
              itemLabel="Sub-processor"
              addLabel="Add sub-processor"
              testIdPrefix="recipient"
              itemName="subProcessor"
              description="The processors this recipient engages in turn, by name (Art. 28(2) and (4))."
              placeholder="e.g. Amazon Web Services"
              error={errors.fields.subProcessors}
              itemErrors={values.subProcessors.map(
                (_, index) => errors.fields[`subProcessors[${index}]`],
              )}
            />
          </Fieldset>

          <TransfersFieldset {...fieldsetProps} />

          <Fieldset legend="Notes">
            <Textarea
              aria-label="Notes"
              description="Anything else worth knowing, e.g. where the signed agreement is filed."
              autosize
              minRows={3}
              maxRows={12}
              value={values.notes}
              onChange={(event) => setField("notes", event.currentTarget.value)}
              error={errors.fields.notes}
              data-testid="recipient-notes"
            />
          </Fieldset>

          <Group justify="space-between">
            <Group gap="sm">
              <Button type="submit" loading={saving} data-testid="recipient-save">
                Save
              </Button>
              <Button
                variant="default"
                onClick={() => navigate("/recipients")}
                data-testid="recipient-cancel"
              >
                {recipient ? "Back to list" : "Cancel"}
              </Button>
              <Text size="xs" c="dimmed">
                {dirty ? "Unsaved changes · Ctrl+S saves" : "Ctrl+S saves"}
              </Text>
            </Group>
            {recipient ? (
              <Button
                color="red"
                variant="outline"
                onClick={confirmDelete}
                loading={deleteMutation.isPending}
                data-testid="recipient-delete"
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
