// What each kind of record is called, and the page where one record is edited, told which
// field to show with `?field=` (see useFocusFieldFromUrl). Shared by the dashboard's
// findings, the privacy policy's links and the sync pages' problems, conflicts and newer
// values.
import type { RecordKind } from "../ipc";

/** The kinds of record that are rows of an activity, shown and edited on its page. */
export type ActivityRowKind =
  | "purpose"
  | "subjectGroup"
  | "activitySource"
  | "activityRecipient"
  | "transfer"
  | "retentionRule";

/** The `?field=` that brings each kind of row's section into view on the activity's page
 *  (the names the checks use for the section; see activityFieldFromUrl). A row's own field
 *  would not do: a purpose's "description" would focus the activity's description. */
export const ROW_SECTION_FIELDS: Readonly<Record<ActivityRowKind, string>> = {
  purpose: "purposes",
  subjectGroup: "subjectGroups",
  activitySource: "sources",
  activityRecipient: "recipients",
  transfer: "transfers",
  retentionRule: "retentionRules",
};

export function isActivityRowKind(kind: RecordKind): kind is ActivityRowKind {
  return Object.hasOwn(ROW_SECTION_FIELDS, kind);
}

/** What each kind of record is called, e.g. in a link's tooltip. */
export const RECORD_KIND_LABELS: Readonly<Record<RecordKind, string>> = {
  organisation: "Organisation profile",
  activity: "Processing activity",
  purpose: "Purpose of an activity",
  subjectGroup: "Group of people in an activity",
  activitySource: "Source of an activity",
  activityRecipient: "Recipient of an activity",
  transfer: "Transfer of an activity",
  retentionRule: "Retention rule of an activity",
  recipient: "Recipient",
  sourceOrganisation: "Source organisation",
  websiteThirdParty: "Website third party",
  acknowledgement: "Acknowledged finding",
  policyEdit: "Your own text in the policy",
  policyVersion: "Saved version of the policy",
};

/** The route of the page that edits a record, at a field when one is given. Null for a row
 *  of an activity (a purpose, a transfer, ...): its page is its activity's, whose id the
 *  caller must know (see `activityPagePath`). */
export function recordPagePath(kind: RecordKind, id: string, field: string | null): string | null {
  const query = field ? `?field=${encodeURIComponent(field)}` : "";
  const at = encodeURIComponent(id);
  switch (kind) {
    case "organisation":
      return `/organisation${query}`;
    case "activity":
      return activityPagePath(id, field);
    case "recipient":
      return `/recipients/${at}${query}`;
    case "sourceOrganisation":
      return `/sources/${at}${query}`;
    case "websiteThirdParty":
      return `/website/${at}${query}`;
    case "acknowledgement":
      return "/";
    case "policyEdit":
    case "policyVersion":
      return "/policy";
    case "purpose":
    case "subjectGroup":
    case "activitySource":
    case "activityRecipient":
    case "transfer":
    case "retentionRule":
      return null;
    default: {
      const unknown: never = kind;
      throw new Error(`No page edits records of kind ${String(unknown)}`);
    }
  }
}

/** A record as the sync pages name it (a conflict, a value a newer Steward wrote, a problem
 *  a merge left): its kind and id, and for a row of an activity, that activity. */
export interface RecordPlace {
  record: RecordKind;
  recordId: string;
  activityId: string | null;
}

/** Where a record named by the sync pages is shown: its own page at the field, or for a row
 *  of an activity its activity's page at the section of its rows. Null for a row whose
 *  activity is not known. */
export function recordPlacePath(place: RecordPlace, field: string | null): string | null {
  if (isActivityRowKind(place.record)) {
    return place.activityId === null
      ? null
      : activityPagePath(place.activityId, ROW_SECTION_FIELDS[place.record]);
  }
  return recordPagePath(place.record, place.recordId, field);
}

/** The route of an activity's page, at a field or a section of its rows. */
export function activityPagePath(activityId: string, field: string | null): string {
  const query = field ? `?field=${encodeURIComponent(field)}` : "";
  return `/activities/${encodeURIComponent(activityId)}${query}`;
}
