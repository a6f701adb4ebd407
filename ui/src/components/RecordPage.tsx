// The routed pages around the form of a record kept in a list, e.g. /activities/new and
// /activities/:id: the breadcrumb back to the list, the page header, and for a saved record
// the loading, error and not-found states and, below the form, its history. A record that
// is deleted elsewhere (a sync, another window) while its form is open stays on screen with
// a warning, so that nothing typed is lost: saving it brings it back, and the back end keeps
// the delete as a conflict for a person to settle. A record that cannot be read again for
// another reason stays on screen too, as last read.
import { Alert, Stack, Text } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { StewardError } from "../ipc";
import { BackToList } from "./BackToList";
import { formatDateTime } from "./formatDate";
import { HistoryPanel } from "./HistoryPanel";
import { useRecordHistory } from "./history";
import type { FormatValue } from "./historyText";
import { PageHeader } from "./PageHeader";
import { ErrorState, LoadingState } from "./QueryStates";
import type { RecordKind } from "./recordKind";

export interface NewRecordPageProps {
  kind: Pick<RecordKind<never>, "list">;
  title: string;
  /** What to record and how much is needed to start. */
  subtitle: string;
  /** The empty form. */
  children: ReactNode;
}

export function NewRecordPage({ kind, title, subtitle, children }: NewRecordPageProps) {
  return (
    <Stack gap={0}>
      <BackToList {...kind.list} current="New" />
      <PageHeader title={title} subtitle={subtitle} />
      {children}
    </Stack>
  );
}

export interface RecordDetailPageProps<TRecord> {
  kind: RecordKind<TRecord>;
  /** The query for the record whose id is in the route. */
  query: UseQueryResult<TRecord, Error>;
  /** The page title; the record's name by default. */
  title?: (record: TRecord) => string;
  /** The form for the loaded record. */
  children: (record: TRecord) => ReactNode;
  /** How stored values read in the history, e.g. a linked recipient's name for its id. */
  formatHistoryValue?: FormatValue;
}

export function RecordDetailPage<TRecord extends { id: string; updatedAt: string }>({
  kind,
  query,
  title = kind.nameOf,
  children,
  formatHistoryValue,
}: RecordDetailPageProps<TRecord>) {
  if (query.isPending) {
    return <LoadingState label={`Loading the ${kind.noun}…`} />;
  }
  const notFound =
    query.isError && query.error instanceof StewardError && query.error.code === "notFound";
  const record = query.data;
  if (record === undefined) {
    return (
      <Stack gap="md">
        <BackToList {...kind.list} current="Not available" />
        <ErrorState
          title={notFound ? `This ${kind.noun} does not exist` : `Could not load the ${kind.noun}`}
          message={
            notFound
              ? `It may have been deleted. Go back to the list to see the ${kind.plural} on record.`
              : (query.error?.message ?? "")
          }
          onRetry={notFound ? undefined : () => void query.refetch()}
        />
      </Stack>
    );
  }

  return (
    <Stack gap={0}>
      <BackToList {...kind.list} current={kind.nameOf(record)} />
      <PageHeader
        title={title(record)}
        subtitle={`Last changed ${formatDateTime(record.updatedAt)}`}
      />
      {notFound ? (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={`This ${kind.noun} was deleted elsewhere`}
          mb="md"
          maw={760}
          data-testid="record-deleted-elsewhere"
        >
          <Text size="sm">
            {`It was deleted on another laptop or in another window while you had it open. What you see here is kept: save to keep the ${kind.noun} with your changes (the delete then waits as a conflict for you to settle), or go back to the list.`}
          </Text>
        </Alert>
      ) : query.isError ? (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={`Could not read the ${kind.noun} again`}
          mb="md"
          maw={760}
          data-testid="record-refresh-failed"
        >
          <Text size="sm">{`${query.error.message} The form shows it as it was last read.`}</Text>
        </Alert>
      ) : null}
      {children(record)}
      {kind.history ? (
        <RecordHistory {...kind.history} id={record.id} formatValue={formatHistoryValue} />
      ) : null}
    </Stack>
  );
}

type RecordHistoryProps = NonNullable<RecordKind<never>["history"]> & {
  id: string;
  formatValue?: FormatValue;
};

function RecordHistory({ kind, id, labels, formatValue }: RecordHistoryProps) {
  return (
    <HistoryPanel query={useRecordHistory(kind, id)} labels={labels} formatValue={formatValue} />
  );
}
