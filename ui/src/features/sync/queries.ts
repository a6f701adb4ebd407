// The queries and mutations behind the sync pages: where this register stands with the other
// laptops, the shared folder and its sync, change files exported and imported, joining an
// organisation, the conflicts a person resolves, and the refused files a person dismisses.
// The folder and file actions share a mutation key, so that the page can hold every button
// while one of them runs (each opens a native dialog, and a network share can take seconds). A sync, an import, joining and a
// resolution may change any record: everything is read again after them.
import {
  type QueryClient,
  useIsMutating,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useEffect } from "react";
import { conflictKeys } from "../../components/conflicts";
import {
  chooseSyncFolder,
  dismissRefusedFile,
  exportChanges,
  getSyncStatus,
  importChanges,
  joinOrganisation,
  listenToSyncFinished,
  openEncryptedChanges,
  setSyncAutomatically,
  syncNow,
} from "../../ipc";

export const syncKeys = {
  all: ["sync"] as const,
  status: conflictKeys.status,
  conflicts: conflictKeys.conflicts,
  newerValues: conflictKeys.newerValues,
};

// The conflicts and the values a newer Steward wrote are shown in the records' own forms
// too, so their queries live with the shared components.
export { useConflicts, useNewerValues, useResolveConflict } from "../../components/conflicts";

/** The folder and file actions, which hold each other's buttons. */
export const syncActionKeys = {
  all: ["syncAction"] as const,
  choose: ["syncAction", "choose"] as const,
  now: ["syncAction", "now"] as const,
  export: ["syncAction", "export"] as const,
  import: ["syncAction", "import"] as const,
  join: ["syncAction", "join"] as const,
  unlock: ["syncAction", "unlock"] as const,
};

/** Where this register stands; the navigation's conflict count and the sync page share it.
 *  `always` reads it again each time the page opens (a save anywhere adds a change). */
export function useSyncStatus({ always = false }: { always?: boolean } = {}) {
  return useQuery({
    queryKey: syncKeys.status,
    queryFn: getSyncStatus,
    ...(always ? { refetchOnMount: "always" as const } : {}),
  });
}

/** Whether a sync, an export, an import or joining runs. */
export function useSyncBusy(): boolean {
  return useIsMutating({ mutationKey: syncActionKeys.all }) > 0;
}

function refreshEverything(client: QueryClient) {
  return client.invalidateQueries();
}

/** Asks for the shared folder and syncs with it at once; `null` when cancelled. */
export function useChooseSyncFolder() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: syncActionKeys.choose,
    mutationFn: chooseSyncFolder,
    onSuccess: (report) => (report ? refreshEverything(client) : undefined),
  });
}

export function useSyncNow() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: syncActionKeys.now,
    mutationFn: syncNow,
    onSuccess: () => refreshEverything(client),
  });
}

/** Turns syncing when Steward starts and quits on or off; the status it returns is kept. */
export function useSetSyncAutomatically() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) => setSyncAutomatically(enabled),
    onSuccess: (status) => client.setQueryData(syncKeys.status, status),
  });
}

/** Saves this laptop's changes, or with `everything` a starter file, encrypted when a
 *  passphrase is given; changes nothing. */
export function useExportChanges() {
  return useMutation({
    mutationKey: syncActionKeys.export,
    mutationFn: ({ everything, passphrase }: { everything: boolean; passphrase?: string }) =>
      exportChanges(everything, passphrase),
  });
}

export function useImportChanges() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: syncActionKeys.import,
    mutationFn: importChanges,
    onSuccess: (imported) => (imported ? refreshEverything(client) : undefined),
  });
}

export function useJoinOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: syncActionKeys.join,
    mutationFn: joinOrganisation,
    onSuccess: (imported) => (imported ? refreshEverything(client) : undefined),
  });
}

/** Opens the encrypted file an import or a join left waiting, with its passphrase. */
export function useOpenEncryptedChanges() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: syncActionKeys.unlock,
    mutationFn: (passphrase: string) => openEncryptedChanges(passphrase),
    onSuccess: () => refreshEverything(client),
  });
}

/** Dismisses a refused file from the problems; the status it returns is kept. */
export function useDismissRefusedFile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => dismissRefusedFile(id),
    onSuccess: (status) => client.setQueryData(syncKeys.status, status),
  });
}

/** Reads everything again whenever Steward finishes a sync by itself (when it starts, if
 *  the person turned that on). Outside Tauri (a plain browser) there is nothing to hear. */
export function useRefreshAfterAutomaticSync() {
  const client = useQueryClient();
  useEffect(() => {
    let stop: (() => void) | undefined;
    let stopped = false;
    listenToSyncFinished(() => void refreshEverything(client))
      .then((unlisten) => {
        if (stopped) {
          unlisten();
        } else {
          stop = unlisten;
        }
      })
      .catch(() => undefined);
    return () => {
      stopped = true;
      stop?.();
    };
  }, [client]);
}
