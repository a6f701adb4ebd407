// The retention rules of every activity, for the overview. Kept under the activity parts'
// key for retention rules, so that a change to any activity's rules marks it stale.
import { useQuery } from "@tanstack/react-query";
import { listAllRetentionRules } from "../../ipc";
import { partKeys } from "../activities/parts/queries";

export const allRetentionRulesKey = [...partKeys.kind("retentionRule"), "all"] as const;

export function useAllRetentionRules() {
  return useQuery({ queryKey: allRetentionRulesKey, queryFn: listAllRetentionRules });
}
