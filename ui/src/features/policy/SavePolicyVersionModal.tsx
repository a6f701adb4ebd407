// The dialog that saves the privacy policy as it reads now, e.g. when it is published, with
// an optional note such as where. Enter confirms; the server's message lands under the note,
// and what was typed stays.
import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { FormErrorAlert } from "../../components/FormErrorAlert";
import {
  NO_SERVER_ERRORS,
  type ServerErrors,
  splitServerErrors,
} from "../../components/serverErrors";
import { useSavePolicyVersion } from "./queries";

export interface SavePolicyVersionModalProps {
  opened: boolean;
  onClose: () => void;
}

export function SavePolicyVersionModal({ opened, onClose }: SavePolicyVersionModalProps) {
  const mutation = useSavePolicyVersion();
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<ServerErrors>(NO_SERVER_ERRORS);
  const noteError = errors.fields.note;

  function close() {
    setErrors(NO_SERVER_ERRORS);
    onClose();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) {
      return;
    }
    setErrors(NO_SERVER_ERRORS);
    mutation.mutate(note.trim(), {
      onSuccess: () => {
        notifications.show({
          color: "teal",
          title: "Version saved",
          message: "Saved this version of the policy",
        });
        setNote("");
        close();
      },
      onError: (error) => {
        const split = splitServerErrors(error, (field) => field === "note");
        setErrors(split.fields.note ? { fields: split.fields, general: [] } : split);
      },
    });
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Save this version of the policy"
      data-testid="policy-version-dialog"
    >
      <form onSubmit={handleSubmit} noValidate aria-label="Save this version of the policy">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Save the policy as it reads now, e.g. when you publish it. Steward then shows what
            changes in the draft since this version.
          </Text>
          <FormErrorAlert messages={errors.general} title="Could not save the version" />
          <TextInput
            label="Note"
            description="Optional, e.g. where you published it"
            value={note}
            onChange={(event) => {
              setNote(event.currentTarget.value);
              if (noteError) {
                setErrors((current) => ({ ...current, fields: {} }));
              }
            }}
            error={noteError}
            autoComplete="off"
            data-autofocus
            data-testid="policy-version-note"
          />
          <Group gap="sm">
            <Button type="submit" loading={mutation.isPending} data-testid="policy-version-confirm">
              Save version
            </Button>
            <Button variant="default" onClick={close} data-testid="policy-version-cancel">
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
