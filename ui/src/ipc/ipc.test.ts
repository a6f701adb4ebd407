// Tests for the IPC layer: command names and arguments, and error wrapping.
import { invoke } from "@tauri-apps/api/core";
import { type Event, listen } from "@tauri-apps/api/event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { makeActivity, makeFinding, makeOrganisation, makeSyncReport } from "../test/fixtures";
import {
  acknowledgeFinding,
  activityRecipients,
  addRecipientFromCatalogue,
  applyIcoImport,
  backupNow,
  backupTo,
  chooseBackupFile,
  chooseSyncFolder,
  createActivity,
  deleteActivity,
  deletePolicyEdit,
  dismissRefusedFile,
  type ExportProgress,
  exportChanges,
  exportPolicy,
  exportRopa,
  exportSpreadsheet,
  getDashboard,
  getHistory,
  getOrganisationHistory,
  getPolicyChanges,
  getPolicyDraft,
  getProcessorCatalogue,
  getRegisterVersion,
  getStartup,
  getSyncStatus,
  getWelcome,
  importChanges,
  joinOrganisation,
  listAllTransfers,
  listBackups,
  listConflicts,
  listCountries,
  listenToExportProgress,
  listenToSyncFinished,
  listNewerValues,
  listSourceOrganisations,
  openEncryptedChanges,
  previewIcoImport,
  previewRestore,
  purposes,
  recoverDatabase,
  resolveConflict,
  restoreBackup,
  restoreChosenBackup,
  restorePolicyEdit,
  restoreRecipient,
  restoreWebsiteThirdParty,
  retentionRules,
  revealExport,
  StewardError,
  type SyncReport,
  savePolicyEdit,
  savePolicyVersion,
  setSyncAutomatically,
  syncNow,
  updateActivity,
  updateOrganisation,
  updateRecipient,
  updateSourceOrganisation,
  updateWebsiteThirdParty,
  withdrawAcknowledgement,
} from ".";

vi.mock(import("@tauri-apps/api/core"), () => ({ invoke: vi.fn() }));
vi.mock(import("@tauri-apps/api/event"), () => ({ listen: vi.fn() }));

const {
  id: _id,
  createdAt: _c,
  updatedAt: _u,
  base: _b,
  ...input
} = makeActivity({
  name: "Newsletter",
  systems: ["Sending tool"],
});

const PURPOSE = {
  activityId: "a1",
  description: "Send the newsletter",
  legalBasis: "consent",
  legitimateInterest: "",
  liaReference: "",
  consentRecord: "Sign-up form",
} as const;

beforeEach(() => {
  vi.mocked(invoke).mockResolvedValue(null);
});

describe("ipc commands", () => {
  it("calls the Tauri commands with their argument objects", async () => {
    await getWelcome();
    expect(invoke).toHaveBeenLastCalledWith("get_welcome", undefined);
    await createActivity(input);
    expect(invoke).toHaveBeenLastCalledWith("create_activity", {
      input: { ...input, systems: ["Sending tool"] },
    });
    await updateActivity("a1", { ...input, systems: [] }, "3@dev-a,7@dev-b");
    expect(invoke).toHaveBeenLastCalledWith("update_activity", {
      id: "a1",
      input: { ...input, systems: [] },
      base: "3@dev-a,7@dev-b",
    });
    await deleteActivity("a1", "3@dev-a");
    expect(invoke).toHaveBeenLastCalledWith("delete_activity", { id: "a1", base: "3@dev-a" });
    // Without a base the back end saves against the register as it is now.
    await deleteActivity("a1", undefined);
    expect(vi.mocked(invoke).mock.lastCall?.[1]).toEqual({ id: "a1", base: undefined });
  });

  it("calls the start-up and backup commands with their arguments", async () => {
    await getStartup();
    expect(invoke).toHaveBeenLastCalledWith("get_startup", undefined);
    await recoverDatabase();
    expect(invoke).toHaveBeenLastCalledWith("recover_database", undefined);
    await listBackups();
    expect(invoke).toHaveBeenLastCalledWith("list_backups", undefined);
    await backupNow();
    expect(invoke).toHaveBeenLastCalledWith("backup_now", undefined);
    await backupTo();
    expect(invoke).toHaveBeenLastCalledWith("backup_to", undefined);
    await previewRestore("steward-20261120T093000Z-daily.sqlite3");
    expect(invoke).toHaveBeenLastCalledWith("preview_restore", {
      id: "steward-20261120T093000Z-daily.sqlite3",
    });
    await restoreBackup("steward-20261120T093000Z-daily.sqlite3");
    expect(invoke).toHaveBeenLastCalledWith("restore_backup", {
      id: "steward-20261120T093000Z-daily.sqlite3",
    });
    // The chosen file waits in Rust: the web view sends no path.
    await chooseBackupFile();
    expect(invoke).toHaveBeenLastCalledWith("choose_backup_file", undefined);
    await restoreChosenBackup();
    expect(invoke).toHaveBeenLastCalledWith("restore_chosen_backup", undefined);
  });

  it("sends the organisation profile with the base it was read at", async () => {
    const { updatedAt: _updated, base: _base, ...profile } = makeOrganisation();
    await updateOrganisation(profile, "");
    expect(invoke).toHaveBeenLastCalledWith("update_organisation", { input: profile, base: "" });
  });

  it("builds the commands of an activity's rows from their Rust names", async () => {
    await activityRecipients.list("a1");
    expect(invoke).toHaveBeenLastCalledWith("list_activity_recipients", { activityId: "a1" });
    await activityRecipients.remove("l1", "4@dev-a");
    expect(invoke).toHaveBeenLastCalledWith("delete_activity_recipient", {
      id: "l1",
      base: "4@dev-a",
    });
    await purposes.update("p1", PURPOSE, "5@dev-a");
    expect(invoke).toHaveBeenLastCalledWith("update_purpose", {
      id: "p1",
      input: PURPOSE,
      base: "5@dev-a",
    });
    await retentionRules.restore("r1");
    expect(invoke).toHaveBeenLastCalledWith("restore_retention_rule", { id: "r1" });
    await listAllTransfers();
    expect(invoke).toHaveBeenLastCalledWith("list_all_transfers", undefined);
  });

  it("calls the recipient, country and catalogue commands with their arguments", async () => {
    const recipient = {
      legalName: "Hetzner Online GmbH",
      tradingName: "Hetzner",
      country: "DE",
      address: "",
      contact: "",
      privacyPolicyUrl: "",
      dpaStatus: "signed",
      dpaSigned: "2026-01-15",
      dpaExpires: null,
      subProcessors: [],
      dpf: "unknown",
      dpfVerified: null,
      notes: "",
      catalogueId: null,
      dpaReference: "",
    } as const;
    await updateRecipient("r1", { ...recipient, subProcessors: [] }, "2@dev-a");
    expect(invoke).toHaveBeenLastCalledWith("update_recipient", {
      id: "r1",
      input: { ...recipient, subProcessors: [] },
      base: "2@dev-a",
    });
    await restoreRecipient("r1");
    expect(invoke).toHaveBeenLastCalledWith("restore_recipient", { id: "r1" });
    await listCountries();
    expect(invoke).toHaveBeenLastCalledWith("list_countries", undefined);
    await getProcessorCatalogue();
    expect(invoke).toHaveBeenLastCalledWith("get_processor_catalogue", undefined);
    await addRecipientFromCatalogue("mailchimp");
    expect(invoke).toHaveBeenLastCalledWith("add_recipient_from_catalogue", {
      catalogueId: "mailchimp",
    });
  });

  it("calls the source, website and history commands with their arguments", async () => {
    const source = {
      name: "Eventbrite",
      country: "US",
      contact: "",
      privacyPolicyUrl: "",
      notes: "",
      recipientId: null,
    };
    await listSourceOrganisations();
    expect(invoke).toHaveBeenLastCalledWith("list_source_organisations", undefined);
    await updateSourceOrganisation("s1", source, "6@dev-a");
    expect(invoke).toHaveBeenLastCalledWith("update_source_organisation", {
      id: "s1",
      input: source,
      base: "6@dev-a",
    });
    const website = {
      provider: "YouTube",
      kind: "embed",
      purpose: "",
      dataCollected: "",
      duration: "",
      consentRequired: true,
      privacyPolicyUrl: "",
      notes: "",
      recipientId: "r1",
    } as const;
    await updateWebsiteThirdParty("w1", website, "8@dev-a");
    expect(invoke).toHaveBeenLastCalledWith("update_website_third_party", {
      id: "w1",
      input: website,
      base: "8@dev-a",
    });
    await restoreWebsiteThirdParty("w1");
    expect(invoke).toHaveBeenLastCalledWith("restore_website_third_party", { id: "w1" });
    await getHistory("sourceOrganisation", "s1");
    expect(invoke).toHaveBeenLastCalledWith("get_history", {
      kind: "sourceOrganisation",
      id: "s1",
    });
    await getOrganisationHistory();
    expect(invoke).toHaveBeenLastCalledWith("get_organisation_history", undefined);
  });

  it("calls the export and import commands with their arguments", async () => {
    const request = {
      paper: "us-letter",
      statuses: ["active"],
      businessFunctions: ["Events"],
      historySince: "2026-01-01",
    } as const;
    await exportRopa({ ...request, statuses: ["active"], businessFunctions: ["Events"] });
    expect(invoke).toHaveBeenLastCalledWith("export_ropa", { request });
    await exportSpreadsheet("csv");
    expect(invoke).toHaveBeenLastCalledWith("export_spreadsheet", { format: "csv" });
    await revealExport();
    expect(invoke).toHaveBeenLastCalledWith("reveal_export", undefined);
    await previewIcoImport();
    expect(invoke).toHaveBeenLastCalledWith("preview_ico_import", undefined);
    await applyIcoImport();
    expect(invoke).toHaveBeenLastCalledWith("apply_ico_import", { leaveOut: [] });
    await applyIcoImport([13]);
    expect(invoke).toHaveBeenLastCalledWith("apply_ico_import", { leaveOut: [13] });
    await getPolicyDraft();
    expect(invoke).toHaveBeenLastCalledWith("get_policy_draft", undefined);
    await exportPolicy("html");
    expect(invoke).toHaveBeenLastCalledWith("export_policy", { format: "html" });
    await getDashboard();
    expect(invoke).toHaveBeenLastCalledWith("get_dashboard", undefined);
    const finding = makeFinding();
    await acknowledgeFinding(finding, "We chose this on purpose.");
    expect(invoke).toHaveBeenLastCalledWith("acknowledge_finding", {
      finding,
      reason: "We chose this on purpose.",
    });
    await withdrawAcknowledgement("ack-1", "9@dev-a");
    expect(invoke).toHaveBeenLastCalledWith("withdraw_acknowledgement", {
      id: "ack-1",
      base: "9@dev-a",
    });
  });

  it("calls the privacy policy's edit and version commands with their arguments", async () => {
    await getPolicyChanges();
    expect(invoke).toHaveBeenLastCalledWith("get_policy_changes", undefined);
    await savePolicyVersion("Published on the website");
    expect(invoke).toHaveBeenLastCalledWith("save_policy_version", {
      note: "Published on the website",
    });
    const edit = { sectionId: "rights", mode: "append", text: "- one\n- two" } as const;
    await savePolicyEdit({ ...edit }, "10@dev-a");
    expect(invoke).toHaveBeenLastCalledWith("save_policy_edit", { input: edit, base: "10@dev-a" });
    await deletePolicyEdit("pe-1", "11@dev-a");
    expect(invoke).toHaveBeenLastCalledWith("delete_policy_edit", {
      id: "pe-1",
      base: "11@dev-a",
    });
    await restorePolicyEdit("pe-1");
    expect(invoke).toHaveBeenLastCalledWith("restore_policy_edit", { id: "pe-1" });
  });

  it("calls the sync commands with their arguments", async () => {
    await getSyncStatus();
    expect(invoke).toHaveBeenLastCalledWith("get_sync_status", undefined);
    await chooseSyncFolder();
    expect(invoke).toHaveBeenLastCalledWith("choose_sync_folder", undefined);
    await syncNow();
    expect(invoke).toHaveBeenLastCalledWith("sync_now", undefined);
    await getRegisterVersion();
    expect(invoke).toHaveBeenLastCalledWith("get_register_version", undefined);
    await setSyncAutomatically(true);
    expect(invoke).toHaveBeenLastCalledWith("set_sync_automatically", { enabled: true });
    await exportChanges(false);
    expect(invoke).toHaveBeenLastCalledWith("export_changes", { everything: false });
    await exportChanges(true);
    expect(invoke).toHaveBeenLastCalledWith("export_changes", { everything: true });
    await exportChanges(true, "plum umbrella quietly");
    expect(invoke).toHaveBeenLastCalledWith("export_changes", {
      everything: true,
      passphrase: "plum umbrella quietly",
    });
    await openEncryptedChanges("plum umbrella quietly");
    expect(invoke).toHaveBeenLastCalledWith("open_encrypted_changes", {
      passphrase: "plum umbrella quietly",
    });
    await importChanges();
    expect(invoke).toHaveBeenLastCalledWith("import_changes", undefined);
    await joinOrganisation();
    expect(invoke).toHaveBeenLastCalledWith("join_organisation", undefined);
    await listConflicts();
    expect(invoke).toHaveBeenLastCalledWith("list_conflicts", undefined);
    const input = {
      record: "activity",
      recordId: "act-1",
      field: "name",
      resolution: { kind: "value", value: "Members" },
    } as const;
    await resolveConflict({ ...input });
    expect(invoke).toHaveBeenLastCalledWith("resolve_conflict", { input });
    await listNewerValues();
    expect(invoke).toHaveBeenLastCalledWith("list_newer_values", undefined);
    await dismissRefusedFile("rf-1");
    expect(invoke).toHaveBeenLastCalledWith("dismiss_refused_file", { id: "rf-1" });
  });

  it("passes the reports of syncs Steward ran by itself on until told to stop", async () => {
    const unlisten = vi.fn();
    let emit: ((event: Event<SyncReport>) => void) | undefined;
    vi.mocked(listen).mockImplementation(async (name, handler) => {
      expect(name).toBe("sync-finished");
      emit = handler as (event: Event<SyncReport>) => void;
      return unlisten;
    });
    const seen: SyncReport[] = [];

    const stop = await listenToSyncFinished((report) => seen.push(report));
    const payload = makeSyncReport({ alreadyHad: 3 });
    emit?.({ event: "sync-finished", id: 1, payload });
    stop();

    expect(seen).toEqual([payload]);
    expect(unlisten).toHaveBeenCalledTimes(1);
  });

  it("passes the payloads of export-progress events on until told to stop", async () => {
    const unlisten = vi.fn();
    let emit: ((event: Event<ExportProgress>) => void) | undefined;
    vi.mocked(listen).mockImplementation(async (name, handler) => {
      expect(name).toBe("export-progress");
      emit = handler as (event: Event<ExportProgress>) => void;
      return unlisten;
    });
    const seen: ExportProgress[] = [];

    const stop = await listenToExportProgress((progress) => seen.push(progress));
    const payload = { step: 2, steps: 3, stage: "Typesetting the record" };
    emit?.({ event: "export-progress", id: 1, payload });
    stop();

    expect(seen).toEqual([payload]);
    expect(unlisten).toHaveBeenCalledTimes(1);
  });

  it("wraps an ApiError rejection in a StewardError", async () => {
    vi.mocked(invoke).mockRejectedValue({
      code: "validation",
      message: "Please check the activity.",
      fields: [{ field: "name", message: "Name is required." }],
    });

    const error = await createActivity(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StewardError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      code: "validation",
      message: "Please check the activity.",
      fields: [{ field: "name", message: "Name is required." }],
    });
  });

  it("keeps the start-up codes: a damaged file and a register open in another window", async () => {
    vi.mocked(invoke).mockRejectedValueOnce({
      code: "damaged",
      message: "The register file is damaged.",
      fields: [],
    });
    expect(await getWelcome().catch((e: unknown) => e)).toMatchObject({
      code: "damaged",
      message: "The register file is damaged.",
    });

    vi.mocked(invoke).mockRejectedValueOnce({
      code: "alreadyOpen",
      message: "Another Steward window has this register open.",
      fields: [],
    });
    expect(await getWelcome().catch((e: unknown) => e)).toMatchObject({ code: "alreadyOpen" });
  });

  it("turns any other rejection into an internal StewardError", async () => {
    vi.mocked(invoke).mockRejectedValue("command get_welcome not found");
    const fromString = await getWelcome().catch((e: unknown) => e);
    expect(fromString).toBeInstanceOf(StewardError);
    expect(fromString).toMatchObject({ code: "internal", fields: [] });
    expect((fromString as StewardError).message).toContain("command get_welcome not found");

    vi.mocked(invoke).mockRejectedValue(new TypeError("window.__TAURI_INTERNALS__ is undefined"));
    expect(await getWelcome().catch((e: unknown) => e)).toMatchObject({ code: "internal" });

    vi.mocked(invoke).mockRejectedValue({ code: "somethingNew", message: "?" });
    expect(await getWelcome().catch((e: unknown) => e)).toMatchObject({ code: "internal" });
  });
});
