// Where a record of the register is edited, for the links from the privacy policy's
// clauses and checklist to the entries they come from.
import { RECORD_KIND_LABELS } from "../../components/recordRoutes";
import type { RecordLink } from "../../ipc";

// The kinds' names are shared with the dashboard and the sync page.
export { RECORD_KIND_LABELS } from "../../components/recordRoutes";

/** The route that edits the record: the organisation profile, the activity (for the
 *  activity and its rows), or the recipient, source or website third party; an
 *  acknowledged finding is listed on the dashboard, and a person's own text and the saved
 *  versions are on the privacy policy page. The profile and the activity are told
 *  which field to show with `?field=`. */
export function recordLinkPath(link: RecordLink): string {
  const field = link.field ? `?field=${encodeURIComponent(link.field)}` : "";
  const id = encodeURIComponent(link.id);
  switch (link.kind) {
    case "organisation":
      return `/organisation${field}`;
    case "activity":
    case "purpose":
    case "subjectGroup":
    case "activitySource":
    case "activityRecipient":
    case "transfer":
    case "retentionRule":
      return `/activities/${encodeURIComponent(link.activityId ?? link.id)}${field}`;
    case "recipient":
      return `/recipients/${id}`;
    case "sourceOrganisation":
      return `/sources/${id}`;
    case "websiteThirdParty":
      return `/website/${id}`;
    case "acknowledgement":
      return "/";
    case "policyEdit":
    case "policyVersion":
      return "/policy";
    default: {
      const unknown: never = link.kind;
      throw new Error(`No page edits records of kind ${String(unknown)}`);
    }
  }
}

/** The record's name as a link shows it; the organisation profile has one, unnamed, and a
 *  clause a person wrote is "your text". */
export function recordLinkName(link: RecordLink): string {
  if (link.kind === "organisation") {
    return "Organisation profile";
  }
  if (link.kind === "policyEdit") {
    return "your text";
  }
  return link.name.trim() === "" ? RECORD_KIND_LABELS[link.kind] : link.name;
}
