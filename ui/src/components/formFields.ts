// Which of a form's values are edited with one input (a text input, textarea, select, switch
// or checkbox), and which with a dynamic list of text inputs (TextListInput). From that the record form derives
// the snapshot it compares for unsaved changes and which server field names have an input
// on screen that can show their message.
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

  return {
    snapshot(values) {
      const compared: Record<string, unknown> = { ...(values as object) };
      for (const field of lists) {
        compared[field] = textListRawValues(items(values, field));
      }
      return JSON.stringify(compared);
    },
    hasInput(values, field) {
      return (
        textFields.has(field) ||
        lists.some((list) => textListHasInput(list, items(values, list).length, field))
      );
    },
  };
}
