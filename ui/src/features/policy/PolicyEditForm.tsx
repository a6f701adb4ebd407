// The editor of a person's own text in one section of the privacy policy: whether it follows
// the generated text or replaces it, and the text itself, plain (a blank line between
// paragraphs, "- " before each item of a list). The text survives every new draft; saving
// again for the same section changes it. The server's message lands under the text, and
// what was typed stays. Ctrl+Enter saves, Esc cancels; removing the text can be undone from
// the notification that follows. Saving and removing send the base of the text the editor
// was filled from (the draft carries it with each section's text), so that a colleague's
// change made meanwhile is kept as a conflict instead of being overwritten.
import { Button, Group, Paper, Radio, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { showDeletedNotification } from "../../components/deleteWithUndo";
import { FormErrorAlert } from "../../components/FormErrorAlert";
import {
  NO_SERVER_ERRORS,
  type ServerErrors,
  splitServerErrors,
} from "../../components/serverErrors";
import type { PolicyEditMode, SectionEdit } from "../../ipc";
import { restorePolicyEditOptions, useDeletePolicyEdit, useSavePolicyEdit } from "./queries";

export const EDIT_MODE_LABELS: Readonly<Record<PolicyEditMode, string>> = {
  append: "Add after the generated text",
  replace: "Replace the generated text",
};

/** The badge of a section that has a person's text. */
export const EDITED_BADGES: Readonly<Record<PolicyEditMode, string>> = {
  append: "Your text added",
  replace: "Your text replaces the generated text",
};

function isEditMode(value: string): value is PolicyEditMode {
  return value === "append" || value === "replace";
}

export interface PolicyEditFormProps {
  sectionId: string;
  heading: string;
  /** The section's current text, if it has one; the form starts with it. */
  edit: SectionEdit | null;
  /** Closes the editor (after a save or removal, or on Cancel). */
  onClose: () => void;
}

export function PolicyEditForm({ sectionId, heading, edit, onClose }: PolicyEditFormProps) {
  const save = useSavePolicyEdit();
  const remove = useDeletePolicyEdit();
  const [mode, setMode] = useState<PolicyEditMode>(edit?.mode ?? "append");
  const [text, setText] = useState(edit?.text ?? "");
  const [errors, setErrors] = useState<ServerErrors>(NO_SERVER_ERRORS);
  const textError = errors.fields.text;
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    textRef.current?.focus();
  }, []);

  function submit() {
    if (save.isPending) {
      return;
    }
    setErrors(NO_SERVER_ERRORS);
    save.mutate(
      { input: { sectionId, mode, text }, base: edit?.base },
      {
        onSuccess: () => {
          notifications.show({
            color: "teal",
            title: "Saved",
            message: `Saved your text for '${heading}'`,
          });
          onClose();
        },
        onError: (error) => {
          const split = splitServerErrors(error, (field) => field === "text");
          // The message under the text says it all; the alert is for anything else.
          setErrors(split.fields.text ? { fields: split.fields, general: [] } : split);
        },
      },
    );
  }

  function removeText() {
    if (!edit || remove.isPending) {
      return;
    }
    remove.mutate(
      { id: edit.id, base: edit.base },
      {
        onSuccess: (removed) => {
          onClose();
          showDeletedNotification({
            id: removed.id,
            title: "Your text removed",
            name: heading,
            deleted: `Removed your text from '${heading}'`,
            restored: `Your text is back in '${heading}'`,
            undoTestId: "policy-edit-undo",
            restore: restorePolicyEditOptions(removed.id),
          });
        },
        onError: (error) =>
          notifications.show({
            color: "red",
            title: "Could not remove your text",
            message: error.message,
          }),
      },
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.nativeEvent.isComposing) {
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      onClose();
    } else if (
      event.key === "Enter" &&
      (event.ctrlKey || event.metaKey) &&
      event.target instanceof HTMLTextAreaElement
    ) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <Paper withBorder p="md" my="md" radius="md" bg="var(--mantine-color-gray-0)">
      <form
        onSubmit={handleSubmit}
        onKeyDown={handleKeyDown}
        noValidate
        aria-label={`Your text for '${heading}'`}
        data-testid="policy-edit-form"
      >
        <Stack gap="sm">
          <FormErrorAlert messages={errors.general} title="Could not save your text" />
          <Radio.Group
            label="Where your text goes"
            value={mode}
            onChange={(value) => {
              if (isEditMode(value)) {
                setMode(value);
              }
            }}
          >
            <Group gap="lg" mt={4}>
              {(["append", "replace"] as const).map((value) => (
                <Radio
                  key={value}
                  value={value}
                  label={EDIT_MODE_LABELS[value]}
                  data-testid={`policy-edit-mode-${value}`}
                />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            ref={textRef}
            label="Your text"
            description={
              'Separate paragraphs with a blank line; start each line with "- " to make a list. ' +
              "The text is shown exactly as you type it, never as formatting."
            }
            autosize
            minRows={4}
            maxRows={20}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              if (textError) {
                setErrors((current) => ({ ...current, fields: {} }));
              }
            }}
            error={textError}
            data-testid="policy-edit-text"
          />
          <Group gap="sm">
            <Button type="submit" loading={save.isPending} data-testid="policy-edit-save">
              Save text
            </Button>
            <Button variant="default" onClick={onClose} data-testid="policy-edit-cancel">
              Cancel
            </Button>
            {edit ? (
              <Button
                variant="subtle"
                color="red"
                onClick={removeText}
                loading={remove.isPending}
                data-testid="policy-edit-remove"
              >
                Remove your text
              </Button>
            ) : null}
            <Text size="xs" c="dimmed">
              Ctrl+Enter saves · Esc cancels
            </Text>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
