// The words of the sync pages: counts ("3 changes"), how a conflict's value reads as text,
// and the form's label of a conflict's field for each kind of record.
import { type FieldLabels, fieldLabel } from "../../components/historyText";
import type { RecordKind } from "../../ipc";
import { ACTIVITY_FIELD_LABELS } from "../activities/labels";
import { PURPOSE_FIELD_LABELS } from "../activities/parts/PurposeSection";
import { ACTIVITY_RECIPIENT_FIELD_LABELS } from "../activities/parts/RecipientLinkSection";
import { RETENTION_FIELD_LABELS } from "../activities/parts/RetentionSection";
import { ACTIVITY_SOURCE_FIELD_LABELS } from "../activities/parts/SourceSection";
import { SUBJECT_GROUP_FIELD_LABELS } from "../activities/parts/SubjectGroupSection";
import { TRANSFER_FIELD_LABELS } from "../activities/parts/TransferSection";
import { ORGANISATION_FIELD_LABELS } from "../organisation/labels";
import { RECIPIENT_FIELD_LABELS } from "../recipients/labels";
import { SOURCE_FIELD_LABELS } from "../sources/labels";
import { WEBSITE_FIELD_LABELS } from "../website/labels";

// How a conflict's value reads is shared with the marks in the records' own forms.
export {
  acceptsWrittenValue,
  conflictKey,
  DELETED_FIELD,
  valueText,
  writtenValue,
} from "../../components/conflictText";
// The counts are shared with the header's summary of a sync.
export {
  changeCount,
  conflictCount,
  fileCount,
  nameCount,
  newChangeCount,
} from "../../components/syncText";

/** The labels of the forms that edit each kind of record, by API field name. */
const FIELD_LABELS_BY_KIND: Readonly<Record<RecordKind, FieldLabels>> = {
  organisation: ORGANISATION_FIELD_LABELS,
  activity: ACTIVITY_FIELD_LABELS,
  purpose: PURPOSE_FIELD_LABELS,
  subjectGroup: SUBJECT_GROUP_FIELD_LABELS,
  activitySource: ACTIVITY_SOURCE_FIELD_LABELS,
  activityRecipient: ACTIVITY_RECIPIENT_FIELD_LABELS,
  transfer: TRANSFER_FIELD_LABELS,
  retentionRule: RETENTION_FIELD_LABELS,
  recipient: RECIPIENT_FIELD_LABELS,
  sourceOrganisation: SOURCE_FIELD_LABELS,
  websiteThirdParty: WEBSITE_FIELD_LABELS,
  acknowledgement: { reason: "Why is this a deliberate choice?" },
  policyEdit: { mode: "Where your text goes", text: "Your text" },
  policyVersion: { note: "Note" },
};

/** The form's label of a field of a kind of record, or the field's API name. */
export function conflictFieldLabel(record: RecordKind, field: string): string {
  return fieldLabel(field, FIELD_LABELS_BY_KIND[record]);
}
