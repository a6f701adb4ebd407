// The TanStack queries and mutations of a record kept in a list (activities, recipients,
// source organisations, ...), made from its six commands: the list, one record, create,
// update, delete and the restore that the "Deleted 'X'" notification runs. An update and a
// delete carry the base the person saw (see recordBase.ts). Every change caches the saved
// record, refreshes the list and anything else that shows these records, marks the record's
// history stale so that its panel shows the change, and reads the conflicts again.
import {
  mutationOptions,
  type QueryClient,
  type QueryKey,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { invalidateConflicts } from "./conflicts";
import { invalidateRecordHistory } from "./history";
import type { DeleteRequest, SaveRequest } from "./recordBase";
import type { RecordKind } from "./recordKind";

/** The commands of one kind of record (see src/ipc/commands.ts). */
export interface ListedRecordCommands<TRecord, TInput> {
  list: () => Promise<TRecord[]>;
  get: (id: string) => Promise<TRecord>;
  create: (input: TInput) => Promise<TRecord>;
  update: (id: string, input: TInput, base: string | undefined) => Promise<TRecord>;
  remove: (id: string, base: string | undefined) => Promise<TRecord>;
  restore: (id: string) => Promise<TRecord>;
}

export interface ListedRecordQueriesOptions<TRecord, TInput> {
  /** The kind's history, if it has one, is refreshed after every change. */
  kind: Pick<RecordKind<TRecord>, "history">;
  /** The first part of every query key, e.g. "activities". */
  key: string;
  commands: ListedRecordCommands<TRecord, TInput>;
  /** Other cached data that shows these records and is refreshed after every change, e.g.
   *  the processor catalogue, whose entries say whether they are in the register. */
  dependents?: readonly QueryKey[];
}

export function listedRecordQueries<TRecord extends { id: string }, TInput>({
  kind,
  key,
  commands,
  dependents = [],
}: ListedRecordQueriesOptions<TRecord, TInput>) {
  const keys = {
    all: [key] as const,
    list: () => [key, "list"] as const,
    detail: (id: string) => [key, "detail", id] as const,
  };
  const historyKind = kind.history?.kind;

  function refreshLists(client: QueryClient) {
    return Promise.all([
      ...[keys.list(), ...dependents].map((queryKey) => client.invalidateQueries({ queryKey })),
      invalidateConflicts(client),
    ]);
  }

  /** Caches a saved (or restored) record and marks the lists and its history stale. */
  function afterSave(client: QueryClient, record: TRecord) {
    client.setQueryData(keys.detail(record.id), record);
    if (historyKind) {
      void invalidateRecordHistory(client, historyKind, record.id);
    }
    return refreshLists(client);
  }

  function useList() {
    return useQuery({ queryKey: keys.list(), queryFn: () => commands.list() });
  }

  function useRecord(id: string) {
    return useQuery({ queryKey: keys.detail(id), queryFn: () => commands.get(id) });
  }

  function useCreate() {
    const client = useQueryClient();
    return useMutation({
      // A new record has no base yet: the form's request carries none.
      mutationFn: ({ input }: SaveRequest<TInput>) => commands.create(input),
      onSuccess: (record) => afterSave(client, record),
    });
  }

  function useUpdate(id: string) {
    const client = useQueryClient();
    return useMutation({
      mutationFn: ({ input, base }: SaveRequest<TInput>) => commands.update(id, input, base),
      onSuccess: (record) => afterSave(client, record),
    });
  }

  function useDelete() {
    const client = useQueryClient();
    return useMutation({
      mutationFn: ({ id, base }: DeleteRequest) => commands.remove(id, base),
      onSuccess: (record) => {
        // Mark the detail stale without refetching it while its page is still on screen.
        void client.invalidateQueries({
          queryKey: keys.detail(record.id),
          refetchType: "none",
        });
        if (historyKind) {
          void invalidateRecordHistory(client, historyKind, record.id, { onScreen: false });
        }
        client.setQueryData<TRecord[]>(keys.list(), (list) =>
          list?.filter((item) => item.id !== record.id),
        );
        return refreshLists(client);
      },
    });
  }

  /** Undoes a delete; used by the "Deleted 'X'" notification, which lives outside the page. */
  function restoreOptions(id: string) {
    return mutationOptions({
      mutationFn: () => commands.restore(id),
      onSuccess: (record: TRecord, _variables, _onMutateResult, { client }) =>
        afterSave(client, record),
    });
  }

  return { keys, afterSave, useList, useRecord, useCreate, useUpdate, useDelete, restoreOptions };
}
