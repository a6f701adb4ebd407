// Sample data for tests.
import type {
  Acknowledgement,
  Activity,
  Backup,
  Backups,
  CatalogueEntry,
  ChangeImport,
  Conflict,
  ConflictValue,
  CountryOption,
  Dashboard,
  DeviceStatus,
  Finding,
  HistoryEntry,
  NewerValue,
  Organisation,
  PolicyChanges,
  PolicyDraft,
  PolicyEdit,
  PolicyVersion,
  Recipient,
  RecordProblem,
  Recovery,
  RefusedFile,
  RestorePreview,
  SourceOrganisation,
  Startup,
  SyncReport,
  SyncStatus,
  WebsiteThirdParty,
} from "../ipc";

export function makeActivity(overrides: Partial<Activity> = {}): Activity {
  return {
    id: "act-1",
    name: "Member administration",
    description: "Keeping the list of members and their fees.",
    status: "active",
    businessFunction: "Membership",
    owner: "Membership secretary",
    systems: ["CiviCRM"],
    dataLocation: "Hetzner, Germany",
    nextReview: "2027-06-30",
    role: "controller",
    controllerName: "",
    controllerContact: "",
    provisionRequirement: "contractPrerequisite",
    provisionConsequence: "We cannot register the membership.",
    automatedDecisions: false,
    profiling: false,
    admLogic: "",
    dpiaCriteria: [],
    dpiaStatus: "notRequired",
    dpiaReference: "",
    dpiaNotes: "",
    occasional: false,
    riskToRights: false,
    securityMeasures: ["accessControl", "backups"],
    securityNotes: "",
    base: "12@dev-this",
    createdAt: "2026-11-01T10:00:00Z",
    updatedAt: "2026-11-20T09:30:00Z",
    ...overrides,
  };
}

export function makeOrganisation(overrides: Partial<Organisation> = {}): Organisation {
  return {
    legalName: "Riverside Community Garden e.V.",
    address: "Gartenweg 1\n12345 Musterstadt",
    contactEmail: "privacy@riverside.example",
    dpoName: "",
    dpoContact: "",
    euRepresentative: "",
    supervisoryAuthority: "",
    employeeCount: 3,
    securityMeasures: ["backups"],
    securityNotes: "",
    policyScope: [],
    policyEffectiveDate: null,
    minimumAge: null,
    rightsResponseDays: null,
    breachNotification: "",
    cookieControls: "",
    communicationsOptOut: "",
    deidentifiedData: "",
    policyChangeNotice: "",
    otherDisclosures: [],
    confirmedNone: [],
    country: "",
    gdprReach: null,
    base: "",
    updatedAt: null,
    ...overrides,
  };
}

export function makePolicyDraft(overrides: Partial<PolicyDraft> = {}): PolicyDraft {
  return {
    language: "en",
    title: "Privacy policy",
    effective: null,
    sections: [],
    unwrittenSections: [],
    checklist: [],
    ...overrides,
  };
}

/** The draft compared with the last saved version: none saved yet, unless overridden. */
export function makePolicyChanges(overrides: Partial<PolicyChanges> = {}): PolicyChanges {
  return { saved: null, added: 0, removed: 0, hunks: [], ...overrides };
}

/** A person's text for a section of the policy, as the back end saves it. */
export function makePolicyEdit(overrides: Partial<PolicyEdit> = {}): PolicyEdit {
  return {
    id: "pe-1",
    base: "21@dev-this",
    createdAt: "2026-11-20T09:30:00Z",
    updatedAt: "2026-11-20T09:30:00Z",
    sectionId: "controller",
    mode: "append",
    text: "We meet on the first Monday of the month.",
    ...overrides,
  };
}

/** A saved version of the policy. */
export function makePolicyVersion(overrides: Partial<PolicyVersion> = {}): PolicyVersion {
  return {
    id: "pv-1",
    base: "22@dev-this",
    createdAt: "2026-11-22T10:00:00Z",
    updatedAt: "2026-11-22T10:00:00Z",
    savedAt: "2026-11-22T10:00:00Z",
    note: "",
    markdown: "# Privacy policy\n",
    ...overrides,
  };
}

/** A finding of the compliance checks, open unless an acknowledgement is given. */
export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    check: "activityWithoutOwner",
    severity: "warning",
    kind: "activity",
    recordId: "act-1",
    record: "Member administration",
    field: "owner",
    article: "Art. 5(2)",
    message: "Nobody owns this activity: name the person or role who answers for it.",
    acknowledgement: null,
    ...overrides,
  };
}

/** The home screen of an empty register: no activities, nothing open, nothing coming up. */
export function makeDashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  return {
    today: "2026-11-20",
    activitiesByStatus: [
      { status: "draft", count: 0 },
      { status: "active", count: 0 },
      { status: "retired", count: 0 },
    ],
    openBySeverity: [
      { severity: "error", count: 0 },
      { severity: "warning", count: 0 },
      { severity: "info", count: 0 },
    ],
    findings: [],
    deadlines: [],
    withoutOwner: [],
    applicability: [],
    ...overrides,
  };
}

/** The acknowledgement the back end records for a finding and a reason. */
export function makeAcknowledgement(
  finding: Finding = makeFinding(),
  reason = "The whole committee owns it together.",
  overrides: Partial<Acknowledgement> = {},
): Acknowledgement {
  return {
    id: "ack-1",
    base: "23@dev-this",
    createdAt: "2026-11-20T09:30:00Z",
    updatedAt: "2026-11-20T09:30:00Z",
    checkId: finding.check,
    recordId: finding.recordId,
    findingField: finding.field,
    finding: finding.message,
    reason,
    ...overrides,
  };
}

export function makeRecipient(overrides: Partial<Recipient> = {}): Recipient {
  return {
    id: "rec-1",
    base: "31@dev-this",
    createdAt: "2026-11-01T10:00:00Z",
    updatedAt: "2026-11-20T09:30:00Z",
    legalName: "Hetzner Online GmbH",
    tradingName: "Hetzner",
    country: "DE",
    address: "Industriestr. 25\n91710 Gunzenhausen",
    contact: "data-protection@hetzner.example",
    privacyPolicyUrl: "https://www.hetzner.example/privacy",
    dpaStatus: "signed",
    dpaSigned: "2026-01-15",
    dpaExpires: null,
    subProcessors: [],
    dpf: "unknown",
    dpfVerified: null,
    notes: "",
    catalogueId: null,
    dpaReference: "",
    ...overrides,
  };
}

export function makeCatalogueEntry(overrides: Partial<CatalogueEntry> = {}): CatalogueEntry {
  return {
    id: "mailchimp",
    name: "Mailchimp",
    legalEntity: "The Rocket Science Group LLC",
    country: "US",
    address: null,
    category: "mailing",
    service: "Newsletters and mailing lists",
    typicalRole: "processor",
    dpf: "yes",
    dpfVerified: "2026-10-01",
    privacyPolicyUrl: "https://www.intuit.example/privacy",
    dpaUrl: null,
    subProcessorsUrl: null,
    notes: "",
    sources: ["https://www.dataprivacyframework.example/list"],
    inRegister: false,
    ...overrides,
  };
}

export function makeSourceOrganisation(
  overrides: Partial<SourceOrganisation> = {},
): SourceOrganisation {
  return {
    id: "src-1",
    base: "41@dev-this",
    createdAt: "2026-11-01T10:00:00Z",
    updatedAt: "2026-11-20T09:30:00Z",
    name: "Eventbrite",
    country: "US",
    contact: "privacy@eventbrite.example",
    privacyPolicyUrl: "https://www.eventbrite.example/privacy",
    notes: "",
    recipientId: null,
    ...overrides,
  };
}

export function makeWebsiteThirdParty(
  overrides: Partial<WebsiteThirdParty> = {},
): WebsiteThirdParty {
  return {
    id: "web-1",
    base: "51@dev-this",
    createdAt: "2026-11-01T10:00:00Z",
    updatedAt: "2026-11-20T09:30:00Z",
    provider: "YouTube (Google Ireland Limited)",
    kind: "embed",
    purpose: "Show our conference talks on the website",
    dataCollected: "IP address, device identifiers, viewing activity",
    duration: "Up to 2 years",
    consentRequired: true,
    privacyPolicyUrl: "https://policies.google.example/privacy",
    notes: "",
    recipientId: null,
    ...overrides,
  };
}

export function makeHistoryEntry(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    at: "2026-11-22T10:00:00Z",
    author: "Alex",
    change: "set",
    field: "name",
    old: null,
    new: "Eventbrite",
    ...overrides,
  };
}

/** A few countries, sorted by name as `list_countries` returns them. */
export const COUNTRIES: CountryOption[] = [
  { code: "AT", name: "Austria" },
  { code: "FR", name: "France" },
  { code: "DE", name: "Germany" },
  { code: "IE", name: "Ireland" },
  { code: "GB", name: "United Kingdom" },
  { code: "US", name: "United States of America" },
];

/** A register that has not synced yet: no folder, no other laptop, no conflict. */
export function makeSyncStatus(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    organisationId: "org-1",
    deviceId: "dev-this",
    deviceName: "This device",
    folder: null,
    lastSync: null,
    devices: [],
    conflicts: 0,
    automatic: false,
    refused: [],
    ...overrides,
  };
}

/** A sync that wrote nothing and found nothing new. */
export function makeSyncReport(overrides: Partial<SyncReport> = {}): SyncReport {
  return {
    at: "2026-11-22T10:00:00Z",
    folder: "/home/alex/Nextcloud/Steward",
    written: null,
    opsWritten: 0,
    imported: [],
    alreadyHad: 0,
    ignored: [],
    rejected: [],
    conflicts: 0,
    ...overrides,
  };
}

export function makeDeviceStatus(overrides: Partial<DeviceStatus> = {}): DeviceStatus {
  return {
    device: "dev-this",
    name: "Alex's laptop",
    thisDevice: true,
    changes: 12,
    lastSeq: 12,
    lastChangeAt: "2026-11-22T09:00:00Z",
    missing: [],
    clockAhead: false,
    ...overrides,
  };
}

export function makeConflictValue(overrides: Partial<ConflictValue> = {}): ConflictValue {
  return {
    field: "name",
    value: "Member administration",
    device: "dev-this",
    deviceName: "Alex's laptop",
    at: "2026-11-21T10:00:00Z",
    shown: false,
    ...overrides,
  };
}

/** The name of an activity changed on two laptops; the second value is shown now. */
export function makeConflict(overrides: Partial<Conflict> = {}): Conflict {
  return {
    record: "activity",
    recordId: "act-1",
    recordName: "Members",
    activityId: null,
    field: "name",
    values: [
      makeConflictValue({ value: "Member administration" }),
      makeConflictValue({
        value: "Membership list",
        device: "dev-sam",
        deviceName: "Sam's laptop",
        at: "2026-11-21T11:00:00Z",
        shown: true,
      }),
    ],
    ...overrides,
  };
}

/** A change file imported without surprises: new changes, no problem, no laptop ahead. */
export function makeChangeImport(overrides: Partial<ChangeImport> = {}): ChangeImport {
  return {
    file: "dev-sam-000001.chg",
    author: "Sam's laptop",
    opsInFile: 5,
    newOps: 5,
    problems: [],
    restored: null,
    clocksAhead: [],
    ...overrides,
  };
}

/** An activity that two laptops' changes left in a state its form would refuse. */
export function makeRecordProblem(overrides: Partial<RecordProblem> = {}): RecordProblem {
  return {
    record: "activity",
    recordId: "act-1",
    recordName: "Member administration",
    activityId: null,
    field: "controllerName",
    message:
      "An activity run as controller names no other controller: clear the controller's name.",
    ...overrides,
  };
}

/** A change file refused by an earlier sync and not dismissed yet. */
export function makeRefusedFile(overrides: Partial<RefusedFile> = {}): RefusedFile {
  return {
    id: "rf-1",
    file: "dev-kim-000004.chg",
    reason: "The file belongs to another organisation: ask Kim for a file from this register.",
    at: "2026-11-22T09:45:00Z",
    ...overrides,
  };
}

/** An activity's status that a newer Steward on Sam's laptop wrote. */
export function makeNewerValue(overrides: Partial<NewerValue> = {}): NewerValue {
  return {
    record: "activity",
    recordId: "act-1",
    recordName: "Member administration",
    activityId: null,
    field: "status",
    value: "archived",
    deviceName: "Sam's laptop",
    at: "2026-11-21T11:00:00Z",
    ...overrides,
  };
}

/** Where the register lives in the tests, and its backups folder beside it. */
export const DATABASE = "/home/alex/.local/share/org.steward.desktop/steward.sqlite3";
export const BACKUPS_FOLDER = "/home/alex/.local/share/org.steward.desktop/backups";

/** The daily backup of 20 November 2026, with 12 activities. */
export function makeBackup(overrides: Partial<Backup> = {}): Backup {
  const id = overrides.id ?? "steward-20261120T093000.000Z-daily.sqlite3";
  return {
    id,
    takenAt: "2026-11-20T09:30:00Z",
    reason: "daily",
    bytes: 245_760,
    activities: 12,
    path: `${BACKUPS_FOLDER}/${id}`,
    ...overrides,
  };
}

/** The backups folder with no backup in it yet, and no failure to report. */
export function makeBackups(overrides: Partial<Backups> = {}): Backups {
  return { folder: BACKUPS_FOLDER, backups: [], problem: null, ...overrides };
}

/** What restoring the daily backup of 20 November would do to a register that has grown. */
export function makeRestorePreview(overrides: Partial<RestorePreview> = {}): RestorePreview {
  return {
    file: `${BACKUPS_FOLDER}/steward-20261120T093000.000Z-daily.sqlite3`,
    takenAt: "2026-11-20T09:30:00Z",
    activities: 12,
    recipients: 8,
    changes: 420,
    lastChange: "2026-11-20T09:10:00Z",
    currentActivities: 14,
    currentRecipients: 9,
    currentChanges: 515,
    currentLastChange: "2026-11-22T16:45:00Z",
    summary:
      "Restoring this backup replaces the register: it holds 12 activities and 8 recipients (420 changes), where the register now holds 14 activities and 9 recipients (515 changes). The register as it is now is backed up first, so the restore can be undone the same way.",
    ...overrides,
  };
}

/** A register that opened. */
export function makeStartup(overrides: Partial<Startup> = {}): Startup {
  return { problem: null, database: DATABASE, backups: [], ...overrides };
}

/** The recovery of a damaged register from the daily backup of 20 November. */
export function makeRecovery(overrides: Partial<Recovery> = {}): Recovery {
  return {
    damagedFile: `${DATABASE}.damaged-20261122T081500Z`,
    backup: makeBackup(),
    ...overrides,
  };
}
