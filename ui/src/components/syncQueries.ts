// The sync status and "Sync now", shared by the Sync page and the app's header (whose "Sync
// now" runs from any page, without leaving it). The folder and file actions of the Sync page
// share a mutation key with "Sync now", so that every sync button waits while one of them
// runs (each may open a native dialog, and a network share can take seconds). A sync may
// change any record: everything is read again after it.
import { useIsMutating, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getSyncStatus, syncNow } from "../ipc";
import { conflictKeys } from "./conflicts";
import { refreshRegister } from "./refreshRegister";

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

/** Where this register stands; the navigation's conflict count, the header's "Sync now" and
 *  the sync page share it. `always` reads it again each time the page opens (a save
 *  anywhere adds a change). */
export function useSyncStatus({ always = false }: { always?: boolean } = {}) {
  return useQuery({
    queryKey: conflictKeys.status,
    queryFn: getSyncStatus,
    ...(always ? { refetchOnMount: "always" as const } : {}),
  });
}

/** Whether a sync, an export, an import or joining runs. */
export function useSyncBusy(): boolean {
  return useIsMutating({ mutationKey: syncActionKeys.all }) > 0;
}

/** Writes this laptop's new changes into the shared folder and imports the others'; then
 *  every screen reads the register again. */
export function useSyncNow() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: syncActionKeys.now,
    mutationFn: syncNow,
    onSuccess: () => refreshRegister(client),
  });
}
