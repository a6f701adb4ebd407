// Backups: the folder Steward keeps its backups in and why the last automatic one failed
// (if it did), "Back up now" into that folder, "Back up now to…" a file the person chooses
// (the database, and the register as JSON beside it), and restoring a listed backup or a
// chosen file after a preview of what it would change. The native dialogs are Rust's; a
// chosen file waits there for the restore. A refusal (a damaged or foreign file, a folder
// that cannot be written…) is shown where the person acted, and nothing is lost.
import { Alert, Button, Card, Code, Group, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { BackupTable } from "../../components/BackupTable";
import { activityCount, backupName, formatBytes, isReadable } from "../../components/backupText";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import type { Backup, Backups, RestorePreview } from "../../ipc";
import {
  type RestoreSource,
  useBackupBusy,
  useBackupNow,
  useBackups,
  useBackupTo,
  useChooseBackupFile,
  usePreviewRestore,
  useRestore,
} from "./queries";
import { RestoreConfirmModal } from "./RestoreConfirmModal";

const TITLE = "Backups";
const SUBTITLE =
  "Steward backs up the register by itself the first time it opens each day, and before upgrades, large imports and restores; it keeps 7 daily, 4 weekly and 6 monthly backups.";

/** A restore waiting for the person's confirmation: what it restores, and what it would do. */
interface PendingRestore {
  source: RestoreSource;
  preview: RestorePreview;
}

/** Why a listed backup's preview failed, shown below its row. */
interface RowError {
  id: string;
  message: string;
}

export function BackupsPage() {
  const query = useBackups();
  const busy = useBackupBusy();
  const preview = usePreviewRestore();
  const restore = useRestore();
  const [pending, setPending] = useState<PendingRestore | null>(null);
  const [rowError, setRowError] = useState<RowError | null>(null);

  function askToRestore(source: RestoreSource, shown: RestorePreview) {
    restore.reset();
    setRowError(null);
    setPending({ source, preview: shown });
  }

  function previewListed(backup: Backup) {
    setRowError(null);
    preview.mutate(backup.id, {
      onSuccess: (shown) => askToRestore({ kind: "listed", id: backup.id }, shown),
      onError: (error) => setRowError({ id: backup.id, message: error.message }),
    });
  }

  function confirmRestore() {
    if (!pending) {
      return;
    }
    restore.mutate(pending.source, {
      onSuccess: (restored) => {
        setPending(null);
        notifications.show({
          color: "teal",
          title: "Register restored",
          message: restoredMessage(restored),
        });
      },
    });
  }

  const header = <PageHeader title={TITLE} subtitle={SUBTITLE} />;
  if (query.isPending) {
    return (
      <Stack gap={0}>
        {header}
        <LoadingState label="Reading the backups…" />
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <Stack gap={0}>
        {header}
        <ErrorState
          title="Could not read the backups"
          message={query.error.message}
          onRetry={() => void query.refetch()}
        />
      </Stack>
    );
  }

  const backups = query.data;
  return (
    <Stack gap={0} maw={1000}>
      {header}
      <Stack gap="lg">
        {backups.problem ? (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title="The last automatic backup failed"
            data-testid="backups-problem"
          >
            <Text size="sm" style={{ overflowWrap: "anywhere" }}>
              {backups.problem}
            </Text>
          </Alert>
        ) : null}
        <BackupActionsCard
          backups={backups}
          busy={busy}
          onChosen={(shown) => askToRestore({ kind: "file" }, shown)}
        />
        <Card withBorder data-testid="backups-list">
          <Stack gap="sm">
            <Title order={3} size="h4">
              Backups in the folder
            </Title>
            {backups.backups.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="backups-empty">
                No backup yet. Steward makes one the first time it opens each day once the register
                holds anything; "Back up now" makes one at once.
              </Text>
            ) : (
              <BackupTable
                backups={backups.backups}
                testId="backups-table"
                errorOf={(backup) => (rowError?.id === backup.id ? rowError.message : null)}
                action={(backup) => (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => previewListed(backup)}
                    loading={preview.isPending && preview.variables === backup.id}
                    disabled={!isReadable(backup) || busy}
                    title={isReadable(backup) ? undefined : "Steward cannot read this backup"}
                    aria-label={`Restore ${backupName(backup)}…`}
                    data-testid={`backup-restore-${backup.id}`}
                  >
                    Restore…
                  </Button>
                )}
              />
            )}
          </Stack>
        </Card>
      </Stack>
      <RestoreConfirmModal
        preview={pending?.preview ?? null}
        restoring={restore.isPending}
        error={restore.error?.message ?? null}
        onConfirm={confirmRestore}
        onCancel={() => setPending(null)}
      />
    </Stack>
  );
}

/** What the register holds after a restore, for the notification. */
function restoredMessage(restored: RestorePreview): string {
  const from = restored.takenAt ? backupName({ takenAt: restored.takenAt }) : restored.file;
  const recipients =
    restored.recipients === 1 ? "1 recipient" : `${restored.recipients} recipients`;
  return `The register now holds ${activityCount(restored.activities)} and ${recipients}, from ${from}. The register as it was is in the backups, "Before a restore".`;
}

interface BackupActionsCardProps {
  backups: Backups;
  busy: boolean;
  /** Called with the preview of a file the person chose to restore. */
  onChosen: (preview: RestorePreview) => void;
}

/** The folder, and the actions that back up or pick a file; their errors show here. */
function BackupActionsCard({ backups, busy, onChosen }: BackupActionsCardProps) {
  const now = useBackupNow();
  const to = useBackupTo();
  const choose = useChooseBackupFile();
  const error = now.error ?? to.error ?? choose.error;

  /** One action's error replaces another's: the alert speaks of the last one tried. */
  function resetOthers() {
    now.reset();
    to.reset();
    choose.reset();
  }

  function backUpNow() {
    resetOthers();
    now.mutate(undefined, {
      onSuccess: (backup) =>
        notifications.show({
          color: "teal",
          title: "Backed up",
          message: `Made ${backupName(backup)} (${formatBytes(backup.bytes)}) in the backups folder.`,
        }),
    });
  }

  function backUpTo() {
    resetOthers();
    to.mutate(undefined, {
      onSuccess: (copy) => {
        if (copy) {
          notifications.show({
            color: "teal",
            title: "Backed up",
            message: `Saved a copy of the register to ${copy.database}, and the register as JSON to ${copy.json}.`,
          });
        }
      },
    });
  }

  function chooseFile() {
    resetOthers();
    choose.mutate(undefined, {
      onSuccess: (shown) => {
        if (shown) {
          onChosen(shown);
        }
      },
    });
  }

  return (
    <Card withBorder data-testid="backups-actions">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={3} size="h4">
            Back up and restore
          </Title>
          {backups.folder ? (
            <Text size="sm">
              Backups folder:{" "}
              <Code data-testid="backups-folder" style={{ overflowWrap: "anywhere" }}>
                {backups.folder}
              </Code>
            </Text>
          ) : (
            <Text size="sm" c="dimmed" data-testid="backups-folder">
              This register is kept in memory only: it has no backups folder.
            </Text>
          )}
          <Text size="sm" c="dimmed">
            "Back up now to…" saves a copy wherever you choose, such as a USB stick, with the
            register as JSON beside it, which any version of Steward reads. A restore backs up the
            register as it is first, so you can go back.
          </Text>
        </Stack>
        {error ? (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title={choose.error ? "Could not restore from the file" : "Could not back up"}
            data-testid="backups-action-error"
          >
            <Text size="sm" style={{ overflowWrap: "anywhere" }}>
              {error.message}
            </Text>
          </Alert>
        ) : null}
        <Group gap="sm">
          <Button
            onClick={backUpNow}
            loading={now.isPending}
            disabled={busy && !now.isPending}
            data-testid="backup-now"
          >
            Back up now
          </Button>
          <Button
            variant="default"
            onClick={backUpTo}
            loading={to.isPending}
            disabled={busy && !to.isPending}
            data-testid="backup-to"
          >
            Back up now to…
          </Button>
          <Button
            variant="default"
            onClick={chooseFile}
            loading={choose.isPending}
            disabled={busy && !choose.isPending}
            data-testid="backup-restore-file"
          >
            Restore from a file…
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
