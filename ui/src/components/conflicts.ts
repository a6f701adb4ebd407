// The queries behind the conflicts and the values a newer Steward wrote, shared by the sync
// page and every record's form and list: the conflicts waiting for a person, the fields
// whose latest value this version cannot read, the resolution of a conflict, and the
// refresh a save runs (a save against an older base can leave a new conflict, and the
// navigation counts them).
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import {
  type Conflict,
  listConflicts,
  listNewerValues,
  type NewerValue,
  type RecordKind,
  type ResolveConflictInput,
  resolveConflict,
  StewardError,
} from "../ipc";

/** Under the sync page's prefix, so that what refreshes the sync refreshes these too. */
export const conflictKeys = {
  conflicts: ["sync", "conflicts"] as const,
  newerValues: ["sync", "newerValues"] as const,
  /** The sync status, whose conflict count the navigation shows. */
  status: ["sync", "status"] as const,
};

/** Which records a query result is about: one record of a kind, or for the organisation
 *  profile (one per register, whose id the forms do not know) any record of the kind. */
export interface RecordRef {
  kind: RecordKind;
  /** null: any record of the kind. */
  id: string | null;
}

function isAbout(ref: RecordRef, item: { record: RecordKind; recordId: string }): boolean {
  return item.record === ref.kind && (ref.id === null || item.recordId === ref.id);
}

export interface MarkQueryOptions {
  /** Read them again each time a page that shows them opens (the sync pages); forms and
   *  lists read them when they are stale. */
  always?: boolean;
  /** False where nothing could be marked (a new record's form). */
  enabled?: boolean;
}

/** Every conflict waiting for a person. */
export function useConflicts({ always = false, enabled = true }: MarkQueryOptions = {}) {
  return useQuery({
    queryKey: conflictKeys.conflicts,
    queryFn: listConflicts,
    enabled,
    ...(always ? { refetchOnMount: "always" as const } : {}),
  });
}

/** Every field whose latest value a newer Steward wrote. */
export function useNewerValues({ always = false, enabled = true }: MarkQueryOptions = {}) {
  return useQuery({
    queryKey: conflictKeys.newerValues,
    queryFn: listNewerValues,
    enabled,
    ...(always ? { refetchOnMount: "always" as const } : {}),
  });
}

const NO_CONFLICTS: readonly Conflict[] = [];
const NO_NEWER_VALUES: readonly NewerValue[] = [];

/** The conflicts and newer values of one record (none while they load or for a new
 *  record). */
export function useRecordMarkData(ref: RecordRef | null) {
  const enabled = ref !== null;
  const conflicts = useConflicts({ enabled }).data ?? NO_CONFLICTS;
  const newer = useNewerValues({ enabled }).data ?? NO_NEWER_VALUES;
  const kind = ref?.kind;
  const id = ref?.id;
  return useMemo(() => {
    if (!kind || id === undefined) {
      return { conflicts: NO_CONFLICTS, newer: NO_NEWER_VALUES };
    }
    const about = { kind, id };
    return {
      conflicts: conflicts.filter((conflict) => isAbout(about, conflict)),
      newer: newer.filter((value) => isAbout(about, value)),
    };
  }, [conflicts, newer, kind, id]);
}

/** The ids of the records of a kind that have a conflict, for the badges of a list. */
export function useConflictedIds(kind: RecordKind): ReadonlySet<string> {
  const { data } = useConflicts();
  return useMemo(
    () =>
      new Set(
        (data ?? NO_CONFLICTS)
          .filter((conflict) => conflict.record === kind)
          .map((conflict) => conflict.recordId),
      ),
    [data, kind],
  );
}

/** The ids of the activities with a conflict of their own or in one of their rows (a
 *  purpose, a transfer...), for the badges of the activities' list: the row is settled on
 *  the activity's page. */
export function useConflictedActivityIds(): ReadonlySet<string> {
  const { data } = useConflicts();
  return useMemo(
    () =>
      new Set(
        (data ?? NO_CONFLICTS).flatMap((conflict) => {
          if (conflict.record === "activity") {
            return [conflict.recordId];
          }
          return conflict.activityId === null ? [] : [conflict.activityId];
        }),
      ),
    [data],
  );
}

/** After a save or a delete: the conflicts, the newer values and the navigation's count are
 *  read again (a save against an older base may have left a conflict, and a saved value
 *  replaces a newer Steward's). */
export function invalidateConflicts(client: QueryClient) {
  return Promise.all(
    Object.values(conflictKeys).map((queryKey) => client.invalidateQueries({ queryKey })),
  );
}

/** Settles a conflict, from the sync page or from the record's own form. A resolution may
 *  change any record (a delete kept or carried out, a value that another check reads), so
 *  everything is read again afterwards, and after a "notFound": a conflict resolved
 *  elsewhere leaves the lists. */
export function useResolveConflict() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ResolveConflictInput) => resolveConflict(input),
    onSuccess: () => client.invalidateQueries(),
    onError: (error) => {
      if (error instanceof StewardError && error.code === "notFound") {
        void client.invalidateQueries();
      }
    },
  });
}
