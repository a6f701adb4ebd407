// TanStack queries and mutations for processing activities, their reviews (what each
// record still lacks) and the duplicate command.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { listedRecordQueries } from "../../components/listedRecordQueries";
import {
  createActivity,
  deleteActivity,
  duplicateActivity,
  getActivity,
  getActivityReview,
  listActivities,
  listActivityReviews,
  restoreActivity,
  updateActivity,
} from "../../ipc";
import { ACTIVITY_KIND } from "./labels";

/** The reviews depend on the activity and on its rows: every change to either marks the
 *  whole prefix stale (the parts do so with `activityReviewKeys.all`). */
export const activityReviewKeys = {
  all: ["activityReview"] as const,
  detail: (id: string) => ["activityReview", id] as const,
  list: () => ["activityReview", "list"] as const,
};

const activities = listedRecordQueries({
  kind: ACTIVITY_KIND,
  key: "activities",
  commands: {
    list: listActivities,
    get: getActivity,
    create: createActivity,
    update: updateActivity,
    remove: deleteActivity,
    restore: restoreActivity,
  },
  dependents: [activityReviewKeys.all],
});

export const activityKeys = activities.keys;
export const useActivities = activities.useList;
export const useActivity = activities.useRecord;
export const useCreateActivity = activities.useCreate;
export const useUpdateActivity = activities.useUpdate;
export const useDeleteActivity = activities.useDelete;
export const restoreActivityOptions = activities.restoreOptions;

/** What one activity's record lacks, whether Art. 30 requires it, and the DPIA hint. */
export function useActivityReview(id: string) {
  return useQuery({
    queryKey: activityReviewKeys.detail(id),
    queryFn: () => getActivityReview(id),
  });
}

/** The review of every activity, for the list's completeness column. */
export function useActivityReviews() {
  return useQuery({ queryKey: activityReviewKeys.list(), queryFn: () => listActivityReviews() });
}

/** Copies an activity with all its rows; the copy is cached like a saved activity. */
export function useDuplicateActivity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => duplicateActivity(id),
    onSuccess: (copy) => activities.afterSave(client, copy),
  });
}
