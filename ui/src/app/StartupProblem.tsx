// The full-window screen shown instead of the app when the register did not open. A damaged
// file: its backups, and "Restore the newest good backup", which sets the damaged file aside
// untouched, then says what it did and lets the person in. Another Steward window on the same
// register: say so, with no way in (two windows writing one register would lose changes).
// Anything else (a register from a newer Steward, a folder that cannot be written…): the
// back end's message, which says what to do. Paths and messages are shown as text.
import { Alert, Button, Code, Container, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { BackupTable } from "../components/BackupTable";
import { activityCount, backupName, isReadable } from "../components/backupText";
import type { ApiError, Recovery, Startup } from "../ipc";
import { useRecoverDatabase } from "./startupQueries";

export interface StartupProblemProps {
  startup: Startup;
  problem: ApiError;
  /** Enters the app, after a recovery. */
  onEnter: () => void;
}

export function StartupProblem({ startup, problem, onEnter }: StartupProblemProps) {
  switch (problem.code) {
    case "damaged":
      return <DamagedRegister startup={startup} problem={problem} onEnter={onEnter} />;
    case "alreadyOpen":
      return (
        <StartupFrame title="Steward is already open on this register in another window">
          <Text size="sm" data-testid="startup-message">
            {problem.message}
          </Text>
          <Text size="sm">
            Switch to that window to go on working. Only one window at a time may change a register,
            so that no change is lost; close this one.
          </Text>
          <DatabasePath path={startup.database} />
        </StartupFrame>
      );
    default:
      return (
        <StartupFrame title="Steward could not open the register">
          <Text size="sm" data-testid="startup-message">
            {problem.message}
          </Text>
          <DatabasePath path={startup.database} />
        </StartupFrame>
      );
  }
}

/** The screen around each problem: the app's name, then the problem. */
function StartupFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Container size="md" py={48} data-testid="startup-problem">
      <Stack gap="lg">
        <Stack gap={0}>
          <Title order={3} lh={1.1}>
            Steward
          </Title>
          <Text size="xs" c="dimmed">
            Record of processing activities
          </Text>
        </Stack>
        <Paper withBorder p="lg" radius="md">
          <Stack gap="md">
            <Title order={2} size="h3">
              {title}
            </Title>
            {children}
          </Stack>
        </Paper>
      </Stack>
    </Container>
  );
}

function DatabasePath({ path }: { path: string }) {
  if (!path) {
    return null;
  }
  return (
    <Text size="sm" c="dimmed">
      Register file:{" "}
      <Code data-testid="startup-database" style={{ overflowWrap: "anywhere" }}>
        {path}
      </Code>
    </Text>
  );
}

function DamagedRegister({ startup, problem, onEnter }: StartupProblemProps) {
  const recover = useRecoverDatabase();
  const newestGood = startup.backups.find(isReadable) ?? null;

  if (recover.data) {
    return (
      <StartupFrame title="The register is back">
        <Recovered recovery={recover.data} onEnter={onEnter} />
      </StartupFrame>
    );
  }

  return (
    <StartupFrame title="The register file is damaged">
      <Text size="sm" data-testid="startup-message">
        {problem.message}
      </Text>
      <DatabasePath path={startup.database} />
      {startup.backups.length > 0 ? (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            Backups beside it, newest first
          </Text>
          <BackupTable backups={startup.backups} testId="startup-backups" />
        </Stack>
      ) : null}
      {recover.error ? (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title="Could not restore a backup"
          data-testid="startup-recover-error"
        >
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {recover.error.message}
          </Text>
        </Alert>
      ) : null}
      {newestGood ? (
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            {`Steward can put ${backupName(newestGood)} (${activityCount(newestGood.activities ?? 0)}) in the damaged file's place. The damaged file is kept beside it, untouched; changes made since that backup are not in it, but a colleague's laptop that syncs with you may still have them.`}
          </Text>
          <Button
            onClick={() => recover.mutate()}
            loading={recover.isPending}
            data-testid="startup-recover"
          >
            Restore the newest good backup
          </Button>
        </Stack>
      ) : (
        <NoGoodBackup any={startup.backups.length > 0} />
      )}
    </StartupFrame>
  );
}

/** What to do when no backup beside the register can replace it. */
function NoGoodBackup({ any }: { any: boolean }) {
  return (
    <Alert
      color="orange"
      variant="light"
      title="No backup to restore"
      data-testid="startup-no-backup"
    >
      <Stack gap="xs">
        <Text size="sm">
          {any
            ? "Steward cannot read any of the backups beside the register, so it cannot restore one. The damaged file is left as it is."
            : "There is no backup beside the register, so Steward cannot restore one. The damaged file is left as it is."}
        </Text>
        <Text size="sm">
          If you saved a copy elsewhere (with "Back up now to…"), move the damaged file to another
          folder to keep it, start Steward again with a new, empty register, and restore the copy
          from Backups. If you share the register with colleagues' laptops, you can instead join
          again from a starter file one of them exports on their Sync page.
        </Text>
      </Stack>
    </Alert>
  );
}

/** What the recovery did, and the way into the app. */
function Recovered({ recovery, onEnter }: { recovery: Recovery; onEnter: () => void }) {
  const { backup } = recovery;
  const holds = backup.activities === null ? "" : ` (${activityCount(backup.activities)})`;
  return (
    <Stack gap="md" align="flex-start" data-testid="startup-recovered">
      <Text size="sm" style={{ overflowWrap: "anywhere" }}>
        {`Restored ${backupName(backup)}${holds}. The damaged file is kept, untouched, as ${recovery.damagedFile}.`}
      </Text>
      <Group>
        <Button onClick={onEnter} data-autofocus data-testid="startup-enter">
          Open the register
        </Button>
      </Group>
    </Stack>
  );
}
