// Public face of the IPC layer: typed commands, the error class and the generated types.
export type { Activity } from "./bindings/Activity";
export type { ActivityInput } from "./bindings/ActivityInput";
export type { ActivityStatus } from "./bindings/ActivityStatus";
export type { ApiError } from "./bindings/ApiError";
export type { CatalogueEntry } from "./bindings/CatalogueEntry";
export type { CountryOption } from "./bindings/CountryOption";
export type { DpaStatus } from "./bindings/DpaStatus";
export type { DpfStatus } from "./bindings/DpfStatus";
export type { ErrorCode } from "./bindings/ErrorCode";
export type { FieldError } from "./bindings/FieldError";
export type { LegalBasis } from "./bindings/LegalBasis";
export type { Organisation } from "./bindings/Organisation";
export type { OrganisationInput } from "./bindings/OrganisationInput";
export type { ProcessorCatalogue } from "./bindings/ProcessorCatalogue";
export type { Recipient } from "./bindings/Recipient";
export type { RecipientInput } from "./bindings/RecipientInput";
export type { Welcome } from "./bindings/Welcome";
export {
  addRecipientFromCatalogue,
  createActivity,
  createRecipient,
  deleteActivity,
  deleteRecipient,
  dismissDemo,
  getActivity,
  getOrganisation,
  getProcessorCatalogue,
  getRecipient,
  getWelcome,
  listActivities,
  listCountries,
  listRecipients,
  loadDemo,
  restoreActivity,
  restoreRecipient,
  updateActivity,
  updateOrganisation,
  updateRecipient,
} from "./commands";
export { isApiError, StewardError } from "./errors";
