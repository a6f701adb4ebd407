// The list page of a kind of record (source organisations, website third parties, ...):
// the header with the "New" button, the search and filters, the loading, error and empty
// states, the table of the records that pass the filters, and the keyboard shortcuts
// (/ or mod+K focuses the search, N or mod+N opens a new record).
import { Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode, Ref, RefObject } from "react";
import { useNavigate } from "react-router";
import { PageHeader } from "./PageHeader";
import { ErrorState, LoadingState } from "./QueryStates";
import { type RecordKind, recordPath } from "./recordKind";

export interface RecordListPageProps<TRecord> {
  /** Test ids: `${testId}-new`, `${testId}-empty`, `${testId}-new-empty`, `${testId}-no-match`. */
  kind: RecordKind<TRecord>;
  subtitle: string;
  /** The text of the button that opens an empty form, e.g. "New source organisation". */
  newLabel: string;
  query: UseQueryResult<TRecord[], Error>;
  /** The records that pass the search and filters. */
  visible: TRecord[];
  /** The search input and the filters above the table. */
  filters: ReactNode;
  /** The input that / and mod+K focus. */
  searchRef?: RefObject<HTMLInputElement | null>;
  /** The page for a register without any record yet: a title and what to record. */
  empty: { title: string; text: string };
  /** Shown when there are records but none passes the search and filters. */
  noMatch: string;
  /** The table of the visible records. */
  children: (visible: TRecord[]) => ReactNode;
}

export function RecordListPage<TRecord>({
  kind,
  subtitle,
  newLabel,
  query,
  visible,
  filters,
  searchRef,
  empty,
  noMatch,
  children,
}: RecordListPageProps<TRecord>) {
  const navigate = useNavigate();
  const goToNew = () => navigate(recordPath(kind, "new"));
  const focusSearch = () => searchRef?.current?.focus();

  // mod+N and mod+K work everywhere, even while typing in the search box.
  useHotkeys(
    [
      ["mod+N", goToNew],
      ["mod+K", focusSearch],
    ],
    [],
  );
  // Single keys only when focus is not in a text field.
  useHotkeys([
    ["n", goToNew],
    ["/", focusSearch],
    ["shift+/", focusSearch],
  ]);

  return (
    <Stack gap={0}>
      <PageHeader
        title={kind.list.label}
        subtitle={subtitle}
        actions={
          <Button onClick={goToNew} data-testid={`${kind.testId}-new`}>
            {newLabel}
          </Button>
        }
      />

      <Group mb="md" align="flex-end" gap="md">
        {filters}
      </Group>

      {query.isPending ? (
        <LoadingState label={`Loading the ${kind.plural}…`} />
      ) : query.isError ? (
        <ErrorState
          title={`Could not load the ${kind.plural}`}
          message={query.error.message}
          onRetry={() => void query.refetch()}
        />
      ) : query.data.length === 0 ? (
        <Paper withBorder p="xl" data-testid={`${kind.testId}-empty`}>
          <Stack align="flex-start" gap="sm">
            <Title order={4}>{empty.title}</Title>
            <Text size="sm">{empty.text}</Text>
            <Button onClick={goToNew} data-testid={`${kind.testId}-new-empty`}>
              {newLabel}
            </Button>
          </Stack>
        </Paper>
      ) : visible.length === 0 ? (
        <Text c="dimmed" py="lg" data-testid={`${kind.testId}-no-match`}>
          {noMatch}
        </Text>
      ) : (
        children(visible)
      )}

      <Text size="xs" c="dimmed" mt="md">
        {`Shortcuts: ${searchRef ? "/ or Ctrl+K search · " : ""}N or Ctrl+N ${newLabel.toLocaleLowerCase()}`}
      </Text>
    </Stack>
  );
}

export interface ListSearchInputProps {
  ref?: Ref<HTMLInputElement>;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  "data-testid": string;
  label?: string;
}

/** The search box of a list: Escape empties it. */
export function ListSearchInput({ onChange, label = "Search", ...props }: ListSearchInputProps) {
  return (
    <TextInput
      {...props}
      flex={1}
      miw={240}
      maw={420}
      label={label}
      onChange={(event) => onChange(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          onChange("");
        }
      }}
      type="search"
    />
  );
}
