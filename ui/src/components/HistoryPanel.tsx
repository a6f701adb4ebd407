// The collapsible "History" section at the bottom of a record's page: who changed what
// when, newest first, from the op log. Presentation only: the page passes the query (see
// history.ts), the form's labels and, if it likes, how stored values read. Everything the
// user typed is rendered as text.
import { Accordion, Button, Group, Stack, Text } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { useState } from "react";
import type { HistoryEntry } from "../ipc";
import { formatDateTime } from "./formatDate";
import { describeChange, type FieldLabels, type FormatValue } from "./historyText";
import { ErrorState, LoadingState } from "./QueryStates";

/** How many changes show before "Show all". */
const FIRST_PAGE = 20;

export interface HistoryPanelProps {
  query: UseQueryResult<HistoryEntry[], Error>;
  /** The form's labels by field name; fields without one show their name. */
  labels?: FieldLabels;
  /** How stored values read, e.g. a linked record's name for its id; as stored by default. */
  formatValue?: FormatValue;
}

type RowsProps = Pick<HistoryPanelProps, "labels" | "formatValue">;

export function HistoryPanel({ query, labels, formatValue }: HistoryPanelProps) {
  const count = query.data?.length;
  return (
    <Accordion
      variant="contained"
      defaultValue="history"
      order={3}
      mt="xl"
      maw={760}
      data-testid="history"
    >
      <Accordion.Item value="history">
        <Accordion.Control>
          <Group gap="sm">
            <Text fw={600}>History</Text>
            {count === undefined ? null : (
              <Text size="sm" c="dimmed">
                {count === 1 ? "1 change" : `${count} changes`}
              </Text>
            )}
          </Group>
        </Accordion.Control>
        <Accordion.Panel>
          {query.isPending ? (
            <LoadingState label="Loading the history…" />
          ) : query.isError ? (
            <ErrorState
              title="Could not load the history"
              message={query.error.message}
              onRetry={() => void query.refetch()}
            />
          ) : query.data.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="history-empty">
              No changes recorded yet.
            </Text>
          ) : (
            <HistoryList entries={query.data} labels={labels} formatValue={formatValue} />
          )}
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

function HistoryList({ entries, ...format }: RowsProps & { entries: HistoryEntry[] }) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? entries : entries.slice(0, FIRST_PAGE);
  return (
    <Stack gap="sm">
      <Stack gap="xs" component="ol" p={0} m={0} style={LIST} aria-label="Changes, newest first">
        {shown.map((entry, index) => (
          <HistoryRow
            // The log has no ids; entries never reorder while shown, so the index is stable.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            entry={entry}
            {...format}
          />
        ))}
      </Stack>
      {shown.length < entries.length ? (
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setShowAll(true)}
            data-testid="history-show-all"
          >
            {`Show all ${entries.length} changes`}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function HistoryRow({ entry, labels, formatValue }: RowsProps & { entry: HistoryEntry }) {
  const colour =
    entry.change === "deleted" ? "red" : entry.change === "restored" ? "teal" : undefined;
  return (
    <Stack gap={0} component="li" data-testid="history-entry" data-change={entry.change}>
      <Text size="sm" c={colour} fw={entry.change === "set" ? undefined : 600} style={WRAP}>
        {describeChange(entry, labels, formatValue)}
      </Text>
      <Text size="xs" c="dimmed">
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
        {` · ${entry.author}`}
      </Text>
    </Stack>
  );
}

const LIST = { listStyle: "none" } as const;

/** Long values (notes, addresses) keep their line breaks and wrap anywhere. */
const WRAP = { whiteSpace: "pre-wrap", overflowWrap: "anywhere" } as const;
