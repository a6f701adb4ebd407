// The state behind a dynamic list of text inputs (an activity's purposes, a recipient's
// sub-processors): items with stable keys, the values sent to the server, and the
// bookkeeping of the server's per-item messages ("purposes[2]").
import { type ServerErrors, withoutFieldError } from "./serverErrors";

export interface TextListItem {
  /** Stable React key; the values have no id of their own. */
  key: number;
  value: string;
}

/** What happened to the list, so that a form can drop the messages that no longer fit. */
export type TextListChange =
  | { kind: "edit"; index: number }
  | { kind: "add" }
  | { kind: "remove"; index: number };

let nextKey = 1;

export function textListItem(value: string): TextListItem {
  nextKey += 1;
  return { key: nextKey, value };
}

/** The items for a list of values; always at least one (empty) input to type into. */
export function textListItems(values: readonly string[]): TextListItem[] {
  return (values.length > 0 ? values : [""]).map(textListItem);
}

/** The values only, as compared to decide whether a form has unsaved changes. */
export function textListRawValues(items: readonly TextListItem[]): string[] {
  return items.map((item) => item.value);
}

/** The values for the command input: trimmed, empty trailing ones dropped. Empty values in
 *  the middle are kept so that the server's `field[i]` still points at input i. */
export function textListValues(items: readonly TextListItem[]): string[] {
  const values = items.map((item) => item.value.trim());
  while (values.length > 0 && values[values.length - 1] === "") {
    values.pop();
  }
  return values;
}

function itemPattern(field: string): RegExp {
  return new RegExp(`^${field.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\[(\\d+)\\]$`);
}

/** Whether `name` is `field` itself or `field[i]` for an input that is on screen. */
export function textListHasInput(field: string, count: number, name: string): boolean {
  if (name === field) {
    return true;
  }
  const match = itemPattern(field).exec(name);
  return match !== null && Number(match[1]) < count;
}

/** Drops the messages a change makes stale: editing item i clears `field[i]` and `field`;
 *  adding or removing shifts nothing or everything, so removing clears all `field[i]`. */
export function withoutTextListErrors(
  errors: ServerErrors,
  field: string,
  change: TextListChange,
): ServerErrors {
  if (change.kind === "edit") {
    return withoutFieldError(withoutFieldError(errors, `${field}[${change.index}]`), field);
  }
  if (change.kind === "add") {
    return errors;
  }
  const pattern = itemPattern(field);
  const fields = Object.fromEntries(
    Object.entries(errors.fields).filter(([name]) => !pattern.test(name)),
  );
  return { ...errors, fields };
}
