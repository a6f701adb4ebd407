// Typed commands for the rows that belong to one activity, and the views
// across activities. Each kind has the same six actions; `partCommands`
// builds them from the command names the Rust side registers.
import type { ActivityRecipient } from "./bindings/ActivityRecipient";
import type { ActivityRecipientInput } from "./bindings/ActivityRecipientInput";
import type { ActivitySource } from "./bindings/ActivitySource";
import type { ActivitySourceInput } from "./bindings/ActivitySourceInput";
import type { Purpose } from "./bindings/Purpose";
import type { PurposeInput } from "./bindings/PurposeInput";
import type { RecordKind } from "./bindings/RecordKind";
import type { RetentionRule } from "./bindings/RetentionRule";
import type { RetentionRuleInput } from "./bindings/RetentionRuleInput";
import type { SubjectGroup } from "./bindings/SubjectGroup";
import type { SubjectGroupInput } from "./bindings/SubjectGroupInput";
import type { Transfer } from "./bindings/Transfer";
import type { TransferInput } from "./bindings/TransferInput";
import { call } from "./call";

export interface PartCommands<Row, Input> {
  /** The record kind, for the history panel. */
  kind: RecordKind;
  list(activityId: string): Promise<Row[]>;
  create(input: Input): Promise<Row>;
  /** Saves the row against the `base` it was read at (see commands.ts). */
  update(id: string, input: Input, base: string | undefined): Promise<Row>;
  /** Deletes the row as read at `base`; returns the row as it was, so that the caller can
   *  offer an undo. */
  remove(id: string, base: string | undefined): Promise<Row>;
  restore(id: string): Promise<Row>;
}

function partCommands<Row, Input>(
  kind: RecordKind,
  singular: string,
  plural: string,
): PartCommands<Row, Input> {
  return {
    kind,
    list: (activityId) => call<Row[]>(`list_${plural}`, { activityId }),
    create: (input) => call<Row>(`create_${singular}`, { input }),
    update: (id, input, base) => call<Row>(`update_${singular}`, { id, input, base }),
    remove: (id, base) => call<Row>(`delete_${singular}`, { id, base }),
    restore: (id) => call<Row>(`restore_${singular}`, { id }),
  };
}

export const purposes = partCommands<Purpose, PurposeInput>("purpose", "purpose", "purposes");
export const subjectGroups = partCommands<SubjectGroup, SubjectGroupInput>(
  "subjectGroup",
  "subject_group",
  "subject_groups",
);
export const activitySources = partCommands<ActivitySource, ActivitySourceInput>(
  "activitySource",
  "activity_source",
  "activity_sources",
);
export const activityRecipients = partCommands<ActivityRecipient, ActivityRecipientInput>(
  "activityRecipient",
  "activity_recipient",
  "activity_recipients",
);
export const transfers = partCommands<Transfer, TransferInput>("transfer", "transfer", "transfers");
export const retentionRules = partCommands<RetentionRule, RetentionRuleInput>(
  "retentionRule",
  "retention_rule",
  "retention_rules",
);

/** Every transfer of every activity that is not deleted. */
export function listAllTransfers(): Promise<Transfer[]> {
  return call<Transfer[]>("list_all_transfers");
}

/** Every retention rule of every activity that is not deleted. */
export function listAllRetentionRules(): Promise<RetentionRule[]> {
  return call<RetentionRule[]>("list_all_retention_rules");
}
