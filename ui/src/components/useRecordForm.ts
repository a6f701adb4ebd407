// The state and saving of one record's form, shared by every form in Steward: the values
// and the baseline they are compared with for unsaved changes, the server's messages placed
// next to the inputs they name (focus moves to the first of them), saving on submit and
// with mod+S, and the guard that asks before leaving with unsaved changes. The server
// validates; the form only places its messages, and nothing typed is lost on an error.
import { useHotkeys } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import type { UseMutationResult } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, type RefObject, useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import type { BooleanFieldOf, FormFields, TextFieldOf, TextListFieldOf } from "./formFields";
import {
  NO_SERVER_ERRORS,
  type ServerErrors,
  splitServerErrors,
  withoutFieldError,
} from "./serverErrors";
import { type TextListChange, type TextListItem, withoutTextListErrors } from "./textList";
import { useUnsavedChangesGuard } from "./UnsavedChangesGuard";

export interface RecordFormOptions<TValues, TInput, TSaved> {
  /** The values the form starts with; called once, on the first render. */
  initialValues: () => TValues;
  fields: FormFields<TValues>;
  /** Builds the command input from the values: trimmed text and the like. */
  toInput: (values: TValues) => TInput;
  /** The mutation that saves the form: an update, or a create for a new record. */
  mutation: UseMutationResult<TSaved, Error, TInput>;
  /** After a successful save: stay and show the values of the saved record, or go to a
   *  route (a new record's own page). */
  afterSave: { showSaved: (saved: TSaved) => TValues } | { goTo: (saved: TSaved) => string };
  /** The message of the "Saved" notification, e.g. "'Newsletter' is up to date." */
  savedMessage: (saved: TSaved) => string;
  /** Prefix of the test ids: "activity" → "activity-name", "activity-save". */
  testId: string;
}

/** Value, change handler, message and test id of the input for one field; spread onto a
 *  TextInput, Textarea or NativeSelect. */
export interface FieldBinding {
  value: string;
  onChange: (event: { currentTarget: { value: string } }) => void;
  error: string | undefined;
  "data-testid": string;
}

/** Value, change handler, message and test id of a Select (or a picker built on one, such as
 *  CountrySelect): the form holds "" for "none", the Select null. */
export interface SelectBinding {
  value: string | null;
  onChange: (value: string | null) => void;
  error: string | undefined;
  "data-testid": string;
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
}

/** What the inputs need. */
export interface RecordFormFields<TValues> {
  values: TValues;
  errors: ServerErrors;
  setField: (field: TextFieldOf<TValues>, value: string) => void;
  bind: (field: TextFieldOf<TValues>) => FieldBinding;
  bindSelect: (field: TextFieldOf<TValues>) => SelectBinding;
  bindChecked: (field: BooleanFieldOf<TValues>) => CheckedBinding;
  bindTextList: (field: TextListFieldOf<TValues>) => TextListBinding;
}

export interface RecordForm<TValues> extends RecordFormFrame, RecordFormFields<TValues> {
  save: () => void;
  /** Lets the next navigation pass the unsaved-changes guard (see UnsavedChangesGuard). */
  allowNavigation: () => void;
}

export function useRecordForm<TValues, TInput, TSaved>({
  initialValues,
  fields,
  toInput,
  mutation,
  afterSave,
  savedMessage,
  testId,
}: RecordFormOptions<TValues, TInput, TSaved>): RecordForm<TValues> {
  const navigate = useNavigate();
  const [values, setValues] = useState<TValues>(initialValues);
  const [baseline, setBaseline] = useState(() => fields.snapshot(values));
  const [errors, setErrors] = useState<ServerErrors>(NO_SERVER_ERRORS);
  const [focusInvalid, setFocusInvalid] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const dirty = fields.snapshot(values) !== baseline;
  const { allowNavigation, unsavedChangesModal } = useUnsavedChangesGuard(dirty);
  const saving = mutation.isPending;

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

  function bind(field: TextFieldOf<TValues>): FieldBinding {
    return {
      value: values[field] as string,
      onChange: (event) => setField(field, event.currentTarget.value),
      error: errors.fields[field],
      "data-testid": `${testId}-${field}`,
    };
  }

  function bindSelect(field: TextFieldOf<TValues>): SelectBinding {
    return {
      value: (values[field] as string) || null,
      onChange: (value) => setField(field, value ?? ""),
      error: errors.fields[field],
      "data-testid": `${testId}-${field}`,
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
    };
  }

  function showErrors(error: unknown) {
    const split = splitServerErrors(error, (field) => fields.hasInput(values, field));
    setErrors(split);
    setFocusInvalid(Object.keys(split.fields).length > 0);
  }

  function save() {
    if (saving) {
      return;
    }
    mutation.mutate(toInput(values), {
      onSuccess: (saved) => {
        setErrors(NO_SERVER_ERRORS);
        if ("goTo" in afterSave) {
          allowNavigation();
          navigate(afterSave.goTo(saved));
        } else {
          const next = afterSave.showSaved(saved);
          setValues(next);
          setBaseline(fields.snapshot(next));
        }
        notifications.show({ color: "teal", title: "Saved", message: savedMessage(saved) });
      },
      onError: showErrors,
    });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save();
  }

  useHotkeys([["mod+S", save]], []);

  return {
    values,
    errors,
    dirty,
    saving,
    testId,
    formRef,
    setField,
    bind,
    bindSelect,
    bindChecked,
    bindTextList,
    save,
    handleSubmit,
    allowNavigation,
    unsavedChangesModal,
  };
}
