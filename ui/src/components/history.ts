// The queries behind the history panel: a record's changes (`get_history`) and the
// organisation profile's (`get_organisation_history`), and the invalidation that a record's
// mutations run so that the panel shows a save right after it.
import type { QueryClient } from "@tanstack/react-query";
import { useQuery } from "@tanstack/react-query";
import { getHistory, getOrganisationHistory, type RecordKind as HistoryKind } from "../ipc";

export const historyKeys = {
  all: ["history"] as const,
  record: (kind: HistoryKind, id: string) => [...historyKeys.all, kind, id] as const,
  organisation: () => [...historyKeys.all, "organisationProfile"] as const,
};

export function useRecordHistory(kind: HistoryKind, id: string) {
  return useQuery({ queryKey: historyKeys.record(kind, id), queryFn: () => getHistory(kind, id) });
}

export function useOrganisationHistory() {
  return useQuery({
    queryKey: historyKeys.organisation(),
    queryFn: () => getOrganisationHistory(),
  });
}

/** Marks a record's history stale; it is read again at once if on screen, unless the record
 *  was just deleted (`onScreen: false`) and its page is about to go. */
export function invalidateRecordHistory(
  client: QueryClient,
  kind: HistoryKind,
  id: string,
  { onScreen = true }: { onScreen?: boolean } = {},
) {
  return client.invalidateQueries({
    queryKey: historyKeys.record(kind, id),
    refetchType: onScreen ? "active" : "none",
  });
}

export function invalidateOrganisationHistory(client: QueryClient) {
  return client.invalidateQueries({ queryKey: historyKeys.organisation() });
}
