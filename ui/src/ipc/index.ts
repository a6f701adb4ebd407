// Public face of the IPC layer: typed commands, the error class and the generated types.

export {
  backupNow,
  backupTo,
  chooseBackupFile,
  getStartup,
  listBackups,
  previewRestore,
  recoverDatabase,
  restoreBackup,
  restoreChosenBackup,
} from "./backups";
export type { Acknowledged } from "./bindings/Acknowledged";
export type { Acknowledgement } from "./bindings/Acknowledgement";
export type { AcknowledgementInput } from "./bindings/AcknowledgementInput";
export type { Activity } from "./bindings/Activity";
export type { ActivityInput } from "./bindings/ActivityInput";
export type { ActivityRecipient } from "./bindings/ActivityRecipient";
export type { ActivityRecipientInput } from "./bindings/ActivityRecipientInput";
export type { ActivityReview } from "./bindings/ActivityReview";
export type { ActivityReviewRow } from "./bindings/ActivityReviewRow";
export type { ActivityRole } from "./bindings/ActivityRole";
export type { ActivitySource } from "./bindings/ActivitySource";
export type { ActivitySourceInput } from "./bindings/ActivitySourceInput";
export type { ActivityStatus } from "./bindings/ActivityStatus";
export type { ApiError } from "./bindings/ApiError";
export type { Applicability } from "./bindings/Applicability";
export type { Art9Condition } from "./bindings/Art9Condition";
export type { Backup } from "./bindings/Backup";
export type { BackupCopy } from "./bindings/BackupCopy";
export type { BackupReason } from "./bindings/BackupReason";
export type { Backups } from "./bindings/Backups";
export type { BlockKind } from "./bindings/BlockKind";
export type { CatalogueEntry } from "./bindings/CatalogueEntry";
export type { ChangedLine } from "./bindings/ChangedLine";
export type { ChangeImport } from "./bindings/ChangeImport";
export type { ChangeKind } from "./bindings/ChangeKind";
export type { ConfirmedNone } from "./bindings/ConfirmedNone";
export type { Conflict } from "./bindings/Conflict";
export type { ConflictValue } from "./bindings/ConflictValue";
export type { CountryOption } from "./bindings/CountryOption";
export type { Dashboard } from "./bindings/Dashboard";
export type { DataCategory } from "./bindings/DataCategory";
export type { Deadline } from "./bindings/Deadline";
export type { DeadlineKind } from "./bindings/DeadlineKind";
export type { DeviceStatus } from "./bindings/DeviceStatus";
export type { DpaStatus } from "./bindings/DpaStatus";
export type { DpfStatus } from "./bindings/DpfStatus";
export type { DpiaCriterion } from "./bindings/DpiaCriterion";
export type { DpiaStatus } from "./bindings/DpiaStatus";
export type { EndAction } from "./bindings/EndAction";
export type { ErrorCode } from "./bindings/ErrorCode";
export type { ExportedFile } from "./bindings/ExportedFile";
export type { FieldError } from "./bindings/FieldError";
export type { Finding } from "./bindings/Finding";
export type { GdprReach } from "./bindings/GdprReach";
export type { HistoryEntry } from "./bindings/HistoryEntry";
export type { IcoPreview } from "./bindings/IcoPreview";
export type { KeptCell } from "./bindings/KeptCell";
export type { LegalBasis } from "./bindings/LegalBasis";
export type { LineChange } from "./bindings/LineChange";
export type { MissingElement } from "./bindings/MissingElement";
export type { NewerValue } from "./bindings/NewerValue";
export type { Organisation } from "./bindings/Organisation";
export type { OrganisationInput } from "./bindings/OrganisationInput";
export type { OtherDisclosure } from "./bindings/OtherDisclosure";
export type { Paper } from "./bindings/Paper";
export type { PeriodUnit } from "./bindings/PeriodUnit";
export type { PolicyBlock } from "./bindings/PolicyBlock";
export type { PolicyChanges } from "./bindings/PolicyChanges";
export type { PolicyDraft } from "./bindings/PolicyDraft";
export type { PolicyEdit } from "./bindings/PolicyEdit";
export type { PolicyEditInput } from "./bindings/PolicyEditInput";
export type { PolicyEditMode } from "./bindings/PolicyEditMode";
export type { PolicyFormat } from "./bindings/PolicyFormat";
export type { PolicyGap } from "./bindings/PolicyGap";
export type { PolicySection } from "./bindings/PolicySection";
export type { PolicyVersion } from "./bindings/PolicyVersion";
export type { PreviewActivity } from "./bindings/PreviewActivity";
export type { ProcessorCatalogue } from "./bindings/ProcessorCatalogue";
export type { ProvisionRequirement } from "./bindings/ProvisionRequirement";
export type { Purpose } from "./bindings/Purpose";
export type { PurposeInput } from "./bindings/PurposeInput";
export type { Recipient } from "./bindings/Recipient";
export type { RecipientInput } from "./bindings/RecipientInput";
export type { RecipientRole } from "./bindings/RecipientRole";
export type { RecipientUse } from "./bindings/RecipientUse";
export type { RecordKind } from "./bindings/RecordKind";
export type { RecordLink } from "./bindings/RecordLink";
export type { RecordProblem } from "./bindings/RecordProblem";
export type { Recovery } from "./bindings/Recovery";
export type { RefusedFile } from "./bindings/RefusedFile";
export type { RejectedFile } from "./bindings/RejectedFile";
export type { Resolution } from "./bindings/Resolution";
export type { ResolveConflictInput } from "./bindings/ResolveConflictInput";
export type { RestorePreview } from "./bindings/RestorePreview";
export type { RetentionRule } from "./bindings/RetentionRule";
export type { RetentionRuleInput } from "./bindings/RetentionRuleInput";
export type { RopaRequest } from "./bindings/RopaRequest";
export type { SavedVersion } from "./bindings/SavedVersion";
export type { SectionEdit } from "./bindings/SectionEdit";
export type { SectionRef } from "./bindings/SectionRef";
export type { SecurityMeasure } from "./bindings/SecurityMeasure";
export type { Severity } from "./bindings/Severity";
export type { SeverityCount } from "./bindings/SeverityCount";
export type { SourceKind } from "./bindings/SourceKind";
export type { SourceOrganisation } from "./bindings/SourceOrganisation";
export type { SourceOrganisationInput } from "./bindings/SourceOrganisationInput";
export type { Span } from "./bindings/Span";
export type { Startup } from "./bindings/Startup";
export type { StatusCount } from "./bindings/StatusCount";
export type { SubjectCategory } from "./bindings/SubjectCategory";
export type { SubjectGroup } from "./bindings/SubjectGroup";
export type { SubjectGroupInput } from "./bindings/SubjectGroupInput";
export type { SyncReport } from "./bindings/SyncReport";
export type { SyncStatus } from "./bindings/SyncStatus";
export type { ThirdPartyKind } from "./bindings/ThirdPartyKind";
export type { Transfer } from "./bindings/Transfer";
export type { TransferInput } from "./bindings/TransferInput";
export type { TransferMechanism } from "./bindings/TransferMechanism";
export type { Vocabulary } from "./bindings/Vocabulary";
export type { WebsiteThirdParty } from "./bindings/WebsiteThirdParty";
export type { WebsiteThirdPartyInput } from "./bindings/WebsiteThirdPartyInput";
export type { Welcome } from "./bindings/Welcome";
export type { SpreadsheetFormat } from "./commands";
export {
  acknowledgeFinding,
  addRecipientFromCatalogue,
  applyIcoImport,
  chooseSyncFolder,
  createActivity,
  createRecipient,
  createSourceOrganisation,
  createWebsiteThirdParty,
  deleteActivity,
  deletePolicyEdit,
  deleteRecipient,
  deleteSourceOrganisation,
  deleteWebsiteThirdParty,
  dismissDemo,
  dismissRefusedFile,
  duplicateActivity,
  exportChanges,
  exportPolicy,
  exportRopa,
  exportSpreadsheet,
  getActivity,
  getActivityReview,
  getDashboard,
  getDeviceName,
  getHistory,
  getOrganisation,
  getOrganisationHistory,
  getPolicyChanges,
  getPolicyDraft,
  getProcessorCatalogue,
  getRecipient,
  getRegisterVersion,
  getSourceOrganisation,
  getSyncStatus,
  getVocabulary,
  getWebsiteThirdParty,
  getWelcome,
  importChanges,
  joinOrganisation,
  listActivities,
  listActivityReviews,
  listConflicts,
  listCountries,
  listNewerValues,
  listRecipients,
  listRecipientUses,
  listSourceOrganisations,
  listWebsiteThirdParties,
  loadDemo,
  openEncryptedChanges,
  previewIcoImport,
  resolveConflict,
  restoreActivity,
  restorePolicyEdit,
  restoreRecipient,
  restoreSourceOrganisation,
  restoreWebsiteThirdParty,
  revealExport,
  savePolicyEdit,
  savePolicyVersion,
  setDeviceName,
  setSyncAutomatically,
  syncNow,
  updateActivity,
  updateOrganisation,
  updateRecipient,
  updateSourceOrganisation,
  updateWebsiteThirdParty,
  withdrawAcknowledgement,
} from "./commands";
export { isApiError, StewardError } from "./errors";
export type { ExportProgress } from "./events";
export { listenToExportProgress, listenToSyncFinished } from "./events";
export type { PartCommands } from "./parts";
export {
  activityRecipients,
  activitySources,
  listAllRetentionRules,
  listAllTransfers,
  purposes,
  retentionRules,
  subjectGroups,
  transfers,
} from "./parts";
