// The table of backups, newest first, shared by the start-up screen of a damaged register
// and the Backups page: when each was made (in the person's locale), why, its size and how
// many activities it holds, or that Steward cannot read it (and so cannot restore it). The
// page adds a Restore… button to each row, and a row's error right below it, where the
// person acted. File names and messages are shown as text, never as HTML.
import { Alert, Badge, Table, Text, VisuallyHidden } from "@mantine/core";
import { Fragment, type ReactNode } from "react";
import type { Backup } from "../ipc";
import { activityCount, BACKUP_REASON_LABELS, formatBytes } from "./backupText";
import { formatDateTime } from "./formatDate";

export interface BackupTableProps {
  backups: readonly Backup[];
  /** The last cell of each row (the page's Restore… button); no such column without it. */
  action?: (backup: Backup) => ReactNode;
  /** A message to show below a row, e.g. why its preview failed. */
  errorOf?: (backup: Backup) => string | null;
  /** The table's test id, e.g. "backups-table". */
  testId: string;
}

export function BackupTable({ backups, action, errorOf, testId }: BackupTableProps) {
  const columns = action ? 5 : 4;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing="xs" aria-label="Backups" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Made</Table.Th>
            <Table.Th>Why</Table.Th>
            <Table.Th ta="right">Size</Table.Th>
            <Table.Th>Holds</Table.Th>
            {action ? (
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((backup) => {
            const error = errorOf?.(backup) ?? null;
            return (
              <Fragment key={backup.id}>
                <Table.Tr data-testid="backup-row" title={backup.path}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {formatDateTime(backup.takenAt)}
                  </Table.Td>
                  <Table.Td data-testid="backup-reason">
                    {BACKUP_REASON_LABELS[backup.reason] ?? backup.reason}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: "nowrap" }} data-testid="backup-size">
                    {formatBytes(backup.bytes)}
                  </Table.Td>
                  <Table.Td data-testid="backup-activities">
                    {backup.activities !== null ? (
                      activityCount(backup.activities)
                    ) : (
                      <Badge color="red" variant="light" title="Steward cannot restore it">
                        Cannot be read
                      </Badge>
                    )}
                  </Table.Td>
                  {action ? <Table.Td ta="right">{action(backup)}</Table.Td> : null}
                </Table.Tr>
                {error ? (
                  <Table.Tr>
                    <Table.Td colSpan={columns}>
                      <Alert
                        color="red"
                        variant="light"
                        role="alert"
                        data-testid="backup-row-error"
                        title={`Could not restore the backup of ${formatDateTime(backup.takenAt)}`}
                      >
                        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                          {error}
                        </Text>
                      </Alert>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
