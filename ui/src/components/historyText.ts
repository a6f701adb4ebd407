// How one change in a record's history reads for people: "Name: 'Old' → 'New'", "Set
// Country to 'US'", "Deleted", with the form's label in place of the field's API name.
import type { HistoryEntry } from "../ipc";

/** The form's labels by field name (the API's camelCase), e.g. { privacyPolicyUrl:
 *  "Privacy policy URL" }. */
export type FieldLabels = Readonly<Record<string, string>>;

/** The form's label of a field, or the field's own name when the form gives none. */
export function fieldLabel(field: string, labels: FieldLabels = {}): string {
  const label = labels[field];
  // typeof: a field named like an Object.prototype member ("constructor") is no label.
  return typeof label === "string" ? label : field;
}

/** How a field's stored value reads for people, e.g. a recipient's name for its id. */
export type FormatValue = (field: string, value: string) => string;

const asStored: FormatValue = (_field, value) => value;

/** What happened, in one line of plain text (rendered as text, never as HTML). */
export function describeChange(
  entry: HistoryEntry,
  labels: FieldLabels = {},
  formatValue: FormatValue = asStored,
): string {
  if (entry.change === "deleted") {
    return "Deleted";
  }
  if (entry.change === "restored") {
    return "Restored";
  }
  const field = entry.field ?? "a field";
  const label = fieldLabel(field, labels);
  const old = entry.old === null ? null : formatValue(field, entry.old);
  const now = entry.new === null ? null : formatValue(field, entry.new);
  if (old === null && now === null) {
    return `${label} left empty`;
  }
  if (old === null) {
    return `Set ${label} to '${now}'`;
  }
  if (now === null) {
    return `Cleared ${label} (was '${old}')`;
  }
  return `${label}: '${old}' → '${now}'`;
}
