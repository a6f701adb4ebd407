// What a save or a delete of an existing record sends besides the record: the `base` it was
// read at, the version the person saw. The back end then writes only what the person
// changed, and a field a colleague changed meanwhile (on another laptop, through a sync)
// becomes a conflict for a person to settle instead of being overwritten. Every mutation
// that changes an existing record takes one of these, so no form can forget its base.

/** A save: the command input, and the base of the record the form was filled from
 *  (`undefined` for a new record, or one read without a base). */
export interface SaveRequest<TInput> {
  input: TInput;
  base: string | undefined;
}

/** A delete: the record's id, and the base it was read at. */
export interface DeleteRequest {
  id: string;
  base: string | undefined;
}

/** The base a record was read at, if it carries one. Every record the back end returns
 *  does, and so do the summaries the screens act on (a policy section's own text, a
 *  finding's acknowledgement); documents read without bases, and a record without one is
 *  saved against the register as it is now. */
export function baseOf(record: unknown): string | undefined {
  if (
    typeof record === "object" &&
    record !== null &&
    "base" in record &&
    typeof record.base === "string"
  ) {
    return record.base;
  }
  return undefined;
}

/** The delete request for a record as it was read. */
export function deleteRequest(record: { id: string } & object): DeleteRequest {
  return { id: record.id, base: baseOf(record) };
}
