// Which of a form's values are edited with one input (a text input, textarea, select, switch
// or checkbox), and which with a dynamic list of text inputs (TextListInput). From that the
// record form derives what it compares, field by field, for unsaved changes and for a
// record that changed underneath it, and which server field names have an input on screen
// that can show their message.
import { type TextListItem, textListHasInput, textListRawValues } from "./textList";

/** The names of the values edited with one text input, textarea or select. */
export type TextFieldOf<TValues> = {
  [K in keyof TValues]: TValues[K] extends string ? K : never;
}[keyof TValues] &
  string;

/** The names of the values edited with one switch or checkbox. */
export type BooleanFieldOf<TValues> = {
  [K in keyof TValues]: TValues[K] extends boolean ? K : never;
}[keyof TValues] &
  string;

/** The names of the values edited with one input of any sort. */
export type InputFieldOf<TValues> = TextFieldOf<TValues> | BooleanFieldOf<TValues>;

/** The names of the values edited with a dynamic list of text inputs. */
export type TextListFieldOf<TValues> = {
  [K in keyof TValues]: TValues[K] extends TextListItem[] ? K : never;
}[keyof TValues] &
  string;

export interface FormFields<TValues> {
  /** The values as compared, by field: a text list as its strings (its items' keys are no
   *  change). Two values of a field are the same when their JSON is. */
  comparable: (values: TValues) => Record<string, unknown>;
  /** What is compared to decide whether the form has unsaved changes. */
  snapshot: (values: TValues) => string;
  /** Whether a server field name (e.g. "name" or "purposes[2]") has an input on screen. */
  hasInput: (values: TValues, field: string) => boolean;
}

/**
 * @param text the values edited with one input each (text or boolean); values not named here
 *   or in `lists` (e.g. an id sent back unchanged) have no input, so their messages go to the
 *   alert.
 * @param lists the values edited with a TextListInput.
 */
export function formFields<TValues>(
  text: readonly InputFieldOf<TValues>[],
  lists: readonly TextListFieldOf<TValues>[] = [],
): FormFields<TValues> {
  const textFields: ReadonlySet<string> = new Set(text);
  const items = (values: TValues, field: TextListFieldOf<TValues>) =>
    values[field] as TextListItem[];

  function comparable(values: TValues): Record<string, unknown> {
    const compared: Record<string, unknown> = { ...(values as object) };
    for (const field of lists) {
      compared[field] = textListRawValues(items(values, field));
    }
    return compared;
  }

  return {
    comparable,
    snapshot: (values) => JSON.stringify(comparable(values)),
    hasInput(values, field) {
      return (
        textFields.has(field) ||
        lists.some((list) => textListHasInput(list, items(values, list).length, field))
      );
    },
  };
}
