// The queries and mutations of the Backups page: the backups and their folder (read again
// each time the page opens, since Steward makes them by itself), backing up now into the
// folder or to a chosen file, and restoring a listed backup or a chosen file after a
// preview. The actions share a mutation key, so that the page holds every button while one
// runs (a native dialog may be open, and a restore replaces the register). A restore
// changes the whole register: everything is read again after it.
import { useIsMutating, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  backupNow,
  backupTo,
  chooseBackupFile,
  listBackups,
  previewRestore,
  restoreBackup,
  restoreChosenBackup,
} from "../../ipc";

export const backupKeys = {
  all: ["backups"] as const,
  list: ["backups", "list"] as const,
};

/** The actions, which hold each other's buttons. */
export const backupActionKeys = {
  all: ["backupAction"] as const,
  now: ["backupAction", "now"] as const,
  to: ["backupAction", "to"] as const,
  preview: ["backupAction", "preview"] as const,
  choose: ["backupAction", "choose"] as const,
  restore: ["backupAction", "restore"] as const,
};

export function useBackups() {
  return useQuery({
    queryKey: backupKeys.list,
    queryFn: listBackups,
    refetchOnMount: "always",
  });
}

/** Whether a backup, a preview or a restore runs. */
export function useBackupBusy(): boolean {
  return useIsMutating({ mutationKey: backupActionKeys.all }) > 0;
}

/** Backs up into the folder now; the list is read again. */
export function useBackupNow() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: backupActionKeys.now,
    mutationFn: backupNow,
    onSuccess: () => client.invalidateQueries({ queryKey: backupKeys.all }),
  });
}

/** Asks where to put a copy and writes it there (with the JSON beside it); returns where
 *  both files went, or `null` when the person cancels. The copy is not in the folder, so the list stays as it is. */
export function useBackupTo() {
  return useMutation({ mutationKey: backupActionKeys.to, mutationFn: backupTo });
}

/** What restoring a listed backup would change; changes nothing. */
export function usePreviewRestore() {
  return useMutation({
    mutationKey: backupActionKeys.preview,
    mutationFn: (id: string) => previewRestore(id),
  });
}

/** Asks for a backup file and says what restoring it would change; `null` when the person
 *  cancels. The file waits in Rust for the restore. */
export function useChooseBackupFile() {
  return useMutation({ mutationKey: backupActionKeys.choose, mutationFn: chooseBackupFile });
}

/** What a confirmed restore restores: a listed backup by its id, or the chosen file. */
export type RestoreSource = { kind: "listed"; id: string } | { kind: "file" };

/** Restores a listed backup or the chosen file. The whole register changed, so every query
 *  is read again (the list too: the register as it was is now a backup). */
export function useRestore() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: backupActionKeys.restore,
    mutationFn: (source: RestoreSource) =>
      source.kind === "listed" ? restoreBackup(source.id) : restoreChosenBackup(),
    onSuccess: () => client.invalidateQueries(),
  });
}
