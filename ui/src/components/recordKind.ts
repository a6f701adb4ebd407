// What the shared record pages and forms need to know about one kind of record kept in a
// list (processing activities, recipients, ...): its words, its routes, its name and the
// prefix of its test ids, and how its history is asked for and labelled. Each feature
// describes its kind once.
import type { RecordKind as HistoryKind } from "../ipc";
import type { FieldLabels } from "./historyText";

export interface RecordKind<TRecord> {
  /** One record, lower case: "activity" → "Delete activity", "Loading the activity…". */
  noun: string;
  /** Several records, lower case: "activities" → "… to see the activities on record." */
  plural: string;
  /** The list's route and name, e.g. "/activities" and "Processing activities". */
  list: { to: string; label: string };
  /** The record's name as people know it, e.g. an activity's name. */
  nameOf: (record: TRecord) => string;
  /** Prefix of the form's test ids: "activity" → "activity-name", "activity-save". */
  testId: string;
  /** The record's change history, shown at the bottom of its page: the kind's name in
   *  `get_history` and the form's labels by field name (fields without one show their name). */
  history?: { kind: HistoryKind; labels: FieldLabels };
}

/** The route of one record's page, e.g. "/activities/act-1". */
export function recordPath(kind: RecordKind<never>, id: string): string {
  return `${kind.list.to}/${id}`;
}

/** The noun with a capital letter, as at the start of "Activity deleted". */
export function capitalisedNoun(kind: RecordKind<never>): string {
  return kind.noun.charAt(0).toUpperCase() + kind.noun.slice(1);
}
