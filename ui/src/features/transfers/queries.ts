// The transfers of every activity, for the overview. Kept under the activity parts' key
// for transfers, so that a change to any activity's transfers marks the overview stale.
import { useQuery } from "@tanstack/react-query";
import { listAllTransfers } from "../../ipc";
import { partKeys } from "../activities/parts/queries";

export const allTransfersKey = [...partKeys.kind("transfer"), "all"] as const;

export function useAllTransfers() {
  return useQuery({ queryKey: allTransfersKey, queryFn: listAllTransfers });
}
