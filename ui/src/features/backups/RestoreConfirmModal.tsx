// The confirmation before a restore: what the backup or file holds against what the register
// holds now (activities, recipients, changes and the latest change), and the back end's
// summary, with Restore and Cancel. Enter restores (the Restore button has the focus) and
// Escape cancels; nothing is called until the person confirms. While the restore runs the
// dialog stays, and a refusal (a damaged or foreign file…) is shown in it: nothing changed.
import { Alert, Button, Code, Group, Modal, Stack, Table, Text } from "@mantine/core";
import type { FormEvent } from "react";
import { backupName } from "../../components/backupText";
import { formatDateTime } from "../../components/formatDate";
import type { RestorePreview } from "../../ipc";

export interface RestoreConfirmModalProps {
  /** The preview to confirm; the dialog is closed without one. */
  preview: RestorePreview | null;
  /** Whether the restore runs. */
  restoring: boolean;
  /** Why the restore was refused, if it was. */
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

export function RestoreConfirmModal({
  preview,
  restoring,
  error,
  onConfirm,
  onCancel,
}: RestoreConfirmModalProps) {
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!restoring) {
      onConfirm();
    }
  }

  return (
    <Modal
      opened={preview !== null}
      onClose={() => {
        if (!restoring) {
          onCancel();
        }
      }}
      closeOnEscape={!restoring}
      closeOnClickOutside={!restoring}
      title="Restore this backup?"
      size="lg"
    >
      {preview ? (
        <form
          onSubmit={handleSubmit}
          noValidate
          aria-label="Confirm the restore"
          data-testid="restore-confirm"
        >
          <Stack gap="md">
            <Text size="sm" style={{ overflowWrap: "anywhere" }}>
              {preview.takenAt ? (
                `From ${backupName({ takenAt: preview.takenAt })}:`
              ) : (
                <>
                  From the file <Code>{preview.file}</Code>:
                </>
              )}
            </Text>
            <Text size="sm" data-testid="restore-summary" style={{ overflowWrap: "anywhere" }}>
              {preview.summary}
            </Text>
            <BeforeAfter preview={preview} />
            {error ? (
              <Alert
                color="red"
                variant="light"
                role="alert"
                title="Could not restore"
                data-testid="restore-error"
              >
                <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                  {error}
                </Text>
              </Alert>
            ) : null}
            <Group gap="sm">
              <Button
                type="submit"
                color="red"
                loading={restoring}
                data-autofocus
                data-testid="restore-confirm-button"
              >
                Restore
              </Button>
              <Button
                variant="default"
                onClick={onCancel}
                disabled={restoring}
                data-testid="restore-cancel"
              >
                Cancel
              </Button>
              <Text size="xs" c="dimmed">
                Enter restores · Esc cancels
              </Text>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}

function latest(at: string | null): string {
  return at ? formatDateTime(at) : "None";
}

/** The register now against the register after the restore, row by row. */
function BeforeAfter({ preview }: { preview: RestorePreview }) {
  const rows = [
    { label: "Activities", now: preview.currentActivities, after: preview.activities },
    { label: "Recipients", now: preview.currentRecipients, after: preview.recipients },
    { label: "Changes", now: preview.currentChanges, after: preview.changes },
  ];
  return (
    <Table withTableBorder verticalSpacing={6} data-testid="restore-numbers">
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          <Table.Th ta="right">Now</Table.Th>
          <Table.Th ta="right">After the restore</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.label} data-testid="restore-number">
            <Table.Th scope="row" fw={500}>
              {row.label}
            </Table.Th>
            <Table.Td ta="right">{row.now.toLocaleString()}</Table.Td>
            <Table.Td ta="right">{row.after.toLocaleString()}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr data-testid="restore-number">
          <Table.Th scope="row" fw={500}>
            Latest change
          </Table.Th>
          <Table.Td ta="right">{latest(preview.currentLastChange)}</Table.Td>
          <Table.Td ta="right">{latest(preview.lastChange)}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
