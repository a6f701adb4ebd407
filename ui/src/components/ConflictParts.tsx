// The pieces of a conflict that the sync page's review and the marks in a record's own form
// show alike: one competing value (as text, never as HTML) with the badge of the one the
// register shows now, and the changes on each side of a record deleted on one laptop and
// changed on another.
import { Badge, Group, List, Text } from "@mantine/core";
import type { Conflict, ConflictValue } from "../ipc";
import { DELETED_FIELD, valueText } from "./conflictText";
import { formatDateTime } from "./formatDate";

/** One competing value, with "shown now" on the one the register shows until a person
 *  chooses. */
export function ConflictValueLabel({ value }: { value: ConflictValue }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text span size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
        {valueText(value.value)}
      </Text>
      {value.shown ? (
        <Badge size="sm" variant="light" color="blue" data-testid="conflict-shown">
          shown now
        </Badge>
      ) : null}
    </Group>
  );
}

/** Who wrote a value and when: "by Sam's laptop, 21 Nov 2026, 11:00". */
export function conflictValueSource(value: ConflictValue): string {
  return `by ${value.deviceName}, ${formatDateTime(value.at)}`;
}

export interface DeletedConflictChangesProps {
  conflict: Conflict;
  /** The form's label of a field. */
  fieldLabel: (field: string) => string;
}

/** Who deleted the record, and what was changed on the other side. */
export function DeletedConflictChanges({ conflict, fieldLabel }: DeletedConflictChangesProps) {
  const deletes = conflict.values.filter((value) => value.field === DELETED_FIELD);
  const edits = conflict.values.filter((value) => value.field !== DELETED_FIELD);
  return (
    <List size="sm" spacing={4} data-testid="conflict-deleted-changes">
      {deletes.map((value) => (
        <List.Item key={`${value.device}\n${value.at}`} data-testid="conflict-deleted-by">
          Deleted by {value.deviceName}, {formatDateTime(value.at)}
        </List.Item>
      ))}
      {edits.map((value) => (
        <List.Item
          key={`${value.device}\n${value.at}\n${value.field}`}
          data-testid="conflict-edit"
          style={{ overflowWrap: "anywhere" }}
        >
          {fieldLabel(value.field)} set to {valueText(value.value)} by {value.deviceName},{" "}
          {formatDateTime(value.at)}
        </List.Item>
      ))}
    </List>
  );
}
