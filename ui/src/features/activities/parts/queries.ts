// TanStack queries and mutations for the rows that belong to one activity (its purposes,
// people and data, sources, recipients, transfers and retention rules). Every change
// refreshes the activity's list of that kind, the completeness review (which reads all of
// them), the row's history and the conflicts. An update and a delete carry the base of the
// row as the person saw it (see recordBase.ts).
import {
  mutationOptions,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { invalidateConflicts } from "../../../components/conflicts";
import { invalidateRecordHistory } from "../../../components/history";
import type { DeleteRequest, SaveRequest } from "../../../components/recordBase";
import type { PartCommands, RecordKind } from "../../../ipc";

/** The rows every part has. */
export interface PartRow {
  id: string;
  activityId: string;
}

export const partKeys = {
  all: ["activityParts"] as const,
  kind: (kind: RecordKind) => [...partKeys.all, kind] as const,
  list: (kind: RecordKind, activityId: string) => [...partKeys.kind(kind), activityId] as const,
};

/** The completeness panel's queries all start with this key. */
export const activityReviewKey = ["activityReview"] as const;

/** Marks stale what shows a part after a change to one of its rows; the history of the row
 *  is read again at once only if it is on screen and the row still exists. */
export function refreshAfterPartChange<Row extends PartRow>(
  client: QueryClient,
  commands: Pick<PartCommands<Row, unknown>, "kind">,
  row: Row,
  { deleted = false }: { deleted?: boolean } = {},
) {
  void invalidateRecordHistory(client, commands.kind, row.id, { onScreen: !deleted });
  return Promise.all([
    // The kind's lists of every activity: views across activities (the transfers) too.
    client.invalidateQueries({ queryKey: partKeys.kind(commands.kind) }),
    client.invalidateQueries({ queryKey: activityReviewKey }),
    invalidateConflicts(client),
  ]);
}

export function usePartList<Row, Input>(commands: PartCommands<Row, Input>, activityId: string) {
  return useQuery({
    queryKey: partKeys.list(commands.kind, activityId),
    queryFn: () => commands.list(activityId),
  });
}

/** Saves a row: creates it (`id` null) or updates it. */
export function useSavePart<Row extends PartRow, Input>(
  commands: PartCommands<Row, Input>,
  id: string | null,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ input, base }: SaveRequest<Input>) =>
      id === null ? commands.create(input) : commands.update(id, input, base),
    onSuccess: (row) => refreshAfterPartChange(client, commands, row),
  });
}

export function useDeletePart<Row extends PartRow, Input>(commands: PartCommands<Row, Input>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, base }: DeleteRequest) => commands.remove(id, base),
    onSuccess: (row) => {
      client.setQueryData<Row[]>(partKeys.list(commands.kind, row.activityId), (list) =>
        list?.filter((item) => item.id !== row.id),
      );
      return refreshAfterPartChange(client, commands, row, { deleted: true });
    },
  });
}

/** Undoes a delete; used by the "Deleted 'X'" notification, which lives outside the page. */
export function restorePartOptions<Row extends PartRow, Input>(
  commands: PartCommands<Row, Input>,
  id: string,
) {
  return mutationOptions({
    mutationFn: () => commands.restore(id),
    onSuccess: (row: Row, _variables, _onMutateResult, { client }) =>
      refreshAfterPartChange(client, commands, row),
  });
}
