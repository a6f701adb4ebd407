// The frame every record form shares: the form element (submitting saves; the server
// validates, so no browser validation), the alert for messages without an input, the notice
// of a record that changed while open, the alert of its conflicts, the fields, the buttons
// at the bottom and the unsaved-changes dialog.
import { Button, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { FormErrorAlert } from "./FormErrorAlert";
import { RecordChangedNotice } from "./RecordChangedNotice";
import type { ListedRecordActions } from "./useListedRecordForm";
import type { RecordFormFrame } from "./useRecordForm";

export interface RecordFormLayoutProps {
  form: RecordFormFrame;
  /** The form's accessible name, e.g. "Processing activity". */
  label: string;
  /** The buttons at the bottom, e.g. <SaveActions form={form} />. */
  actions: ReactNode;
  children: ReactNode;
}

export function RecordFormLayout({ form, label, actions, children }: RecordFormLayoutProps) {
  return (
    <>
      <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate aria-label={label}>
        <Stack gap="lg" maw={760}>
          <FormErrorAlert messages={form.errors.general} />
          <RecordChangedNotice
            change={form.change}
            onClose={form.dismissChange}
            testId={form.testId}
          />
          {form.marksSummary}
          {children}
          {actions}
        </Stack>
      </form>
      {form.unsavedChangesModal}
    </>
  );
}

export interface SaveActionsProps {
  form: Pick<RecordFormFrame, "saving" | "dirty" | "testId">;
  /** Buttons between Save and the hint, e.g. Cancel. */
  children?: ReactNode;
}

/** The Save button (test id `${testId}-save`) and the hint that Ctrl+S saves. */
export function SaveActions({ form, children }: SaveActionsProps) {
  return (
    <Group gap="sm">
      <Button type="submit" loading={form.saving} data-testid={`${form.testId}-save`}>
        Save
      </Button>
      {children}
      <Text size="xs" c="dimmed">
        {form.dirty ? "Unsaved changes · Ctrl+S saves" : "Ctrl+S saves"}
      </Text>
    </Group>
  );
}

export interface ListedRecordFormLayoutProps {
  form: RecordFormFrame & ListedRecordActions;
  /** The form's accessible name, e.g. "Processing activity". */
  label: string;
  children: ReactNode;
}

/** The frame of a form made with useListedRecordForm: Save, Cancel (Back to list once
 *  saved) and, for a saved record, Delete. */
export function ListedRecordFormLayout({ form, label, children }: ListedRecordFormLayoutProps) {
  const actions = (
    <Group justify="space-between">
      <SaveActions form={form}>
        <Button variant="default" onClick={form.backToList} data-testid={`${form.testId}-cancel`}>
          {form.isNew ? "Cancel" : "Back to list"}
        </Button>
      </SaveActions>
      {form.isNew ? null : (
        <Button
          color="red"
          variant="outline"
          onClick={form.confirmDelete}
          loading={form.deleting}
          data-testid={`${form.testId}-delete`}
        >
          Delete
        </Button>
      )}
    </Group>
  );
  return (
    <RecordFormLayout form={form} label={label} actions={actions}>
      {children}
    </RecordFormLayout>
  );
}
