// The state and saving of the small form in an activity part's dialog (a purpose, a
// transfer, ...). Like useRecordForm, it keeps the values and the baseline they are
// compared with for unsaved changes, places the server's messages next to the inputs they
// name (focus moves to the first of them) and keeps everything typed on an error. Unlike
// it, it neither guards navigation nor binds Ctrl+S to the whole page: the dialog sits on
// the activity's page, whose own form owns those. Like it, it saves against the base of the
// row it was filled from, takes in the row when it changes underneath the dialog (see
// liveRecord.ts) and marks the row's conflicts (see RecordMarks.tsx): the two engines share
// that machinery.
import { notifications } from "@mantine/notifications";
import type { UseMutationResult } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, type RefObject, useEffect, useRef, useState } from "react";
import type { RecordRef } from "../../../components/conflicts";
import type { BooleanFieldOf, TextFieldOf } from "../../../components/formFields";
import type { FieldLabels } from "../../../components/historyText";
import { type LiveRecord, type RecordChange, useLiveRecord } from "../../../components/liveRecord";
import { type InputContainer, useRecordMarks } from "../../../components/RecordMarks";
import { baseOf, type SaveRequest } from "../../../components/recordBase";
import {
  NO_SERVER_ERRORS,
  type ServerErrors,
  splitServerErrors,
  withoutFieldError,
} from "../../../components/serverErrors";
import type {
  CheckedBinding,
  FieldBinding,
  SelectBinding,
} from "../../../components/useRecordForm";

/** Which of a part form's values have an input on screen. */
export interface PartFields<TValues> {
  /** The values edited with one input each. */
  inputs: readonly (keyof TValues & string)[];
  /** The values that are lists edited with one input (a tags input): the server's
   *  `field[i]` messages show on that input. */
  lists?: readonly (keyof TValues & string)[];
  /** Whether the input of a field is shown for these values (some appear only for a
   *  legal basis or a role); messages for hidden inputs go to the alert. All by default. */
  shown?: (values: TValues, field: string) => boolean;
}

/** Value, change handler, message and test id of an input that takes the value itself
 *  (a vocabulary picker, a tags input). */
export interface ValueBinding<T> {
  value: T;
  onChange: (value: T) => void;
  error: string | undefined;
  "data-testid": string;
  /** The field's marks beside the input, when it has any. */
  inputContainer?: InputContainer;
}

export interface PartFormOptions<TValues, TInput, TSaved> {
  initialValues: () => TValues;
  /** The row the dialog edits, as the activity's list holds it now: its values and the base
   *  it was read at. Absent or null for a new row. */
  record?: LiveRecord<TValues> | null;
  /** Which row it is, for the marks of its conflicts; absent or null for a new row. */
  marks?: RecordRef | null;
  /** The form's labels by field, to name the fields in the notices and marks. */
  labels?: FieldLabels;
  /** After the person chose, in the dialog, to delete the row that another laptop deleted
   *  while this one changed it: e.g. closing the dialog. */
  afterDelete?: () => void;
  fields: PartFields<TValues>;
  toInput: (values: TValues) => TInput;
  /** Creates or updates the row; gets the input and the base the row was read at. */
  mutation: UseMutationResult<TSaved, Error, SaveRequest<TInput>>;
  /** The "Saved" notification's message. */
  savedMessage: (saved: TSaved) => string;
  /** After the save and its notification, e.g. closing the dialog. */
  onSaved: (saved: TSaved) => void;
  /** Prefix of the test ids: "transfer" → "transfer-country", "transfer-save". */
  testId: string;
}

export interface PartForm<TValues> {
  values: TValues;
  errors: ServerErrors;
  dirty: boolean;
  saving: boolean;
  testId: string;
  formRef: RefObject<HTMLFormElement | null>;
  setValue: <K extends keyof TValues & string>(field: K, value: TValues[K]) => void;
  bind: (field: TextFieldOf<TValues>) => FieldBinding;
  bindSelect: (field: TextFieldOf<TValues>) => SelectBinding;
  bindChecked: (field: BooleanFieldOf<TValues>) => CheckedBinding;
  bindValue: <K extends keyof TValues & string>(field: K) => ValueBinding<TValues[K]>;
  save: () => void;
  handleSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** What changed underneath the dialog while it was open. */
  change: RecordChange | null;
  dismissChange: () => void;
  /** The alert of the row's conflicts, at the top of the dialog's form. */
  marksSummary: ReactNode;
  /** The marks of a field whose input is no Mantine input (a Switch); null if none. */
  marksOf: (field: string) => ReactNode;
}

function isListItem(lists: readonly string[], field: string): string | undefined {
  const match = /^(.*)\[\d+\]$/.exec(field);
  return match && lists.includes(match[1] ?? "") ? match[1] : undefined;
}

/** A part form's values are strings, booleans and lists of strings: each field compares as
 *  it is. */
function comparable<TValues>(values: TValues): Record<string, unknown> {
  return { ...(values as object) };
}

export function usePartForm<TValues, TInput, TSaved>({
  initialValues,
  record = null,
  marks: markedRecord = null,
  labels = {},
  afterDelete,
  fields,
  toInput,
  mutation,
  savedMessage,
  onSaved,
  testId,
}: PartFormOptions<TValues, TInput, TSaved>): PartForm<TValues> {
  const saving = mutation.isPending;
  const live = useLiveRecord({ initialValues, record, comparable, labels, saving });
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
  const lists: readonly string[] = fields.lists ?? [];
  const dirty = JSON.stringify(values) !== JSON.stringify(savedValues);

  useEffect(() => {
    if (focusInvalid) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      setFocusInvalid(false);
    }
  }, [focusInvalid]);

  function setValue<K extends keyof TValues & string>(field: K, value: TValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      let next = withoutFieldError(current, field);
      for (const name of Object.keys(next.fields)) {
        if (isListItem([field], name)) next = withoutFieldError(next, name);
      }
      return next;
    });
  }

  /** The messages for a field, with those for its items if it is a list. */
  function errorOf(field: string): string | undefined {
    const messages = Object.entries(errors.fields)
      .filter(([name]) => name === field || isListItem([field], name) === field)
      .map(([, message]) => message);
    return messages.length > 0 ? messages.join(" ") : undefined;
  }

  function binding(field: string) {
    return { error: errorOf(field), "data-testid": `${testId}-${field}` };
  }

  /** The binding of a Mantine input, with the field's marks beside it. Only an input with
   *  marks gets a container: the others render exactly as before. */
  function inputBinding(field: string) {
    const inputContainer = marks.containerOf(field);
    return { ...binding(field), ...(inputContainer ? { inputContainer } : {}) };
  }

  function bind(field: TextFieldOf<TValues>): FieldBinding {
    return {
      value: values[field] as string,
      onChange: (event) => setValue(field, event.currentTarget.value as TValues[typeof field]),
      ...inputBinding(field),
    };
  }

  function bindSelect(field: TextFieldOf<TValues>): SelectBinding {
    return {
      value: (values[field] as string) || null,
      onChange: (value) => setValue(field, (value ?? "") as TValues[typeof field]),
      ...inputBinding(field),
    };
  }

  function bindChecked(field: BooleanFieldOf<TValues>): CheckedBinding {
    return {
      checked: values[field] as boolean,
      onChange: (event) => setValue(field, event.currentTarget.checked as TValues[typeof field]),
      ...binding(field),
    };
  }

  function bindValue<K extends keyof TValues & string>(field: K): ValueBinding<TValues[K]> {
    return {
      value: values[field],
      onChange: (value) => setValue(field, value),
      ...inputBinding(field),
    };
  }

  function hasInput(field: string): boolean {
    const name = isListItem(lists, field) ?? field;
    const known = fields.inputs.includes(name as keyof TValues & string) || lists.includes(name);
    return known && (fields.shown?.(values, name) ?? true);
  }

  function save() {
    if (saving) {
      return;
    }
    mutation.mutate(
      { input: toInput(values), base: live.base },
      {
        onSuccess: (saved) => {
          setErrors(NO_SERVER_ERRORS);
          // The saved row is the dialog's own: its base is no change made elsewhere.
          live.showSaved(values, baseOf(saved));
          notifications.show({ color: "teal", title: "Saved", message: savedMessage(saved) });
          onSaved(saved);
        },
        onError: (error) => {
          const split = splitServerErrors(error, hasInput);
          setErrors(split);
          setFocusInvalid(Object.keys(split.fields).length > 0);
        },
      },
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save();
  }

  return {
    values,
    errors,
    dirty,
    saving,
    testId,
    formRef,
    setValue,
    bind,
    bindSelect,
    bindChecked,
    bindValue,
    save,
    handleSubmit,
    change: live.change,
    dismissChange: live.dismissChange,
    marksSummary: marks.summary,
    marksOf: marks.marksOf,
  };
}
