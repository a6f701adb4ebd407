// Public face of the IPC layer: typed commands, the error class and the generated types.
export type { Activity } from "./bindings/Activity";
export type { ActivityInput } from "./bindings/ActivityInput";
export type { ActivityStatus } from "./bindings/ActivityStatus";
export type { ApiError } from "./bindings/ApiError";
export type { ErrorCode } from "./bindings/ErrorCode";
export type { FieldError } from "./bindings/FieldError";
export type { LegalBasis } from "./bindings/LegalBasis";
export type { Organisation } from "./bindings/Organisation";
export type { OrganisationInput } from "./bindings/OrganisationInput";
export type { Welcome } from "./bindings/Welcome";
export {
  createActivity,
  deleteActivity,
  dismissDemo,
  getActivity,
  getOrganisation,
  getWelcome,
  listActivities,
  loadDemo,
  restoreActivity,
  updateActivity,
  updateOrganisation,
} from "./commands";
export { isApiError, StewardError } from "./errors";
