// The privacy policy drafted from the register, its export, a person's own text per
// section, and the versions saved when it is published. The draft and its changes since the
// last saved version are read again every time the page opens, so that they always state
// the register as it is now; every edit and saved version makes both stale. Saving and
// removing a person's text carry the base of the text as the person saw it (see
// recordBase.ts).
import {
  mutationOptions,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { invalidateConflicts } from "../../components/conflicts";
import type { DeleteRequest, SaveRequest } from "../../components/recordBase";
import {
  deletePolicyEdit,
  exportPolicy,
  getPolicyChanges,
  getPolicyDraft,
  type PolicyEdit,
  type PolicyEditInput,
  type PolicyFormat,
  restorePolicyEdit,
  savePolicyEdit,
  savePolicyVersion,
} from "../../ipc";

export const policyKeys = {
  draft: ["policyDraft"] as const,
  changes: ["policyChanges"] as const,
  export: ["policy", "export"] as const,
};

/** Marks the draft and its changes stale; both are read again while on screen. */
function refreshPolicy(client: QueryClient) {
  return Promise.all([
    client.invalidateQueries({ queryKey: policyKeys.draft }),
    client.invalidateQueries({ queryKey: policyKeys.changes }),
  ]);
}

export function usePolicyDraft() {
  return useQuery({
    queryKey: policyKeys.draft,
    queryFn: getPolicyDraft,
    // Any save anywhere in the register may change the draft.
    staleTime: 0,
    refetchOnMount: "always",
  });
}

/** The draft compared with the last saved version. */
export function usePolicyChanges() {
  return useQuery({
    queryKey: policyKeys.changes,
    queryFn: getPolicyChanges,
    // Like the draft, it changes with every save in the register.
    staleTime: 0,
    refetchOnMount: "always",
  });
}

/** Exports the policy; `null` when the person cancels the save dialog. */
export function useExportPolicy() {
  return useMutation({
    mutationKey: policyKeys.export,
    mutationFn: (format: PolicyFormat) => exportPolicy(format),
  });
}

/** Saves a person's text for a section (a new one, or a change of the section's text). */
export function useSavePolicyEdit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ input, base }: SaveRequest<PolicyEditInput>) => savePolicyEdit(input, base),
    onSuccess: () => Promise.all([refreshPolicy(client), invalidateConflicts(client)]),
  });
}

/** Removes a person's text; the section reads as generated again. */
export function useDeletePolicyEdit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, base }: DeleteRequest) => deletePolicyEdit(id, base),
    onSuccess: () => Promise.all([refreshPolicy(client), invalidateConflicts(client)]),
  });
}

/** Undoes a removal; used by the notification with Undo, which lives outside the page. */
export function restorePolicyEditOptions(id: string) {
  return mutationOptions({
    mutationFn: () => restorePolicyEdit(id),
    onSuccess: (_edit: PolicyEdit, _variables, _onMutateResult, { client }) =>
      refreshPolicy(client),
  });
}

/** Saves the policy as it reads now, with a note such as where it was published. */
export function useSavePolicyVersion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (note: string) => savePolicyVersion(note),
    onSuccess: () => refreshPolicy(client),
  });
}
