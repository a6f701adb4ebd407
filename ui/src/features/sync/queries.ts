// The queries and mutations behind the sync pages: where this register stands with the other
// laptops, the shared folder and its sync, change files exported and imported, joining an
// organisation, the conflicts a person resolves, and the refused files a person dismisses.
// The folder and file actions share a mutation key, so that the page can hold every button
// while one of them runs (each opens a native dialog, and a network share can take
// seconds); the status and "Sync now" live with the shared components, since the app's
// header syncs too. A sync, an import, joining and a resolution may change any record:
// everything is read again after them (see refreshRegister).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { conflictKeys } from "../../components/conflicts";
import { refreshRegister } from "../../components/refreshRegister";
import { syncActionKeys } from "../../components/syncQueries";
import {
  chooseSyncFolder,
  dismissRefusedFile,
  exportChanges,
  importChanges,
  joinOrganisation,
  listenToSyncFinished,
  openEncryptedChanges,
  setSyncAutomatically,
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

// The status and "Sync now" are shared with the app's header.
export {
  syncActionKeys,
  useSyncBusy,
  useSyncNow,
  useSyncStatus,
} from "../../components/syncQueries";

/** Asks for the shared folder and syncs with it at once; `null` when cancelled. */
export function useChooseSyncFolder() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: syncActionKeys.choose,
    mutationFn: chooseSyncFolder,
    onSuccess: (report) => (report ? refreshRegister(client) : undefined),
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
    onSuccess: (imported) => (imported ? refreshRegister(client) : undefined),
  });
}

export function useJoinOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: syncActionKeys.join,
    mutationFn: joinOrganisation,
    onSuccess: (imported) => (imported ? refreshRegister(client) : undefined),
  });
}

/** Opens the encrypted file an import or a join left waiting, with its passphrase. */
export function useOpenEncryptedChanges() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: syncActionKeys.unlock,
    mutationFn: (passphrase: string) => openEncryptedChanges(passphrase),
    onSuccess: () => refreshRegister(client),
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
    listenToSyncFinished(() => void refreshRegister(client))
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
