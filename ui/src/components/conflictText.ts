// The words of a conflict, shared by the sync page's review and the marks in a record's own
// form: how a competing value reads as text, which conflicts are a delete against an edit,
// and when a person may write a value of their own instead of picking one.
import type { Conflict, ConflictValue } from "../ipc";

/** The field of a conflict between a delete and edits made elsewhere. */
export const DELETED_FIELD = "$deleted";

/** A conflict's key in a list: one per record and field. */
export function conflictKey(conflict: Pick<Conflict, "record" | "recordId" | "field">): string {
  return `${conflict.record}\u0000${conflict.recordId}\u0000${conflict.field}`;
}

/** A value as plain text (rendered as text, never as HTML): a string as it is, null as
 *  "(empty)", a list joined with commas, a yes/no, anything else as JSON. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) {
    return "(empty)";
  }
  if (typeof value === "string") {
    return value === "" ? "(empty)" : value;
  }
  if (typeof value === "boolean") {
    return value ? "Yes" : "No";
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? "(empty)" : value.map(listItemText).join(", ");
  }
  return JSON.stringify(value);
}

function listItemText(item: unknown): string {
  return typeof item === "string" ? item : JSON.stringify(item);
}

/** Whether a person may write a value of their own instead: only for text fields, where
 *  every competing value is a string or empty. */
export function acceptsWrittenValue(values: readonly ConflictValue[]): boolean {
  return values.every(({ value }) => value === null || typeof value === "string");
}

/** What a written value is sent as: the text, or null when it is empty. */
export function writtenValue(text: string): string | null {
  return text === "" ? null : text;
}
