// A read-only overview of one kind of row across every processing activity (the transfers,
// the retention rules): search, sorting by activity, the loading, error and empty states,
// and a table whose rows link to their activity's page, where they are edited. Shortcuts:
// / or mod+K focuses the search.
import {
  Anchor,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import type { UseQueryResult } from "@tanstack/react-query";
import { type ReactNode, useMemo, useRef, useState } from "react";
import { Link } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { ListSearchInput } from "../../components/RecordListPage";
import { useActivities } from "../activities/queries";
import { type ActivitySortDirection, matchesSearch, sortByActivity } from "./acrossActivities";

/** A row that belongs to an activity. */
export interface ActivityRow {
  id: string;
  activityId: string;
}

export interface AcrossActivitiesColumn<TRow> {
  header: string;
  cell: (row: TRow) => ReactNode;
}

export interface AcrossActivitiesPageProps<TRow extends ActivityRow> {
  title: string;
  subtitle: string;
  /** Test ids: `${testId}-table`, `-row`, `-search`, `-sort-activity`, `-empty`, `-no-match`. */
  testId: string;
  /** What the rows are called in the loading and error states, e.g. "transfers". */
  plural: string;
  query: UseQueryResult<TRow[], Error>;
  /** The columns after the activity's. */
  columns: ReadonlyArray<AcrossActivitiesColumn<TRow>>;
  /** The texts the search looks in, besides the activity's name. */
  searchTexts: (row: TRow) => string[];
  /** Orders the rows of one activity, e.g. by country. */
  tieBreak: (row: TRow) => string;
  searchPlaceholder: string;
  /** The page for a register without any row yet: where these rows are added. */
  empty: { title: string; text: string };
  noMatch: string;
}

export function AcrossActivitiesPage<TRow extends ActivityRow>({
  title,
  subtitle,
  testId,
  plural,
  query,
  columns,
  searchTexts,
  tieBreak,
  searchPlaceholder,
  empty,
  noMatch,
}: AcrossActivitiesPageProps<TRow>) {
  const activities = useActivities();
  const [search, setSearch] = useState("");
  const [direction, setDirection] = useState<ActivitySortDirection>("asc");
  const searchRef = useRef<HTMLInputElement>(null);

  const focusSearch = () => searchRef.current?.focus();
  // mod+K works everywhere; / only when focus is not in a text field.
  useHotkeys([["mod+K", focusSearch]], []);
  useHotkeys([
    ["/", focusSearch],
    ["shift+/", focusSearch],
  ]);

  const activityData = activities.data;
  const activityNames = useMemo(
    () => new Map((activityData ?? []).map((activity) => [activity.id, activity.name])),
    [activityData],
  );
  const nameOf = (row: TRow) => activityNames.get(row.activityId) ?? "";

  // A few hundred rows at most: filtered and sorted on every render.
  const visible = sortByActivity(
    (query.data ?? []).filter((row) => matchesSearch([nameOf(row), ...searchTexts(row)], search)),
    nameOf,
    tieBreak,
    direction,
  );

  const ariaSort = direction === "asc" ? "ascending" : "descending";

  return (
    <Stack gap={0}>
      <PageHeader title={title} subtitle={subtitle} />

      <Group mb="md" align="flex-end" gap="md">
        <ListSearchInput
          ref={searchRef}
          value={search}
          onChange={setSearch}
          placeholder={searchPlaceholder}
          data-testid={`${testId}-search`}
        />
      </Group>

      {query.isPending ? (
        <LoadingState label={`Loading the ${plural}…`} />
      ) : query.isError ? (
        <ErrorState
          title={`Could not load the ${plural}`}
          message={query.error.message}
          onRetry={() => void query.refetch()}
        />
      ) : query.data.length === 0 ? (
        <Paper withBorder p="xl" data-testid={`${testId}-empty`}>
          <Stack align="flex-start" gap="sm">
            <Title order={4}>{empty.title}</Title>
            <Text size="sm">{empty.text}</Text>
            <Button component={Link} to="/activities" variant="default">
              Go to the processing activities
            </Button>
          </Stack>
        </Paper>
      ) : visible.length === 0 ? (
        <Text c="dimmed" py="lg" data-testid={`${testId}-no-match`}>
          {noMatch}
        </Text>
      ) : (
        <Paper withBorder>
          <Table
            highlightOnHover
            verticalSpacing="sm"
            horizontalSpacing="md"
            data-testid={`${testId}-table`}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th aria-sort={ariaSort}>
                  <UnstyledButton
                    onClick={() => setDirection((current) => (current === "asc" ? "desc" : "asc"))}
                    data-testid={`${testId}-sort-activity`}
                  >
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm" fw={700}>
                        Activity
                      </Text>
                      <Text size="xs" aria-hidden>
                        {direction === "asc" ? "▲" : "▼"}
                      </Text>
                    </Group>
                  </UnstyledButton>
                </Table.Th>
                {columns.map((column) => (
                  <Table.Th key={column.header}>{column.header}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((row) => (
                <Table.Tr key={row.id} data-testid={`${testId}-row`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/activities/${row.activityId}`} fw={500}>
                      {nameOf(row) || "Unnamed activity"}
                    </Anchor>
                  </Table.Td>
                  {columns.map((column) => (
                    <Table.Td key={column.header}>{column.cell(row)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}

      <Text size="xs" c="dimmed" mt="md">
        Shortcuts: / or Ctrl+K search · Esc clears it
      </Text>
    </Stack>
  );
}

/** Shown in a cell with nothing recorded. */
export function NotRecorded({ children = "Not recorded" }: { children?: ReactNode }) {
  return (
    <Text size="sm" c="dimmed" fs="italic">
      {children}
    </Text>
  );
}
