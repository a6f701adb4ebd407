// The state and saving of one record's form, shared by every form in Steward: the values
// and the baseline they are compared with for unsaved changes, the server's messages placed
// next to the inputs they name (focus moves to the first of them), saving on submit and
// with mod+S, the guard that asks before leaving with unsaved changes, and the undo of the
// last save of an existing record (the "Saved" notification's Undo button, or mod+Z outside
// text inputs, saves the values from before that save again). The server validates; the
// form only places its messages, and nothing typed is lost on an error.
import { useHotkeys } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import type { UseMutationResult } from "@tanstack/react-query";
import {
  type FormEvent,
  type ReactNode,
  type RefObject,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { useNavigate } from "react-router";
import type { BooleanFieldOf, FormFields, TextFieldOf, TextListFieldOf } from "./formFields";
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
  fields: FormFields<TValues>;
  /** Builds the command input from the values: trimmed text and the like. */
  toInput: (values: TValues) => TInput;
  /** The mutation that saves the form: an update, or a create for a new record. */
  mutation: UseMutationResult<TSaved, Error, TInput>;
  /** After a successful save: stay and show the values of the saved record (an update,
   *  which the "Saved" notification offers to undo), or go to a route (a new record's own
   *  page). */
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
  /** Sets a value of any kind, e.g. the ticked options of a checkbox group, and clears the
   *  server's messages about it and, for a list, about its items. */
  setValue: <K extends keyof TValues & string>(field: K, value: TValues[K]) => void;
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
  // The values of the record as last loaded or saved: what unsaved changes are compared
  // with, and what an undo of the next save goes back to.
  const [savedValues, setSavedValues] = useState<TValues>(() => values);
  const baseline = useMemo(() => fields.snapshot(savedValues), [fields, savedValues]);
  const [errors, setErrors] = useState<ServerErrors>(NO_SERVER_ERRORS);
  const [focusInvalid, setFocusInvalid] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const notificationPrefix = `saved-${testId}-${useId()}`;
  const saveCount = useRef(0);
  const lastNotification = useRef<string | null>(null);

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

  /** Shows a saved record's values in the form, as the values nothing differs from. */
  function showRecord(next: TValues) {
    setValues(next);
    setSavedValues(next);
    setErrors(NO_SERVER_ERRORS);
  }

  function save() {
    if (saving) {
      return;
    }
    // The record as it was before this save, for the undo.
    const before = savedValues;
    mutation.mutate(toInput(values), {
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
        showRecord(next);
        if (fields.snapshot(next) === fields.snapshot(before)) {
          // Nothing changed, so there is nothing to undo.
          notifications.show({ color: "teal", title: "Saved", message: savedMessage(saved) });
          return;
        }
        offerUndo(toInput(before), showSaved, savedMessage(saved));
      },
      onError: showErrors,
    });
  }

  /** Shows the "Saved" notification whose Undo saves `previous` again through the same
   *  mutation and shows the restored record in the form (if it is still on screen). */
  function offerUndo(previous: TInput, showSaved: (saved: TSaved) => TValues, message: string) {
    if (lastNotification.current) {
      // Only the latest save of this form can be undone.
      notifications.hide(lastNotification.current);
    }
    saveCount.current += 1;
    const notificationId = `${notificationPrefix}-${saveCount.current}`;
    lastNotification.current = notificationId;
    // mutateAsync settles even if the page has been left; the mutation's own onSuccess
    // refreshes the cached record, its list and its history.
    const { mutateAsync } = mutation;
    showSavedWithUndo({
      notificationId,
      message,
      undo: () =>
        mutateAsync(previous).then((restored) => {
          showRecord(showSaved(restored));
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
  };
}
