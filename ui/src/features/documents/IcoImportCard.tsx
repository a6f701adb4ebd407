// Imports activities from a spreadsheet in the ICO layout, in two steps: Rust asks for the
// file and checks every row, the page shows what would be added, and only the person's
// confirmation adds it, all or nothing.
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { type ReactNode, useState } from "react";
import { Link } from "react-router";
import { type IcoPreview, type KeptCell, StewardError } from "../../ipc";
import { activityCount } from "./labels";
import { useApplyIcoImport, usePreviewIcoImport } from "./queries";

export function IcoImportCard({ busy }: { busy: boolean }) {
  const preview = usePreviewIcoImport();
  const apply = useApplyIcoImport();
  /** What the chosen file would add, until it is imported or cancelled. */
  const [pending, setPending] = useState<IcoPreview | null>(null);
  /** What the last import added. */
  const [added, setAdded] = useState<IcoPreview | null>(null);
  /** The rows (as the sheet numbers them) the person unticked. */
  const [leftOut, setLeftOut] = useState<number[]>([]);
  const error = apply.error ?? preview.error;

  function choose() {
    apply.reset();
    setAdded(null);
    setPending(null);
    setLeftOut([]);
    preview.mutate(undefined, { onSuccess: (result) => setPending(result) });
  }

  function confirm() {
    preview.reset();
    apply.mutate(leftOut, {
      onSuccess: (result) => {
        setPending(null);
        setAdded(result);
      },
      // The file has to be chosen and checked again.
      onError: () => setPending(null),
    });
  }

  function cancel() {
    setPending(null);
    preview.reset();
    apply.reset();
  }

  return (
    <Card withBorder data-testid="ico-card">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={3} size="h4">
            Import from a spreadsheet (ICO layout)
          </Title>
          <Text size="sm" c="dimmed">
            Adds the activities of a spreadsheet in the layout above, such as the ICO's template for
            controllers filled in by hand, as an XLSX, ODS or CSV file (UTF-8 or Windows-1252,
            commas or semicolons). Steward reads the usual ways of writing things ("LI", "USA",
            "SCCs", "2 years after they leave") and shows what it would add: nothing changes until
            you confirm. What it does not recognise refuses nothing: it is kept as written in the
            activity's description, and listed below with the reason, for you to review.
          </Text>
        </Stack>

        {error ? <ImportErrors error={error} /> : null}
        {added ? <ImportDone added={added} onClose={() => setAdded(null)} /> : null}
        {pending ? (
          <ImportPreview
            preview={pending}
            leftOut={leftOut}
            onToggle={(row, include) =>
              setLeftOut((rows) =>
                include ? rows.filter((r) => r !== row) : [...rows.filter((r) => r !== row), row],
              )
            }
          />
        ) : null}

        <Group gap="sm">
          {pending ? (
            <>
              <Button
                onClick={confirm}
                loading={apply.isPending}
                disabled={
                  pending.activities.length === leftOut.length || (busy && !apply.isPending)
                }
                data-testid="ico-apply"
              >
                Import {activityCount(pending.activities.length - leftOut.length)}
              </Button>
              <Button variant="default" onClick={cancel} disabled={busy} data-testid="ico-cancel">
                Cancel
              </Button>
            </>
          ) : (
            <Button
              variant="default"
              onClick={choose}
              loading={preview.isPending}
              disabled={busy && !preview.isPending}
              data-testid="ico-choose"
            >
              Choose a file…
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

interface ImportPreviewProps {
  preview: IcoPreview;
  /** The rows the person unticked. */
  leftOut: number[];
  onToggle: (row: number, include: boolean) => void;
}

function ImportPreview({ preview, leftOut, onToggle }: ImportPreviewProps) {
  const { activities, newRecipients, newSourceOrganisations } = preview;
  return (
    <Stack gap="sm">
      {activities.length === 0 ? (
        <Text size="sm">The spreadsheet has no activities to import.</Text>
      ) : (
        <>
          <Text size="sm">
            Steward would add {activityCount(activities.length)}, each with the details counted
            below. Untick a row to leave it out.
          </Text>
          <Table.ScrollContainer minWidth={720}>
            <Table
              verticalSpacing="xs"
              horizontalSpacing="sm"
              withTableBorder
              aria-label="Activities in the spreadsheet"
              data-testid="ico-preview"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Import</Table.Th>
                  <Table.Th>Row</Table.Th>
                  <Table.Th>Activity</Table.Th>
                  <Table.Th ta="right">Purposes</Table.Th>
                  <Table.Th ta="right">Groups of people</Table.Th>
                  <Table.Th ta="right">Recipients</Table.Th>
                  <Table.Th ta="right">Transfers</Table.Th>
                  <Table.Th ta="right">Retention rules</Table.Th>
                  <Table.Th>In the register</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {activities.map((activity) => (
                  <Table.Tr key={activity.row} data-testid="ico-preview-row">
                    <Table.Td>
                      <Checkbox
                        checked={!leftOut.includes(activity.row)}
                        onChange={(event) => onToggle(activity.row, event.currentTarget.checked)}
                        aria-label={`Import row ${activity.row}: ${activity.name}`}
                        data-testid={`ico-include-${activity.row}`}
                      />
                    </Table.Td>
                    <Table.Td>{activity.row}</Table.Td>
                    <Table.Td>{activity.name}</Table.Td>
                    <Table.Td ta="right">{activity.purposes}</Table.Td>
                    <Table.Td ta="right">{activity.subjectGroups}</Table.Td>
                    <Table.Td ta="right">{activity.recipients}</Table.Td>
                    <Table.Td ta="right">{activity.transfers}</Table.Td>
                    <Table.Td ta="right">{activity.retentionRules}</Table.Td>
                    <Table.Td data-testid={`ico-outcome-${activity.row}`}>
                      {outcome(activity)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      <Understood preview={preview} />
      <KeptCells
        title="Kept as written, to review"
        cells={activities.flatMap((activity) => activity.keptAsWritten).filter((c) => !c.typed)}
        testId="ico-kept"
      />
      <KeptCells
        title="Read into fields on an assumption, to check"
        cells={activities.flatMap((activity) => activity.keptAsWritten).filter((c) => c.typed)}
        testId="ico-to-check"
      />
      <KeptCells title="Rows left out" cells={preview.skippedRows} testId="ico-skipped" />
      <NewNames
        title="New recipients, added to the register"
        names={newRecipients}
        testId="ico-new-recipients"
      />
      <NewNames
        title="New source organisations, added to the register"
        names={newSourceOrganisations}
        testId="ico-new-sources"
      />
      <PreviewPart
        title="Names linked to a record by another name"
        testId="ico-linked"
        shown={preview.linked.length > 0}
      >
        <List size="sm" spacing={2}>
          {preview.linked.map((link) => (
            <List.Item key={`${link.written}\n${link.record}`}>
              {`“${link.written}” is ${link.record} (${
                link.fromCatalogue ? "new, from the processor catalogue" : "already in the register"
              })`}
            </List.Item>
          ))}
        </List>
      </PreviewPart>
    </Stack>
  );
}

/** How much of what the spreadsheet says went into typed fields. */
function Understood({ preview }: { preview: IcoPreview }) {
  if (preview.cells === 0) {
    return null;
  }
  const understood = preview.cells - preview.cellsKeptAsWritten;
  const share = Math.round((understood / preview.cells) * 100);
  return (
    <Text size="sm" data-testid="ico-understood">
      {understood} of the {preview.cells} cells that say something went into the register's fields (
      {share} %).
    </Text>
  );
}

/** Each piece of a cell that went into no field, with its row, column and reason. */
function KeptCells({ title, cells, testId }: { title: string; cells: KeptCell[]; testId: string }) {
  return (
    <PreviewPart title={title} testId={testId} shown={cells.length > 0}>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing={4} horizontalSpacing="sm" withTableBorder aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Row</Table.Th>
              <Table.Th>Column</Table.Th>
              <Table.Th>As written</Table.Th>
              <Table.Th>Why</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cells.map((cell, index) => (
              // The same text may be kept twice from one cell, so the index tells them apart.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders.
              <Table.Tr key={`${cell.row}-${cell.column}-${index}`} data-testid={`${testId}-row`}>
                <Table.Td>{cell.row}</Table.Td>
                <Table.Td>{cell.column}</Table.Td>
                <Table.Td style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                  {cell.text}
                </Table.Td>
                <Table.Td>{cell.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </PreviewPart>
  );
}

function NewNames({ title, names, testId }: { title: string; names: string[]; testId: string }) {
  return (
    <PreviewPart title={title} testId={testId} shown={names.length > 0}>
      <List size="sm" spacing={2}>
        {names.map((name) => (
          <List.Item key={name}>{name}</List.Item>
        ))}
      </List>
    </PreviewPart>
  );
}

/** A titled part of the preview, left out when it has nothing to show. */
function PreviewPart({
  title,
  testId,
  shown,
  children,
}: {
  title: string;
  testId: string;
  shown: boolean;
  children: ReactNode;
}) {
  if (!shown) {
    return null;
  }
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

/** The error's message and, for a spreadsheet with mistakes, each cell to fix. */
function ImportErrors({ error }: { error: Error }) {
  const { message, fields } = StewardError.from(error);
  return (
    <Alert
      color="red"
      variant="light"
      title="Could not import the spreadsheet"
      role="alert"
      data-testid="ico-errors"
    >
      <Text size="sm">{message}</Text>
      {fields.length > 0 ? (
        <List size="sm" spacing={4} mt="xs">
          {fields.map(({ field, message: cellMessage }) => (
            <List.Item key={`${field}\n${cellMessage}`}>
              <Text span size="sm" fw={700}>
                {field}
              </Text>
              : {cellMessage}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}

/** "Added 3 activities." and, if the import brought new ones, the recipients and sources. */
function ImportDone({ added, onClose }: { added: IcoPreview; onClose: () => void }) {
  const others = [
    counted(added.newRecipients.length, "recipient", "recipients"),
    counted(added.newSourceOrganisations.length, "source organisation", "source organisations"),
  ].filter((text) => text !== "");
  return (
    <Alert
      color="teal"
      variant="light"
      title="Import finished"
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
      data-testid="ico-done"
    >
      <Text size="sm">
        {importedText(added)}
        {others.length > 0 ? ` Also added ${others.join(" and ")} to the register.` : ""}
      </Text>
      <Anchor component={Link} to="/" size="sm" data-testid="ico-done-dashboard">
        See what the register still lacks
      </Anchor>
    </Alert>
  );
}

/** What importing a row does: a new activity, or an update of the one the register holds. */
function outcome(activity: IcoPreview["activities"][number]): string {
  if (!activity.updates) {
    return "New";
  }
  return activity.changes.length === 0
    ? "Already there: nothing new"
    : `Updated: ${activity.changes.join("; ")}`;
}

/** "Added 2 activities and updated 3." */
function importedText(added: IcoPreview): string {
  const updated = added.activities.filter((activity) => activity.updates).length;
  const created = added.activities.length - updated;
  if (updated === 0) {
    return `Added ${activityCount(created)}.`;
  }
  if (created === 0) {
    return `Updated ${activityCount(updated)} already in the register.`;
  }
  return `Added ${activityCount(created)} and updated ${updated} already in the register.`;
}

function counted(count: number, one: string, many: string): string {
  if (count === 0) {
    return "";
  }
  return count === 1 ? `1 ${one}` : `${count} ${many}`;
}
