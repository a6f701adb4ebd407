// Queries and mutations behind the first-start welcome offer.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { dismissDemo, getWelcome, loadDemo } from "../../ipc";

export const welcomeKey = ["welcome"] as const;

export function useWelcome() {
  return useQuery({
    queryKey: welcomeKey,
    queryFn: getWelcome,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** After either choice every cached query may be out of date (the demo fills the register). */
export function useLoadDemo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: loadDemo,
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useDismissDemo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: dismissDemo,
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
