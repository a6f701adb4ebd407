// The values of a record's form while the register changes underneath it, shared by both
// form engines (useRecordForm and the activity parts' usePartForm). A form keeps the values
// typed, the values of the record as last loaded or saved (what unsaved changes are compared
// with), and the base to send with the next save (see recordBase.ts).
//
// When the record's query brings it with another base (a sync, an import, another window, an
// undo), the form takes it in: a form the person has not touched shows the new record and
// adopts its base; in a touched form the untouched fields take the new values, the touched
// ones stay as typed, and the form keeps the base it had when the editing started, so that
// the back end keeps a colleague's change to a touched field as a conflict instead of
// overwriting it. Either way the form says what changed (see RecordChangedNotice).
import { type Dispatch, type SetStateAction, useState } from "react";
import { type FieldLabels, fieldLabel } from "./historyText";

/** The record a form edits, as its query holds it now. */
export interface LiveRecord<TValues> {
  /** The base the record was read at. */
  base: string | undefined;
  /** The form's values for the record; only called when the base changes. */
  values: () => TValues;
}

/** What changed underneath a form, for the notice. */
export interface RecordChange {
  /** The labels of the fields that changed elsewhere. */
  changed: string[];
  /** Whether the person had changed the form, whose own values were kept. */
  kept: boolean;
  /** The labels of the fields the person changed that were also changed elsewhere: saving
   *  keeps both values as a conflict. */
  both: string[];
}

export interface LiveRecordOptions<TValues> {
  /** The values the form starts with; called once, on the first render. */
  initialValues: () => TValues;
  /** The record as its query holds it now; null for a new record, which nothing changes. */
  record: LiveRecord<TValues> | null;
  /** The values as compared, by field (see FormFields.comparable). */
  comparable: (values: TValues) => Record<string, unknown>;
  /** The form's labels by field, to name the fields that changed. */
  labels: FieldLabels;
  /** Whether the form's own save (or its undo) is under way: the record it brings back is
   *  the form's own, and the save shows it. */
  saving: boolean;
}

export interface LiveRecordState<TValues> {
  values: TValues;
  setValues: Dispatch<SetStateAction<TValues>>;
  /** The values of the record as last loaded, taken in or saved. */
  savedValues: TValues;
  /** The base to send with the next save. */
  base: string | undefined;
  /** Shows a saved record (after a save or its undo): its values, as the values nothing
   *  differs from, and its base; what changed before no longer matters. */
  showSaved: (values: TValues, base: string | undefined) => void;
  /** What changed underneath the form since the person last looked; null if nothing. */
  change: RecordChange | null;
  dismissChange: () => void;
  /** The next change of these fields is the person's own doing (they settled a conflict in
   *  this form) and needs no notice. */
  expectChange: (fields: readonly string[]) => void;
}

const NO_FIELDS: ReadonlySet<string> = new Set();

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...a, ...b.filter((item) => !a.includes(item))];
}

export function useLiveRecord<TValues>({
  initialValues,
  record,
  comparable,
  labels,
  saving,
}: LiveRecordOptions<TValues>): LiveRecordState<TValues> {
  const [values, setValues] = useState<TValues>(initialValues);
  const [savedValues, setSavedValues] = useState<TValues>(() => values);
  // The base of the record whose values `savedValues` are.
  const [seenBase, setSeenBase] = useState<string | undefined>(record?.base);
  // Every base the form has shown: one that comes back is an older read arriving late (a
  // base names the changes it includes, so a new version always has a new one).
  const [known, setKnown] = useState<ReadonlySet<string | undefined>>(
    () => new Set([record?.base]),
  );
  // The base kept while the person edits a record that changed meanwhile: what they saw when
  // they started. null when the form saves against the record it shows.
  const [heldBase, setHeldBase] = useState<{ base: string | undefined } | null>(null);
  const [change, setChange] = useState<RecordChange | null>(null);
  // The fields whose next change the person made from this form (settling a conflict).
  const [expected, setExpected] = useState<ReadonlySet<string>>(NO_FIELDS);

  // A record that arrives with another base is taken in during the render (React's way of
  // adjusting state to a changed prop), so the form never shows it half taken in.
  if (record && !known.has(record.base) && !saving) {
    const incoming = record.values();
    const now = comparable(incoming);
    const before = comparable(savedValues);
    const current = comparable(values);
    const fields = union(Object.keys(before), Object.keys(now));
    const changed = fields.filter((field) => !same(before[field], now[field]));
    const touched = fields.filter((field) => !same(before[field], current[field]));
    const merged = { ...(incoming as object) } as Record<string, unknown>;
    for (const field of touched) {
      merged[field] = (values as Record<string, unknown>)[field];
    }
    const both = touched.filter(
      (field) => changed.includes(field) && !same(now[field], current[field]),
    );
    const noticed = changed.filter((field) => !expected.has(field));

    setExpected(NO_FIELDS);
    setKnown(new Set([...known, record.base]));
    setSeenBase(record.base);
    setSavedValues(incoming);
    setValues(merged as TValues);
    if (touched.length === 0) {
      setHeldBase(null);
    } else if (heldBase === null) {
      setHeldBase({ base: seenBase });
    }
    if (noticed.length > 0) {
      const label = (field: string) => fieldLabel(field, labels);
      setChange((previous) => ({
        changed: union(previous?.changed ?? [], noticed.map(label)),
        kept: touched.length > 0,
        both: union(previous?.both ?? [], both.map(label)),
      }));
    }
  }

  function showSaved(next: TValues, base: string | undefined) {
    setKnown((current) => new Set([...current, base]));
    setValues(next);
    setSavedValues(next);
    setSeenBase(base);
    setHeldBase(null);
    setChange(null);
  }

  return {
    values,
    setValues,
    savedValues,
    base: heldBase ? heldBase.base : seenBase,
    showSaved,
    change,
    dismissChange: () => setChange(null),
    expectChange: (fields) => setExpected((current) => new Set([...current, ...fields])),
  };
}

/** The fields as a list in a sentence: "Name", "Name and Status", "Name, Status and Owner". */
export function joinLabels(labels: readonly string[]): string {
  if (labels.length <= 1) {
    return labels[0] ?? "";
  }
  return `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
}

/** The notice's sentences: what changed, what happened to the person's own changes, and
 *  which of them will be kept as a conflict when saved. */
export function recordChangeText(change: RecordChange): string[] {
  const sentences = [
    `This record changed while you had it open (${change.changed.join(", ")}). ${
      change.kept ? "Your own changes are kept." : "The form shows it as it is now."
    }`,
  ];
  if (change.both.length > 0) {
    sentences.push(
      `Someone else also changed ${joinLabels(change.both)}: saving keeps both values as a conflict for you to settle.`,
    );
  }
  return sentences;
}
