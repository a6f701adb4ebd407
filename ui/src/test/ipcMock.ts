// Builds the mocked IPC module for `vi.mock`: every command becomes a `vi.fn()`, while
// StewardError and the helpers stay real so components can `instanceof`-check errors.
import { vi } from "vitest";
import type * as Ipc from "../ipc";
import {
  COUNTRIES,
  makeBackups,
  makeDashboard,
  makePolicyChanges,
  makePolicyDraft,
  makeStartup,
  makeSyncStatus,
} from "./fixtures";

type IpcModule = typeof Ipc;

export function mockIpcModule(actual: IpcModule): IpcModule {
  return {
    ...actual,
    getWelcome: vi.fn(),
    loadDemo: vi.fn(),
    dismissDemo: vi.fn(),
    getOrganisation: vi.fn(),
    updateOrganisation: vi.fn(),
    listActivities: vi.fn(),
    getActivity: vi.fn(),
    createActivity: vi.fn(),
    updateActivity: vi.fn(),
    deleteActivity: vi.fn(),
    restoreActivity: vi.fn(),
    listRecipients: vi.fn(),
    getRecipient: vi.fn(),
    createRecipient: vi.fn(),
    updateRecipient: vi.fn(),
    deleteRecipient: vi.fn(),
    restoreRecipient: vi.fn(),
    listCountries: vi.fn(),
    getProcessorCatalogue: vi.fn(),
    addRecipientFromCatalogue: vi.fn(),
    listSourceOrganisations: vi.fn(),
    getSourceOrganisation: vi.fn(),
    createSourceOrganisation: vi.fn(),
    updateSourceOrganisation: vi.fn(),
    deleteSourceOrganisation: vi.fn(),
    restoreSourceOrganisation: vi.fn(),
    listWebsiteThirdParties: vi.fn(),
    getWebsiteThirdParty: vi.fn(),
    createWebsiteThirdParty: vi.fn(),
    updateWebsiteThirdParty: vi.fn(),
    deleteWebsiteThirdParty: vi.fn(),
    restoreWebsiteThirdParty: vi.fn(),
    getHistory: vi.fn(),
    getOrganisationHistory: vi.fn(),
    duplicateActivity: vi.fn(),
    getActivityReview: vi.fn(),
    listActivityReviews: vi.fn(),
    getVocabulary: vi.fn(),
    listRecipientUses: vi.fn(),
    listAllTransfers: vi.fn(),
    listAllRetentionRules: vi.fn(),
    getDeviceName: vi.fn(),
    setDeviceName: vi.fn(),
    exportRopa: vi.fn(),
    exportSpreadsheet: vi.fn(),
    revealExport: vi.fn(),
    previewIcoImport: vi.fn(),
    applyIcoImport: vi.fn(),
    getPolicyDraft: vi.fn(),
    exportPolicy: vi.fn(),
    getPolicyChanges: vi.fn(),
    savePolicyVersion: vi.fn(),
    savePolicyEdit: vi.fn(),
    deletePolicyEdit: vi.fn(),
    restorePolicyEdit: vi.fn(),
    getDashboard: vi.fn(),
    acknowledgeFinding: vi.fn(),
    withdrawAcknowledgement: vi.fn(),
    getSyncStatus: vi.fn(),
    chooseSyncFolder: vi.fn(),
    syncNow: vi.fn(),
    setSyncAutomatically: vi.fn(),
    exportChanges: vi.fn(),
    importChanges: vi.fn(),
    joinOrganisation: vi.fn(),
    openEncryptedChanges: vi.fn(),
    listConflicts: vi.fn(),
    resolveConflict: vi.fn(),
    listNewerValues: vi.fn(),
    dismissRefusedFile: vi.fn(),
    getRegisterVersion: vi.fn(),
    getStartup: vi.fn(),
    recoverDatabase: vi.fn(),
    listBackups: vi.fn(),
    backupNow: vi.fn(),
    backupTo: vi.fn(),
    previewRestore: vi.fn(),
    restoreBackup: vi.fn(),
    chooseBackupFile: vi.fn(),
    restoreChosenBackup: vi.fn(),
    // Tauri's event bridge does not exist in jsdom; tests that need the events capture the
    // handler with mockImplementation.
    listenToExportProgress: vi.fn(),
    listenToSyncFinished: vi.fn(),
  };
}

/** Sensible answers for a started app with an empty register and no welcome offer; the
 *  country list is a short sample, and no record has a history yet. Every file dialog is
 *  cancelled, listening to export progress hears nothing, the privacy policy is an
 *  empty draft with nothing missing and no saved version, and the dashboard has nothing to
 *  report. No shared folder is chosen, no laptop has synced, no conflict waits, no file was
 *  refused and no newer Steward wrote anything; Steward runs no sync by itself, and the
 *  register's version never changes (nothing else writes to it). The register opened, and
 *  its backups folder holds no backup and no failure. Acknowledging and withdrawing, saving
 *  the policy's edits and versions, syncing, dismissing a refused file, recovering, backing
 *  up into the folder, and previewing and restoring a backup are left to the tests that
 *  need them. */
export function setIpcDefaults(ipc: IpcModule) {
  vi.mocked(ipc.getWelcome).mockResolvedValue({ offerDemo: false });
  vi.mocked(ipc.loadDemo).mockResolvedValue(null);
  vi.mocked(ipc.dismissDemo).mockResolvedValue(null);
  vi.mocked(ipc.listActivities).mockResolvedValue([]);
  vi.mocked(ipc.listRecipients).mockResolvedValue([]);
  vi.mocked(ipc.listCountries).mockResolvedValue(COUNTRIES);
  vi.mocked(ipc.getProcessorCatalogue).mockResolvedValue({ factsAsOf: "2026-11-01", entries: [] });
  vi.mocked(ipc.listSourceOrganisations).mockResolvedValue([]);
  vi.mocked(ipc.listWebsiteThirdParties).mockResolvedValue([]);
  vi.mocked(ipc.getActivityReview).mockResolvedValue({
    missing: [],
    recordRequired: true,
    recordRequiredReasons: ["The processing is not occasional."],
    dpiaSuggested: false,
  });
  vi.mocked(ipc.listActivityReviews).mockResolvedValue([]);
  vi.mocked(ipc.getVocabulary).mockResolvedValue({ subjectCategories: [], dataCategories: [] });
  vi.mocked(ipc.listRecipientUses).mockResolvedValue([]);
  vi.mocked(ipc.listAllTransfers).mockResolvedValue([]);
  vi.mocked(ipc.listAllRetentionRules).mockResolvedValue([]);
  vi.mocked(ipc.getDeviceName).mockResolvedValue("This device");
  vi.mocked(ipc.getHistory).mockResolvedValue([]);
  vi.mocked(ipc.getOrganisationHistory).mockResolvedValue([]);
  vi.mocked(ipc.exportRopa).mockResolvedValue(null);
  vi.mocked(ipc.exportSpreadsheet).mockResolvedValue(null);
  vi.mocked(ipc.revealExport).mockResolvedValue(null);
  vi.mocked(ipc.previewIcoImport).mockResolvedValue(null);
  vi.mocked(ipc.applyIcoImport).mockResolvedValue({
    activities: [],
    newRecipients: [],
    newSourceOrganisations: [],
    linked: [],
    skippedRows: [],
    cells: 0,
    cellsKeptAsWritten: 0,
  });
  vi.mocked(ipc.listenToExportProgress).mockResolvedValue(() => undefined);
  vi.mocked(ipc.getPolicyDraft).mockResolvedValue(makePolicyDraft());
  vi.mocked(ipc.exportPolicy).mockResolvedValue(null);
  vi.mocked(ipc.getPolicyChanges).mockResolvedValue(makePolicyChanges());
  vi.mocked(ipc.getDashboard).mockResolvedValue(makeDashboard());
  vi.mocked(ipc.getSyncStatus).mockResolvedValue(makeSyncStatus());
  vi.mocked(ipc.chooseSyncFolder).mockResolvedValue(null);
  vi.mocked(ipc.exportChanges).mockResolvedValue(null);
  vi.mocked(ipc.importChanges).mockResolvedValue(null);
  vi.mocked(ipc.joinOrganisation).mockResolvedValue(null);
  vi.mocked(ipc.listConflicts).mockResolvedValue([]);
  vi.mocked(ipc.listNewerValues).mockResolvedValue([]);
  vi.mocked(ipc.listenToSyncFinished).mockResolvedValue(() => undefined);
  vi.mocked(ipc.getRegisterVersion).mockResolvedValue("1.0");
  vi.mocked(ipc.getStartup).mockResolvedValue(makeStartup());
  vi.mocked(ipc.listBackups).mockResolvedValue(makeBackups());
  vi.mocked(ipc.backupTo).mockResolvedValue(null);
  vi.mocked(ipc.chooseBackupFile).mockResolvedValue(null);
}

/** Finds the text of the elements an input's aria-describedby points at (description, error). */
export function describedByText(element: HTMLElement): string {
  const ids = (element.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
}
