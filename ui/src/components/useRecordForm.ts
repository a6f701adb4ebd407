// The state and saving of one record's form, shared by every form in Steward: the values
// and the baseline they are compared with for unsaved changes, the server's messages placed
// next to the inputs they name (focus moves to the first of them), saving on submit and
// with mod+S, the guard that asks before leaving with unsaved changes, and the undo of the
// last save of an existing record (the "Saved" notification's Undo button, or mod+Z outside
// text inputs, saves the values from before that save again). The server validates; the
// form only places its messages, and nothing typed is lost on an error.
//
// A save sends the base of the record the form was filled from, and the form then takes the
// saved record's base; the undo saves against the base of the record its save returned. A
// record that changes underneath the form is taken in (see liveRecord.ts), and its fields'
// conflicts and values written by a newer Steward are marked beside their inputs (see
// RecordMarks.tsx).
import { useHotkeys } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import type { UseMutationResult } from "@tanstack/react-query";
import {
  type FormEvent,
  type ReactNode,
  type RefObject,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { useNavigate } from "react-router";
import type { RecordRef } from "./conflicts";
import type { BooleanFieldOf, FormFields, TextFieldOf, TextListFieldOf } from "./formFields";
import type { FieldLabels } from "./historyText";
import { type LiveRecord, type RecordChange, useLiveRecord } from "./liveRecord";
import { type InputContainer, useRecordMarks } from "./RecordMarks";
import { baseOf, type SaveRequest } from "./recordBase";
import {
  NO_SERVER_ERRORS,
  type ServerErrors,
  splitServerErrors,
  withoutFieldError,
  withoutListErrors,
} from "./serverErrors";
import { type TextListChange, type TextListItem, withoutTextListErrors } from "./textList";
import { useUnsavedChangesGuard } from "./UnsavedChangesGuard";
import { showSavedWithUndo, undoOnHotkey } from "./undoLastChange";

export interface RecordFormOptions<TValues, TInput, TSaved> {
  /** The values the form starts with; called once, on the first render. */
  initialValues: () => TValues;
  /** The record the form edits, as its query holds it now: its values and the base it was
   *  read at. Absent or null for a new record. */
  record?: LiveRecord<TValues> | null;
  /** Which record it is, for the marks of its conflicts and of the values a newer Steward
   *  wrote; absent or null for a new record. */
  marks?: RecordRef | null;
  /** The form's labels by field, to name the fields in the notices and marks. */
  labels?: FieldLabels;
  /** After the person chose, in the form, to delete the record that another laptop deleted
   *  while this one changed it: e.g. back to the list. */
  afterDelete?: () => void;
  fields: FormFields<TValues>;
  /** Builds the command input from the values: trimmed text and the like. */
  toInput: (values: TValues) => TInput;
  /** The mutation that saves the form: an update, or a create for a new record. It gets the
   *  input and the base the form's record was read at. */
  mutation: UseMutationResult<TSaved, Error, SaveRequest<TInput>>;
  /** After a successful save: stay and show the values of the saved record (an update,
   *  which the "Saved" notification offers to undo), or go to a route (a new record's own
   *  page). */
  afterSave: { showSaved: (saved: TSaved) => TValues } | { goTo: (saved: TSaved) => string };
  /** The message of the "Saved" notification, e.g. "'Newsletter' is up to date." */
  savedMessage: (saved: TSaved) => string;
  /** Prefix of the test ids: "activity" → "activity-name", "activity-save". */
  testId: string;
}

/** Value, change handler, message and test id of the input for one field, and the marks
 *  beside it when it has any (Mantine's `inputContainer`); spread onto a TextInput,
 *  Textarea or NativeSelect. */
export interface FieldBinding {
  value: string;
  onChange: (event: { currentTarget: { value: string } }) => void;
  error: string | undefined;
  "data-testid": string;
  inputContainer?: InputContainer;
}

/** Value, change handler, message, test id and marks of a Select (or a picker built on one,
 *  such as CountrySelect): the form holds "" for "none", the Select null. */
export interface SelectBinding {
  value: string | null;
  onChange: (value: string | null) => void;
  error: string | undefined;
  "data-testid": string;
  inputContainer?: InputContainer;
}

/** State, change handler, message and test id of a Switch or Checkbox. */
export interface CheckedBinding {
  checked: boolean;
  onChange: (event: { currentTarget: { checked: boolean } }) => void;
  error: string | undefined;
  "data-testid": string;
}

/** The props of a TextListInput that come from the form. */
export interface TextListBinding {
  items: TextListItem[];
  onChange: (items: TextListItem[], change: TextListChange) => void;
  error: string | undefined;
  itemErrors: Array<string | undefined>;
  testIdPrefix: string;
  /** The field's marks, shown beside the list's label. */
  marks?: ReactNode;
}

/** What the frame around the fields needs (see RecordFormLayout). */
export interface RecordFormFrame {
  formRef: RefObject<HTMLFormElement | null>;
  handleSubmit: (event: FormEvent<HTMLFormElement>) => void;
  errors: ServerErrors;
  saving: boolean;
  dirty: boolean;
  testId: string;
  unsavedChangesModal: ReactNode;
  /** What changed underneath the form while it was open, for the notice at its top. */
  change: RecordChange | null;
  dismissChange: () => void;
  /** The alert of the record's conflicts and newer values, at the top of the form. */
  marksSummary: ReactNode;
}

/** What the inputs need. */
export interface RecordFormFields<TValues> {
  values: TValues;
  errors: ServerErrors;
  setField: (field: TextFieldOf<TValues>, value: string) => void;
  /** Sets a value of any kind, e.g. the ticked options of a checkbox group, and clears the
   *  server's messages about it and, for a list, about its items. */
  setValue: <K extends keyof TValues & string>(field: K, value: TValues[K]) => void;
  bind: (field: TextFieldOf<TValues>) => FieldBinding;
  bindSelect: (field: TextFieldOf<TValues>) => SelectBinding;
  bindChecked: (field: BooleanFieldOf<TValues>) => CheckedBinding;
  bindTextList: (field: TextListFieldOf<TValues>) => TextListBinding;
  /** The marks of a field whose input is no Mantine input (a Switch, a checkbox group
   *  without a binding): put them beside it. Null when it has none. */
  marksOf: (field: string) => ReactNode;
  /** The wrapper that puts a field's marks beside a Mantine input that has no binding
   *  (spread as `inputContainer`); undefined when it has none. */
  containerOf: (field: string) => InputContainer | undefined;
}

export interface RecordForm<TValues> extends RecordFormFrame, RecordFormFields<TValues> {
  save: () => void;
  /** Lets the next navigation pass the unsaved-changes guard (see UnsavedChangesGuard). */
  allowNavigation: () => void;
}

export function useRecordForm<TValues, TInput, TSaved>({
  initialValues,
  record = null,
  marks: markedRecord = null,
  labels = {},
  afterDelete,
  fields,
  toInput,
  mutation,
  afterSave,
  savedMessage,
  testId,
}: RecordFormOptions<TValues, TInput, TSaved>): RecordForm<TValues> {
  const navigate = useNavigate();
  const saving = mutation.isPending;
  // The values, and those of the record as last loaded or saved: what unsaved changes are
  // compared with, and what an undo of the next save goes back to.
  const live = useLiveRecord({
    initialValues,
    record,
    comparable: fields.comparable,
    labels,
    saving,
  });
  const { values, setValues, savedValues } = live;
  const marks = useRecordMarks({
    record: markedRecord,
    testId,
    labels,
    onSettling: live.expectChange,
    onDeleted: afterDelete,
  });
  const [errors, setErrors] = useState<ServerErrors>(NO_SERVER_ERRORS);
  const [focusInvalid, setFocusInvalid] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const notificationPrefix = `saved-${testId}-${useId()}`;
  const saveCount = useRef(0);
  const lastNotification = useRef<string | null>(null);

  const dirty = fields.snapshot(values) !== fields.snapshot(savedValues);
  const { allowNavigation, unsavedChangesModal } = useUnsavedChangesGuard(dirty);

  // After a failed save, moves focus to the first input the server complained about.
  useEffect(() => {
    if (focusInvalid) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      setFocusInvalid(false);
    }
  }, [focusInvalid]);

  function setField(field: TextFieldOf<TValues>, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => withoutFieldError(current, field));
  }

  function setValue<K extends keyof TValues & string>(field: K, value: TValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => withoutListErrors(current, field));
  }

  function setChecked(field: BooleanFieldOf<TValues>, checked: boolean) {
    setValues((current) => ({ ...current, [field]: checked }));
    setErrors((current) => withoutFieldError(current, field));
  }

  function setTextList(
    field: TextListFieldOf<TValues>,
    items: TextListItem[],
    change: TextListChange,
  ) {
    setValues((current) => ({ ...current, [field]: items }));
    setErrors((current) => withoutTextListErrors(current, field, change));
  }

  /** The marks beside a field's input, only when it has any: an input without marks
   *  renders exactly as before. */
  function container(field: string): { inputContainer?: InputContainer } {
    const inputContainer = marks.containerOf(field);
    return inputContainer ? { inputContainer } : {};
  }

  function bind(field: TextFieldOf<TValues>): FieldBinding {
    return {
      value: values[field] as string,
      onChange: (event) => setField(field, event.currentTarget.value),
      error: errors.fields[field],
      "data-testid": `${testId}-${field}`,
      ...container(field),
    };
  }

  function bindSelect(field: TextFieldOf<TValues>): SelectBinding {
    return {
      value: (values[field] as string) || null,
      onChange: (value) => setField(field, value ?? ""),
      error: errors.fields[field],
      "data-testid": `${testId}-${field}`,
      ...container(field),
    };
  }

  function bindChecked(field: BooleanFieldOf<TValues>): CheckedBinding {
    return {
      checked: values[field] as boolean,
      onChange: (event) => setChecked(field, event.currentTarget.checked),
      error: errors.fields[field],
      "data-testid": `${testId}-${field}`,
    };
  }

  function bindTextList(field: TextListFieldOf<TValues>): TextListBinding {
    const items = values[field] as TextListItem[];
    return {
      items,
      onChange: (next, change) => setTextList(field, next, change),
      error: errors.fields[field],
      itemErrors: items.map((_, index) => errors.fields[`${field}[${index}]`]),
      testIdPrefix: testId,
      marks: marks.marksOf(field),
    };
  }

  function showErrors(error: unknown) {
    const split = splitServerErrors(error, (field) => fields.hasInput(values, field));
    setErrors(split);
    setFocusInvalid(Object.keys(split.fields).length > 0);
  }

  /** Shows a saved record's values in the form, as the values nothing differs from, and
   *  takes its base for the next save. */
  function showRecord(next: TValues, base: string | undefined) {
    live.showSaved(next, base);
    setErrors(NO_SERVER_ERRORS);
  }

  function save() {
    if (saving) {
      return;
    }
    // The record as it was before this save, for the undo.
    const before = savedValues;
    mutation.mutate(
      { input: toInput(values), base: live.base },
      {
        onSuccess: (saved) => {
          setErrors(NO_SERVER_ERRORS);
          if ("goTo" in afterSave) {
            allowNavigation();
            navigate(afterSave.goTo(saved));
            notifications.show({ color: "teal", title: "Saved", message: savedMessage(saved) });
            return;
          }
          const { showSaved } = afterSave;
          const next = showSaved(saved);
          showRecord(next, baseOf(saved));
          if (fields.snapshot(next) === fields.snapshot(before)) {
            // Nothing changed, so there is nothing to undo.
            notifications.show({ color: "teal", title: "Saved", message: savedMessage(saved) });
            return;
          }
          offerUndo(
            { input: toInput(before), base: baseOf(saved) },
            showSaved,
            savedMessage(saved),
          );
        },
        onError: showErrors,
      },
    );
  }

  /** Shows the "Saved" notification whose Undo saves `previous` again (against the base of
   *  the record the save returned) through the same mutation, and shows the restored record
   *  in the form if it is still on screen. */
  function offerUndo(
    previous: SaveRequest<TInput>,
    showSaved: (saved: TSaved) => TValues,
    message: string,
  ) {
    if (lastNotification.current) {
      // Only the latest save of this form can be undone.
      notifications.hide(lastNotification.current);
    }
    saveCount.current += 1;
    const notificationId = `${notificationPrefix}-${saveCount.current}`;
    lastNotification.current = notificationId;
    // mutateAsync settles even if the page has been left; the mutation's own onSuccess
    // refreshes the cached record, its list and its history. The restored record is shown
    // in the same update that ends the save, so that it is never mistaken for a change
    // made elsewhere; once the page is gone, there is no form to show it in.
    const { mutateAsync } = mutation;
    showSavedWithUndo({
      notificationId,
      message,
      undo: () =>
        mutateAsync(previous, {
          onSuccess: (restored) => showRecord(showSaved(restored), baseOf(restored)),
        }),
    });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save();
  }

  useHotkeys([["mod+S", save]], []);
  // Outside text inputs only (checkboxes and buttons included), where mod+Z keeps undoing
  // typing.
  useHotkeys([["mod+Z", undoOnHotkey, { preventDefault: false }]], []);

  return {
    values,
    errors,
    dirty,
    saving,
    testId,
    formRef,
    setField,
    setValue,
    bind,
    bindSelect,
    bindChecked,
    bindTextList,
    save,
    handleSubmit,
    allowNavigation,
    unsavedChangesModal,
    change: live.change,
    dismissChange: live.dismissChange,
    marksSummary: marks.summary,
    marksOf: marks.marksOf,
    containerOf: marks.containerOf,
  };
}
