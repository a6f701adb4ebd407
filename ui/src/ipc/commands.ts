// One typed function per Tauri command (the rows of an activity are in parts.ts, start-up
// and the backups in backups.ts).
// This folder is the only code that calls `invoke`. Every update and delete takes the
// `base` of the record as the person saw it (the `base` its read returned): the back end
// then writes only what the person changed, and keeps a colleague's change made meanwhile
// as a conflict instead of overwriting it. `undefined` (no base known) saves against the
// register as it is now, so a form always passes the base it has.
import type { Acknowledgement } from "./bindings/Acknowledgement";
import type { Activity } from "./bindings/Activity";
import type { ActivityInput } from "./bindings/ActivityInput";
import type { ActivityReview } from "./bindings/ActivityReview";
import type { ActivityReviewRow } from "./bindings/ActivityReviewRow";
import type { ChangeImport } from "./bindings/ChangeImport";
import type { Conflict } from "./bindings/Conflict";
import type { CountryOption } from "./bindings/CountryOption";
import type { Dashboard } from "./bindings/Dashboard";
import type { ExportedFile } from "./bindings/ExportedFile";
import type { Finding } from "./bindings/Finding";
import type { HistoryEntry } from "./bindings/HistoryEntry";
import type { IcoPreview } from "./bindings/IcoPreview";
import type { NewerValue } from "./bindings/NewerValue";
import type { Organisation } from "./bindings/Organisation";
import type { OrganisationInput } from "./bindings/OrganisationInput";
import type { PolicyChanges } from "./bindings/PolicyChanges";
import type { PolicyDraft } from "./bindings/PolicyDraft";
import type { PolicyEdit } from "./bindings/PolicyEdit";
import type { PolicyEditInput } from "./bindings/PolicyEditInput";
import type { PolicyFormat } from "./bindings/PolicyFormat";
import type { PolicyVersion } from "./bindings/PolicyVersion";
import type { ProcessorCatalogue } from "./bindings/ProcessorCatalogue";
import type { Recipient } from "./bindings/Recipient";
import type { RecipientInput } from "./bindings/RecipientInput";
import type { RecipientUse } from "./bindings/RecipientUse";
import type { RecordKind } from "./bindings/RecordKind";
import type { ResolveConflictInput } from "./bindings/ResolveConflictInput";
import type { RopaRequest } from "./bindings/RopaRequest";
import type { SourceOrganisation } from "./bindings/SourceOrganisation";
import type { SourceOrganisationInput } from "./bindings/SourceOrganisationInput";
import type { SyncReport } from "./bindings/SyncReport";
import type { SyncStatus } from "./bindings/SyncStatus";
import type { Vocabulary } from "./bindings/Vocabulary";
import type { WebsiteThirdParty } from "./bindings/WebsiteThirdParty";
import type { WebsiteThirdPartyInput } from "./bindings/WebsiteThirdPartyInput";
import type { Welcome } from "./bindings/Welcome";
import { call } from "./call";

export function getWelcome(): Promise<Welcome> {
  return call<Welcome>("get_welcome");
}

export function loadDemo(): Promise<null> {
  return call<null>("load_demo");
}

export function dismissDemo(): Promise<null> {
  return call<null>("dismiss_demo");
}

export function getOrganisation(): Promise<Organisation> {
  return call<Organisation>("get_organisation");
}

export function updateOrganisation(
  input: OrganisationInput,
  base: string | undefined,
): Promise<Organisation> {
  return call<Organisation>("update_organisation", { input, base });
}

export function listActivities(): Promise<Activity[]> {
  return call<Activity[]>("list_activities");
}

export function getActivity(id: string): Promise<Activity> {
  return call<Activity>("get_activity", { id });
}

export function createActivity(input: ActivityInput): Promise<Activity> {
  return call<Activity>("create_activity", { input });
}

export function updateActivity(
  id: string,
  input: ActivityInput,
  base: string | undefined,
): Promise<Activity> {
  return call<Activity>("update_activity", { id, input, base });
}

export function deleteActivity(id: string, base: string | undefined): Promise<Activity> {
  return call<Activity>("delete_activity", { id, base });
}

export function restoreActivity(id: string): Promise<Activity> {
  return call<Activity>("restore_activity", { id });
}

/** Copies an activity with every row that belongs to it, as a draft "… (copy)". */
export function duplicateActivity(id: string): Promise<Activity> {
  return call<Activity>("duplicate_activity", { id });
}

/** What the activity's record lacks, whether Art. 30 requires it, and whether a DPIA is suggested. */
export function getActivityReview(id: string): Promise<ActivityReview> {
  return call<ActivityReview>("get_activity_review", { id });
}

export function listActivityReviews(): Promise<ActivityReviewRow[]> {
  return call<ActivityReviewRow[]>("list_activity_reviews");
}

export function getVocabulary(): Promise<Vocabulary> {
  return call<Vocabulary>("get_vocabulary");
}

/** The activities that disclose data to a recipient, with its roles and transfer countries. */
export function listRecipientUses(id: string): Promise<RecipientUse[]> {
  return call<RecipientUse[]>("list_recipient_uses", { id });
}

export function listRecipients(): Promise<Recipient[]> {
  return call<Recipient[]>("list_recipients");
}

export function getRecipient(id: string): Promise<Recipient> {
  return call<Recipient>("get_recipient", { id });
}

export function createRecipient(input: RecipientInput): Promise<Recipient> {
  return call<Recipient>("create_recipient", { input });
}

export function updateRecipient(
  id: string,
  input: RecipientInput,
  base: string | undefined,
): Promise<Recipient> {
  return call<Recipient>("update_recipient", { id, input, base });
}

export function deleteRecipient(id: string, base: string | undefined): Promise<Recipient> {
  return call<Recipient>("delete_recipient", { id, base });
}

export function restoreRecipient(id: string): Promise<Recipient> {
  return call<Recipient>("restore_recipient", { id });
}

export function listCountries(): Promise<CountryOption[]> {
  return call<CountryOption[]>("list_countries");
}

export function getProcessorCatalogue(): Promise<ProcessorCatalogue> {
  return call<ProcessorCatalogue>("get_processor_catalogue");
}

/** Creates a recipient pre-filled from a catalogue entry (DPA status "missing"). */
export function addRecipientFromCatalogue(catalogueId: string): Promise<Recipient> {
  return call<Recipient>("add_recipient_from_catalogue", { catalogueId });
}

export function listSourceOrganisations(): Promise<SourceOrganisation[]> {
  return call<SourceOrganisation[]>("list_source_organisations");
}

export function getSourceOrganisation(id: string): Promise<SourceOrganisation> {
  return call<SourceOrganisation>("get_source_organisation", { id });
}

export function createSourceOrganisation(
  input: SourceOrganisationInput,
): Promise<SourceOrganisation> {
  return call<SourceOrganisation>("create_source_organisation", { input });
}

export function updateSourceOrganisation(
  id: string,
  input: SourceOrganisationInput,
  base: string | undefined,
): Promise<SourceOrganisation> {
  return call<SourceOrganisation>("update_source_organisation", { id, input, base });
}

export function deleteSourceOrganisation(
  id: string,
  base: string | undefined,
): Promise<SourceOrganisation> {
  return call<SourceOrganisation>("delete_source_organisation", { id, base });
}

export function restoreSourceOrganisation(id: string): Promise<SourceOrganisation> {
  return call<SourceOrganisation>("restore_source_organisation", { id });
}

export function listWebsiteThirdParties(): Promise<WebsiteThirdParty[]> {
  return call<WebsiteThirdParty[]>("list_website_third_parties");
}

export function getWebsiteThirdParty(id: string): Promise<WebsiteThirdParty> {
  return call<WebsiteThirdParty>("get_website_third_party", { id });
}

export function createWebsiteThirdParty(input: WebsiteThirdPartyInput): Promise<WebsiteThirdParty> {
  return call<WebsiteThirdParty>("create_website_third_party", { input });
}

export function updateWebsiteThirdParty(
  id: string,
  input: WebsiteThirdPartyInput,
  base: string | undefined,
): Promise<WebsiteThirdParty> {
  return call<WebsiteThirdParty>("update_website_third_party", { id, input, base });
}

export function deleteWebsiteThirdParty(
  id: string,
  base: string | undefined,
): Promise<WebsiteThirdParty> {
  return call<WebsiteThirdParty>("delete_website_third_party", { id, base });
}

export function restoreWebsiteThirdParty(id: string): Promise<WebsiteThirdParty> {
  return call<WebsiteThirdParty>("restore_website_third_party", { id });
}

/** The name this device's changes carry in the history. */
export function getDeviceName(): Promise<string> {
  return call<string>("get_device_name");
}

/** Names this device, e.g. "Alex's laptop"; returns the name as saved. */
export function setDeviceName(name: string): Promise<string> {
  return call<string>("set_device_name", { name });
}

/** Every change of one record, newest first. */
export function getHistory(kind: RecordKind, id: string): Promise<HistoryEntry[]> {
  return call<HistoryEntry[]>("get_history", { kind, id });
}

/** Every change of the organisation profile, newest first; empty until it is first saved. */
export function getOrganisationHistory(): Promise<HistoryEntry[]> {
  return call<HistoryEntry[]>("get_organisation_history");
}

/** The two spreadsheet files of the register in the ICO layout. */
export type SpreadsheetFormat = "xlsx" | "csv";

/** Asks where to save the record of processing activities (a native dialog that Rust
 *  opens), then typesets and writes the PDF; `null` when the person cancels the dialog.
 *  Reports its stages as `export-progress` events (see `listenToExportProgress`). */
export function exportRopa(request: RopaRequest): Promise<ExportedFile | null> {
  return call<ExportedFile | null>("export_ropa", { request });
}

/** Asks where to save the register in the ICO layout, then writes it; `null` when the
 *  person cancels the dialog. */
export function exportSpreadsheet(format: SpreadsheetFormat): Promise<ExportedFile | null> {
  return call<ExportedFile | null>("export_spreadsheet", { format });
}

/** The privacy policy drafted from the register, with the checklist of what the law
 *  requires that the register does not say yet. */
export function getPolicyDraft(): Promise<PolicyDraft> {
  return call<PolicyDraft>("get_policy_draft");
}

/** Asks where to save the privacy policy (a native dialog that Rust opens), then writes it
 *  in the format given; `null` when the person cancels the dialog. */
export function exportPolicy(format: PolicyFormat): Promise<ExportedFile | null> {
  return call<ExportedFile | null>("export_policy", { format });
}

/** The draft compared with the last saved version of the policy. */
export function getPolicyChanges(): Promise<PolicyChanges> {
  return call<PolicyChanges>("get_policy_changes");
}

/** Saves the policy as it reads now, e.g. when it is published, with an optional note. */
export function savePolicyVersion(note: string): Promise<PolicyVersion> {
  return call<PolicyVersion>("save_policy_version", { note });
}

/** Saves a person's text for a section of the policy; a section has one, so saving again
 *  for the same section changes it. */
export function savePolicyEdit(
  input: PolicyEditInput,
  base: string | undefined,
): Promise<PolicyEdit> {
  return call<PolicyEdit>("save_policy_edit", { input, base });
}

export function deletePolicyEdit(id: string, base: string | undefined): Promise<PolicyEdit> {
  return call<PolicyEdit>("delete_policy_edit", { id, base });
}

export function restorePolicyEdit(id: string): Promise<PolicyEdit> {
  return call<PolicyEdit>("restore_policy_edit", { id });
}

/** Shows the last exported file in the system's file manager. */
export function revealExport(): Promise<null> {
  return call<null>("reveal_export");
}

/** Asks for a spreadsheet in the ICO layout and checks every row without changing
 *  anything; `null` when the person cancels the dialog. */
export function previewIcoImport(): Promise<IcoPreview | null> {
  return call<IcoPreview | null>("preview_ico_import");
}

/** Adds the previewed spreadsheet to the register, all or nothing; returns what was added. */
export function applyIcoImport(leaveOut: number[] = []): Promise<IcoPreview> {
  return call<IcoPreview>("apply_ico_import", { leaveOut });
}

/** The home screen: activities by status, the compliance checks' findings (open and
 *  acknowledged), upcoming deadlines, activities without an owner and Art. 30(5). */
export function getDashboard(): Promise<Dashboard> {
  return call<Dashboard>("get_dashboard");
}

/** Marks a finding that the checks report now as a deliberate choice, for `reason` (at
 *  least 10 characters); "notFound" when the checks no longer report it. */
export function acknowledgeFinding(finding: Finding, reason: string): Promise<Acknowledgement> {
  return call<Acknowledgement>("acknowledge_finding", { finding, reason });
}

/** Takes an acknowledgement back: its finding is open again. */
export function withdrawAcknowledgement(
  id: string,
  base: string | undefined,
): Promise<Acknowledgement> {
  return call<Acknowledgement>("withdraw_acknowledgement", { id, base });
}

/** Where this register stands with the other laptops: the shared folder, the last sync,
 *  every laptop whose changes it holds, and how many conflicts wait for a person. */
export function getSyncStatus(): Promise<SyncStatus> {
  return call<SyncStatus>("get_sync_status");
}

/** A token that changes whenever the register may have changed: a save of this window, a
 *  sync (the one Steward runs by itself when it starts too), or another process on the same
 *  file such as the command line. The window compares it to notice changes it did not make;
 *  the token means nothing else. */
export function getRegisterVersion(): Promise<string> {
  return call<string>("get_register_version");
}

/** Asks for the folder the sync tool shares (a native dialog that Rust opens), remembers
 *  it and syncs with it at once; `null` when the person cancels the dialog. */
export function chooseSyncFolder(): Promise<SyncReport | null> {
  return call<SyncReport | null>("choose_sync_folder");
}

/** Writes this laptop's new changes into the shared folder and imports the others';
 *  "validation" when no folder was chosen yet. */
export function syncNow(): Promise<SyncReport> {
  return call<SyncReport>("sync_now");
}

/** Turns syncing when Steward starts and quits on or off; "validation" when turning it on
 *  without a folder. Returns the status as it is now. */
export function setSyncAutomatically(enabled: boolean): Promise<SyncStatus> {
  return call<SyncStatus>("set_sync_automatically", { enabled });
}

/** Asks where to save a change file (a native dialog that Rust opens), then writes it:
 *  this laptop's changes (for email), or with `everything` the whole register, a starter
 *  file for a new volunteer's laptop; `null` when the person cancels the dialog. */
export function exportChanges(
  everything: boolean,
  passphrase?: string,
): Promise<ExportedFile | null> {
  return call<ExportedFile | null>(
    "export_changes",
    passphrase === undefined ? { everything } : { everything, passphrase },
  );
}

/** Asks for a change file and imports it, all or nothing; `null` when the person cancels
 *  the dialog. */
export function importChanges(): Promise<ChangeImport | null> {
  return call<ChangeImport | null>("import_changes");
}

/** On a new laptop with an empty register: asks for the starter file an administrator sent
 *  and takes on its organisation and register; `null` when the person cancels the dialog,
 *  "validation" when the register is not empty. */
export function joinOrganisation(): Promise<ChangeImport | null> {
  return call<ChangeImport | null>("join_organisation");
}

/** Opens the encrypted change file chosen last (an import or a join that failed with a
 *  "validation" error on the field `passphrase`) and imports it. A wrong passphrase is a
 *  "validation" error on `passphrase` again, and the file keeps waiting. */
export function openEncryptedChanges(passphrase: string): Promise<ChangeImport> {
  return call<ChangeImport>("open_encrypted_changes", { passphrase });
}

/** Every conflict waiting for a person, by kind of record and record. */
export function listConflicts(): Promise<Conflict[]> {
  return call<Conflict[]>("list_conflicts");
}

/** The fields whose latest value another laptop's newer Steward wrote in a form this
 *  version cannot read: the register shows the value before it until Steward is updated. */
export function listNewerValues(): Promise<NewerValue[]> {
  return call<NewerValue[]>("list_newer_values");
}

/** Dismisses a refused change file from the sync page's problems; returns the status as it
 *  is now. */
export function dismissRefusedFile(id: string): Promise<SyncStatus> {
  return call<SyncStatus>("dismiss_refused_file", { id });
}

/** Settles a conflict; "notFound" when it is no longer open (resolved here or on another
 *  laptop), "validation" with a `value` field error when the form would refuse the value. */
export function resolveConflict(input: ResolveConflictInput): Promise<null> {
  return call<null>("resolve_conflict", { input });
}
