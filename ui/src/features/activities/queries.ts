// TanStack queries and mutations for processing activities.
import { listedRecordQueries } from "../../components/listedRecordQueries";
import {
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  restoreActivity,
  updateActivity,
} from "../../ipc";
import { ACTIVITY_KIND } from "./labels";

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
});

export const activityKeys = activities.keys;
export const useActivities = activities.useList;
export const useActivity = activities.useRecord;
export const useCreateActivity = activities.useCreate;
export const useUpdateActivity = activities.useUpdate;
export const useDeleteActivity = activities.useDelete;
export const restoreActivityOptions = activities.restoreOptions;
