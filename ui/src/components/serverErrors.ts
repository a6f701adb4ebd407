// Splits a failed save into messages for individual inputs and messages for the form as
// a whole. The server is the authority on validation; the form only places its messages.
import { StewardError } from "../ipc";

export interface ServerErrors {
  /** Message per field name, e.g. "name" or "purposes[0]". */
  fields: Record<string, string>;
  /** Messages for the alert at the top of the form: the overall message and any field
   *  error whose field has no input on screen. */
  general: string[];
}

export const NO_SERVER_ERRORS: ServerErrors = { fields: {}, general: [] };

/**
 * @param hasInput tells whether a field name has an input on screen that can show the message.
 */
export function splitServerErrors(
  error: unknown,
  hasInput: (field: string) => boolean,
): ServerErrors {
  const steward = StewardError.from(error);
  const fields: Record<string, string> = {};
  const general: string[] = [];
  if (steward.message) {
    general.push(steward.message);
  }
  for (const { field, message } of steward.fields) {
    if (hasInput(field)) {
      fields[field] = fields[field] ? `${fields[field]} ${message}` : message;
    } else if (!general.includes(message)) {
      general.push(message);
    }
  }
  if (general.length === 0 && Object.keys(fields).length === 0) {
    general.push("Saving failed. Please try again.");
  }
  return { fields, general };
}

/** Returns a copy of the errors without the message for one field (once the user edits it). */
export function withoutFieldError(errors: ServerErrors, field: string): ServerErrors {
  if (!(field in errors.fields)) {
    return errors;
  }
  const { [field]: _removed, ...rest } = errors.fields;
  return { ...errors, fields: rest };
}

/** Returns a copy of the errors without the messages about a list value and about any of its
 *  items ("field", "field[0]", …): once the list is changed as a whole, they are stale. */
export function withoutListErrors(errors: ServerErrors, field: string): ServerErrors {
  const stale = (name: string) => name === field || name.startsWith(`${field}[`);
  if (!Object.keys(errors.fields).some(stale)) {
    return errors;
  }
  const fields = Object.fromEntries(Object.entries(errors.fields).filter(([name]) => !stale(name)));
  return { ...errors, fields };
}
