// The form of a record kept in a list (a processing activity, a recipient, ...). On top of
// useRecordForm it creates a new record and opens its page, or updates the record on
// screen, and deletes it after confirmation, returning to the list with an undo
// notification. A feature passes its kind, its values and its queries; it renders only
// its fields (see ListedRecordFormLayout). The update and the delete carry the base of the
// record on screen; a record that changes underneath is taken in (see liveRecord.ts), and
// its conflicts are marked (see RecordMarks.tsx).
import type { UseMutationOptions, UseMutationResult } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { confirmDeletion, showDeletedNotification, showDeleteFailed } from "./deleteWithUndo";
import type { FormFields } from "./formFields";
import { baseOf, type DeleteRequest, type SaveRequest } from "./recordBase";
import { capitalisedNoun, type RecordKind, recordPath } from "./recordKind";
import { type RecordForm, useRecordForm } from "./useRecordForm";

export interface ListedRecordFormOptions<TRecord extends { id: string }, TValues, TInput> {
  kind: RecordKind<TRecord>;
  /** The saved record when editing, as its query holds it now (a refetch brings a record
   *  changed elsewhere); null for a new one. */
  record: TRecord | null;
  /** The form's values for a saved record, or for a new one (null). */
  valuesOf: (record: TRecord | null) => TValues;
  fields: FormFields<TValues>;
  /** Builds the command input from the values: trimmed text and the like. */
  toInput: (values: TValues) => TInput;
  create: UseMutationResult<TRecord, Error, SaveRequest<TInput>>;
  /** Updates the record on screen (unused for a new one). */
  update: UseMutationResult<TRecord, Error, SaveRequest<TInput>>;
  /** Deletes a record by id, as read at its base. */
  remove: UseMutationResult<TRecord, Error, DeleteRequest>;
  /** Restores a deleted record; the notification's Undo button runs it. */
  restore: (id: string) => UseMutationOptions<TRecord, Error, void>;
}

/** What the buttons at the bottom of the form need (see ListedRecordFormLayout). */
export interface ListedRecordActions {
  /** True for a record that has not been saved yet. */
  isNew: boolean;
  deleting: boolean;
  /** Asks, then deletes the record and returns to the list. */
  confirmDelete: () => void;
  /** Returns to the list (asking first if there are unsaved changes). */
  backToList: () => void;
}

export type ListedRecordForm<TValues> = RecordForm<TValues> & ListedRecordActions;

export function useListedRecordForm<TRecord extends { id: string }, TValues, TInput>({
  kind,
  record,
  valuesOf,
  fields,
  toInput,
  create,
  update,
  remove,
  restore,
}: ListedRecordFormOptions<TRecord, TValues, TInput>): ListedRecordForm<TValues> {
  const navigate = useNavigate();
  const form = useRecordForm({
    initialValues: () => valuesOf(record),
    record: record ? { base: baseOf(record), values: () => valuesOf(record) } : null,
    marks: record && kind.history ? { kind: kind.history.kind, id: record.id } : null,
    labels: kind.history?.labels,
    // Deleted from its own form (settling a delete made on another laptop): back to the list.
    afterDelete: () => {
      form.allowNavigation();
      navigate(kind.list.to);
    },
    fields,
    toInput,
    mutation: record ? update : create,
    afterSave: record
      ? { showSaved: valuesOf }
      : { goTo: (created: TRecord) => recordPath(kind, created.id) },
    savedMessage: (saved) =>
      record
        ? `'${kind.nameOf(saved)}' is up to date.`
        : `'${kind.nameOf(saved)}' has been recorded.`,
    testId: kind.testId,
  });

  function confirmDelete() {
    if (!record) {
      return;
    }
    confirmDeletion({
      title: `Delete ${kind.noun}`,
      name: kind.nameOf(record),
      onConfirm: () =>
        // The base of the record as the form shows it: a colleague's edit that the person
        // has not seen keeps the record, as an edit-against-delete conflict.
        remove.mutate(
          { id: record.id, base: baseOf(record) },
          {
            onSuccess: (deleted) => {
              form.allowNavigation();
              navigate(kind.list.to);
              showDeletedNotification({
                id: deleted.id,
                title: `${capitalisedNoun(kind)} deleted`,
                name: kind.nameOf(deleted),
                restore: restore(deleted.id),
              });
            },
            onError: showDeleteFailed,
          },
        ),
    });
  }

  return {
    ...form,
    isNew: record === null,
    deleting: remove.isPending,
    confirmDelete,
    backToList: () => navigate(kind.list.to),
  };
}
