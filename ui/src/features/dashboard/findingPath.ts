// Where the dashboard's links lead: the page of the record that a finding or a deadline
// concerns, told which field to show with `?field=` (see useFocusFieldFromUrl).
import { activityPagePath, recordPagePath } from "../../components/recordRoutes";
import type { Deadline, Finding, RecordKind } from "../../ipc";

/** The kinds of record the checks name, and whose page opens at a field. */
const FINDING_KINDS: ReadonlySet<string> = new Set<RecordKind>([
  "activity",
  "recipient",
  "organisation",
  "sourceOrganisation",
]);

function isFindingKind(kind: string): kind is RecordKind {
  return FINDING_KINDS.has(kind);
}

/** The route of a record of the kind the checks name (`activity`, `recipient`,
 *  `organisation`, `sourceOrganisation`: the form rules' findings name source
 *  organisations), at a field when one is given. Anything else is an activity's. */
export function recordFieldPath(kind: string, id: string, field: string | null): string {
  return (
    (isFindingKind(kind) ? recordPagePath(kind, id, field) : null) ?? activityPagePath(id, field)
  );
}

/** Where a finding is fixed. An activity's missing "controller" is the organisation
 *  profile's name and contact, so it leads there. */
export function findingPath(finding: Finding): string {
  if (finding.kind === "activity" && finding.field === "controller") {
    return recordFieldPath("organisation", "", "legalName");
  }
  return recordFieldPath(finding.kind, finding.recordId, finding.field);
}

/** Where a deadline's date is set: an activity's next review, a recipient's DPA expiry. */
export function deadlinePath(deadline: Deadline): string {
  return recordFieldPath(deadline.recordKind, deadline.recordId, deadline.field);
}
