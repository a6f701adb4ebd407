// The shared folder: the folder a sync tool (Nextcloud, Syncthing, Dropbox…) keeps the same
// on every laptop. Choosing it syncs at once; "Sync now" writes this laptop's new changes
// into it and imports the others'; the switch syncs when Steward starts and quits. The
// native folder dialog is Rust's.
import { Alert, Button, Card, Code, Group, Stack, Switch, Text, Title } from "@mantine/core";
import type { SyncReport, SyncStatus } from "../../ipc";
import { useChooseSyncFolder, useSetSyncAutomatically, useSyncNow } from "./queries";

export interface SharedFolderCardProps {
  status: SyncStatus;
  /** Whether a sync, an export or an import runs; the buttons wait for it. */
  busy: boolean;
  /** Called with the report of each sync this card runs. */
  onSynced: (report: SyncReport) => void;
}

export function SharedFolderCard({ status, busy, onSynced }: SharedFolderCardProps) {
  const choose = useChooseSyncFolder();
  const sync = useSyncNow();
  const automatic = useSetSyncAutomatically();
  const error = choose.error ?? sync.error;

  function chooseFolder() {
    sync.reset();
    choose.mutate(undefined, {
      onSuccess: (report) => {
        if (report) {
          onSynced(report);
        }
      },
    });
  }

  function syncNow() {
    choose.reset();
    sync.mutate(undefined, { onSuccess: onSynced });
  }

  return (
    <Card withBorder data-testid="sync-folder-card">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={3} size="h4">
            Shared folder
          </Title>
          <Text size="sm" c="dimmed">
            Choose a folder that your sync tool (such as Nextcloud, Syncthing or Dropbox) shares
            with the other volunteers' laptops, and Steward exchanges changes through it. Never put
            Steward's database itself in that folder: Steward writes only small change files there,
            one set per laptop.
          </Text>
        </Stack>

        {status.folder ? (
          <Text size="sm">
            Folder:{" "}
            <Code data-testid="sync-folder-path" style={{ overflowWrap: "anywhere" }}>
              {status.folder}
            </Code>
          </Text>
        ) : (
          <Text size="sm" fs="italic" data-testid="sync-folder-path">
            No folder chosen yet
          </Text>
        )}

        {error ? (
          <Alert
            color="red"
            variant="light"
            title="Could not sync"
            role="alert"
            data-testid="sync-error"
          >
            <Text size="sm">{error.message}</Text>
          </Alert>
        ) : null}

        <Group gap="sm">
          <Button
            onClick={syncNow}
            loading={sync.isPending}
            disabled={!status.folder || (busy && !sync.isPending)}
            data-testid="sync-now"
          >
            Sync now
          </Button>
          <Button
            variant="default"
            onClick={chooseFolder}
            loading={choose.isPending}
            disabled={busy && !choose.isPending}
            data-testid="sync-choose-folder"
          >
            Choose folder…
          </Button>
        </Group>

        <Switch
          label="Sync when Steward starts and quits"
          description={
            status.folder
              ? "Steward syncs with the folder by itself each time it starts and quits."
              : "Choose a folder first."
          }
          checked={status.automatic}
          onChange={(event) => automatic.mutate(event.currentTarget.checked)}
          disabled={!status.folder || automatic.isPending}
          error={automatic.error?.message}
          data-testid="sync-automatic"
        />
      </Stack>
    </Card>
  );
}
