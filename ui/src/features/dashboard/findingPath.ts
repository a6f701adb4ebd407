// Where the dashboard's links lead: the page of the record that a finding or a deadline
// concerns, told which field to show with `?field=` (see useFocusFieldFromUrl).
import type { Deadline, Finding } from "../../ipc";

/** The route of a record of the kind the checks name (`activity`, `recipient`,
 *  `organisation`), at a field when one is given. */
export function recordFieldPath(kind: string, id: string, field: string | null): string {
  const query = field ? `?field=${encodeURIComponent(field)}` : "";
  switch (kind) {
    case "recipient":
      return `/recipients/${encodeURIComponent(id)}${query}`;
    case "organisation":
      return `/organisation${query}`;
    default:
      return `/activities/${encodeURIComponent(id)}${query}`;
  }
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
