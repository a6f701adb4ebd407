// What the last sync did: the file it wrote with this laptop's changes, the files it
// imported and what they left for a person (a restored laptop, clocks ahead, records their
// form would refuse), those it refused and why, and the conflicts that wait for a person.
// File names and reasons come from the shared folder, so they are shown as text, never as
// HTML.
import { Alert, Button, Card, List, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { formatDateTime } from "../../components/formatDate";
import type { SyncReport } from "../../ipc";
import { ImportNotices } from "./ImportNotices";
import { changeCount, conflictCount, fileCount, nameCount, newChangeCount } from "./labels";

export interface SyncReportCardProps {
  /** The last sync; null before the first one. */
  report: SyncReport | null;
  /** The conflicts that wait for a person now. */
  conflicts: number;
}

export function SyncReportCard({ report, conflicts }: SyncReportCardProps) {
  return (
    <Card withBorder data-testid="sync-report">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Result of the last sync
        </Title>
        {report ? (
          <ReportDetails report={report} />
        ) : (
          <Text size="sm" c="dimmed">
            This laptop has not synced with a shared folder yet.
          </Text>
        )}
        {conflicts > 0 ? <ConflictsAlert conflicts={conflicts} /> : null}
      </Stack>
    </Card>
  );
}

function ReportDetails({ report }: { report: SyncReport }) {
  return (
    <Stack gap="sm">
      <ImportNotices imports={report.imported} />
      <Text size="sm">
        Synced on <time dateTime={report.at}>{formatDateTime(report.at)}</time> with{" "}
        <Text span size="sm" style={{ overflowWrap: "anywhere" }}>
          {report.folder}
        </Text>
        .
      </Text>
      <Text size="sm" data-testid="sync-written" style={{ overflowWrap: "anywhere" }}>
        {report.written
          ? `Wrote ${changeCount(report.opsWritten)} to ${report.written}.`
          : "No new changes of this laptop to write."}
      </Text>
      {report.imported.length > 0 ? (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Imported
          </Text>
          <List size="sm" spacing={2}>
            {report.imported.map((imported) => (
              <List.Item key={imported.file} data-testid="sync-imported">
                <Text span size="sm" style={{ overflowWrap: "anywhere" }}>
                  {imported.file}
                </Text>{" "}
                from {imported.author}: {newChangeCount(imported.newOps)}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : (
        <Text size="sm">No new files from the other laptops.</Text>
      )}
      {report.alreadyHad > 0 ? (
        <Text size="sm" c="dimmed" data-testid="sync-already-had">
          {fileCount(report.alreadyHad)} held only changes that were already here.
        </Text>
      ) : null}
      {report.ignored.length > 0 ? (
        <Text size="sm" c="dimmed" data-testid="sync-ignored">
          Ignored {nameCount(report.ignored.length)} in the folder that{" "}
          {report.ignored.length === 1 ? "is no change file" : "are no change files"} (such as
          temporary files or copies made by the sync tool).
        </Text>
      ) : null}
      {report.rejected.length > 0 ? <RejectedFiles report={report} /> : null}
    </Stack>
  );
}

function RejectedFiles({ report }: { report: SyncReport }) {
  const count = report.rejected.length;
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={`${count === 1 ? "1 file was" : `${fileCount(count)} were`} refused: nothing of ${count === 1 ? "it" : "them"} was imported`}
      data-testid="sync-rejected"
    >
      <List size="sm" spacing={4}>
        {report.rejected.map((rejected) => (
          <List.Item key={`${rejected.file}\n${rejected.reason}`}>
            <Text span size="sm" fw={700} style={{ overflowWrap: "anywhere" }}>
              {rejected.file}
            </Text>
            : {rejected.reason}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function ConflictsAlert({ conflicts }: { conflicts: number }) {
  return (
    <Alert
      color="yellow"
      variant="light"
      title={`${conflictCount(conflicts)} ${conflicts === 1 ? "waits" : "wait"} for you`}
      data-testid="sync-conflicts-alert"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          Two laptops changed the same thing before they saw each other's changes. Nothing was lost:
          choose which value to keep.
        </Text>
        <Button
          component={Link}
          to="/sync/conflicts"
          size="xs"
          variant="default"
          data-testid="sync-review-conflicts"
        >
          Review conflicts
        </Button>
      </Stack>
    </Alert>
  );
}
