// TanStack queries and mutations for processing activities.
import { mutationOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type Activity,
  type ActivityInput,
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  restoreActivity,
  updateActivity,
} from "../../ipc";

export const activityKeys = {
  all: ["activities"] as const,
  list: () => [...activityKeys.all, "list"] as const,
  detail: (id: string) => [...activityKeys.all, "detail", id] as const,
};

export function useActivities() {
  return useQuery({ queryKey: activityKeys.list(), queryFn: listActivities });
}

export function useActivity(id: string) {
  return useQuery({ queryKey: activityKeys.detail(id), queryFn: () => getActivity(id) });
}

export function useCreateActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActivityInput) => createActivity(input),
    onSuccess: (activity) => {
      queryClient.setQueryData(activityKeys.detail(activity.id), activity);
      return queryClient.invalidateQueries({ queryKey: activityKeys.list() });
    },
  });
}

export function useUpdateActivity(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActivityInput) => updateActivity(id, input),
    onSuccess: (activity) => {
      queryClient.setQueryData(activityKeys.detail(activity.id), activity);
      return queryClient.invalidateQueries({ queryKey: activityKeys.list() });
    },
  });
}

export function useDeleteActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteActivity(id),
    onSuccess: (activity) => {
      // Mark the detail stale without refetching it while its page is still on screen.
      void queryClient.invalidateQueries({
        queryKey: activityKeys.detail(activity.id),
        refetchType: "none",
      });
      queryClient.setQueryData<Activity[]>(activityKeys.list(), (list) =>
        list?.filter((item) => item.id !== activity.id),
      );
      return queryClient.invalidateQueries({ queryKey: activityKeys.list() });
    },
  });
}

/** Undoes a delete; used by the "Deleted 'X'" notification, which lives outside the page. */
export function restoreActivityOptions(id: string) {
  return mutationOptions({
    mutationFn: () => restoreActivity(id),
    onSuccess: (activity: Activity, _variables, _onMutateResult, { client }) => {
      client.setQueryData(activityKeys.detail(activity.id), activity);
      return client.invalidateQueries({ queryKey: activityKeys.list() });
    },
  });
}
