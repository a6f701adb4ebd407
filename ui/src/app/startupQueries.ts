// The queries of start-up: whether the register opened, asked once before any screen reads
// it, and the recovery of a damaged register from its newest good backup.
import { useMutation, useQuery } from "@tanstack/react-query";
import { OUTSIDE_REGISTER } from "../components/refreshRegister";
import { getStartup, recoverDatabase } from "../ipc";

export const startupKeys = {
  startup: ["startup"] as const,
};

/** How the register opened. It does not change while the app runs (the window that could
 *  not open its register stays without it until a recovery), so it is read once. */
export function useStartup() {
  return useQuery({
    queryKey: startupKeys.startup,
    queryFn: getStartup,
    staleTime: Number.POSITIVE_INFINITY,
    // Nor does a change of the register's contents (a sync, another process) change it.
    meta: OUTSIDE_REGISTER,
  });
}

/** Sets the damaged register aside and restores its newest good backup in its place. */
export function useRecoverDatabase() {
  return useMutation({ mutationFn: recoverDatabase });
}
