// The privacy policy drafted from the register, and its export. The draft is read again
// every time the page opens, so that it always states the register as it is now.
import { useMutation, useQuery } from "@tanstack/react-query";
import { exportPolicy, getPolicyDraft, type PolicyFormat } from "../../ipc";

export const policyKeys = {
  draft: ["policyDraft"] as const,
  export: ["policy", "export"] as const,
};

export function usePolicyDraft() {
  return useQuery({
    queryKey: policyKeys.draft,
    queryFn: getPolicyDraft,
    // Any save anywhere in the register may change the draft.
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
