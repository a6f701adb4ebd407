// Public face of the IPC layer: typed commands, the error class and the generated types.
export type { Activity } from "./bindings/Activity";
export type { ActivityInput } from "./bindings/ActivityInput";
export type { ActivityStatus } from "./bindings/ActivityStatus";
export type { ApiError } from "./bindings/ApiError";
export type { CatalogueEntry } from "./bindings/CatalogueEntry";
export type { ChangeKind } from "./bindings/ChangeKind";
export type { CountryOption } from "./bindings/CountryOption";
export type { DpaStatus } from "./bindings/DpaStatus";
export type { DpfStatus } from "./bindings/DpfStatus";
export type { ErrorCode } from "./bindings/ErrorCode";
export type { FieldError } from "./bindings/FieldError";
export type { HistoryEntry } from "./bindings/HistoryEntry";
export type { LegalBasis } from "./bindings/LegalBasis";
export type { Organisation } from "./bindings/Organisation";
export type { OrganisationInput } from "./bindings/OrganisationInput";
export type { ProcessorCatalogue } from "./bindings/ProcessorCatalogue";
export type { Recipient } from "./bindings/Recipient";
export type { RecipientInput } from "./bindings/RecipientInput";
export type { RecordKind } from "./bindings/RecordKind";
export type { SourceOrganisation } from "./bindings/SourceOrganisation";
export type { SourceOrganisationInput } from "./bindings/SourceOrganisationInput";
export type { ThirdPartyKind } from "./bindings/ThirdPartyKind";
export type { WebsiteThirdParty } from "./bindings/WebsiteThirdParty";
export type { WebsiteThirdPartyInput } from "./bindings/WebsiteThirdPartyInput";
export type { Welcome } from "./bindings/Welcome";
export {
  addRecipientFromCatalogue,
  createActivity,
  createRecipient,
  createSourceOrganisation,
  createWebsiteThirdParty,
  deleteActivity,
  deleteRecipient,
  deleteSourceOrganisation,
  deleteWebsiteThirdParty,
  dismissDemo,
  getActivity,
  getHistory,
  getOrganisation,
  getOrganisationHistory,
  getProcessorCatalogue,
  getRecipient,
  getSourceOrganisation,
  getWebsiteThirdParty,
  getWelcome,
  listActivities,
  listCountries,
  listRecipients,
  listSourceOrganisations,
  listWebsiteThirdParties,
  loadDemo,
  restoreActivity,
  restoreRecipient,
  restoreSourceOrganisation,
  restoreWebsiteThirdParty,
  updateActivity,
  updateOrganisation,
  updateRecipient,
  updateSourceOrganisation,
  updateWebsiteThirdParty,
} from "./commands";
export { isApiError, StewardError } from "./errors";
