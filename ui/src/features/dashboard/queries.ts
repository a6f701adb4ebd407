// The dashboard, read again every time the home screen opens so that it shows the register
// as it is now (after a fix elsewhere), and the acknowledgements of its findings, after
// which it is read again.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { invalidateConflicts } from "../../components/conflicts";
import type { DeleteRequest } from "../../components/recordBase";
import {
  acknowledgeFinding,
  type Finding,
  getDashboard,
  StewardError,
  withdrawAcknowledgement,
} from "../../ipc";

export const dashboardKeys = {
  all: ["dashboard"] as const,
};

export function useDashboard() {
  return useQuery({
    queryKey: dashboardKeys.all,
    queryFn: getDashboard,
    // Any save anywhere in the register may change the findings.
    staleTime: 0,
    refetchOnMount: "always",
  });
}

export interface AcknowledgeRequest {
  finding: Finding;
  reason: string;
}

/** Acknowledges a finding as a deliberate choice. The dashboard is read again afterwards,
 *  and after a "notFound": a finding that no longer exists leaves the list. */
export function useAcknowledgeFinding() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: dashboardKeys.all });
  return useMutation({
    mutationFn: ({ finding, reason }: AcknowledgeRequest) => acknowledgeFinding(finding, reason),
    onSuccess: refresh,
    onError: (error) => {
      if (error instanceof StewardError && error.code === "notFound") {
        void refresh();
      }
    },
  });
}

/** Takes an acknowledgement back, as the person saw it: its finding is open again. A
 *  withdrawal against an older base may leave a conflict (a colleague changed the reason
 *  meanwhile), so the conflicts and the navigation's count are read again too. */
export function useWithdrawAcknowledgement() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: dashboardKeys.all });
  return useMutation({
    mutationFn: ({ id, base }: DeleteRequest) => withdrawAcknowledgement(id, base),
    onSuccess: () => Promise.all([refresh(), invalidateConflicts(client)]),
    onError: refresh,
  });
}
