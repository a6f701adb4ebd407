// Test helpers for the activity's parts: the mocked IPC module with the six part commands
// and the vocabulary mocked too, sensible defaults (no rows, a small vocabulary), and
// sample rows.
import { vi } from "vitest";
import type * as Ipc from "../../../ipc";
import type {
  ActivityRecipient,
  PartCommands,
  Purpose,
  RetentionRule,
  SubjectGroup,
  Transfer,
  Vocabulary,
} from "../../../ipc";
import { mockIpcModule, setIpcDefaults } from "../../../test/ipcMock";

type IpcModule = typeof Ipc;

function mockPart<Row, Input>(commands: PartCommands<Row, Input>): PartCommands<Row, Input> {
  return {
    kind: commands.kind,
    list: vi.fn(),
    create: vi.fn(),
    update: vi.fn(),
    remove: vi.fn(),
    restore: vi.fn(),
  };
}

/** For `vi.mock(import("../../../ipc"), …)`: every command a `vi.fn()`. */
export function mockPartsIpcModule(actual: IpcModule): IpcModule {
  return {
    ...mockIpcModule(actual),
    getVocabulary: vi.fn(),
    purposes: mockPart(actual.purposes),
    subjectGroups: mockPart(actual.subjectGroups),
    activitySources: mockPart(actual.activitySources),
    activityRecipients: mockPart(actual.activityRecipients),
    transfers: mockPart(actual.transfers),
    retentionRules: mockPart(actual.retentionRules),
  };
}

export const VOCABULARY: Vocabulary = {
  subjectCategories: [
    { id: "members", label: "Members", description: "", dpv: "dpv:Member", vulnerable: false },
    {
      id: "event-attendees",
      label: "Event attendees",
      description: "",
      dpv: null,
      vulnerable: false,
    },
  ],
  dataCategories: [
    { id: "identity", label: "Identity", description: "", dpv: null, special: null, mayReveal: [] },
    {
      id: "email-address",
      label: "Email address",
      description: "",
      dpv: null,
      special: null,
      mayReveal: [],
    },
    {
      id: "dietary-requirements",
      label: "Dietary requirements",
      description: "",
      dpv: null,
      special: null,
      mayReveal: ["health-data"],
    },
    {
      id: "health-data",
      label: "Health data",
      description: "",
      dpv: null,
      special: "art9",
      mayReveal: [],
    },
    {
      id: "criminal-convictions-offences",
      label: "Criminal convictions and offences",
      description: "",
      dpv: null,
      special: "art10",
      mayReveal: [],
    },
  ],
};

/** No rows of any kind, the sample vocabulary, and the app's defaults. */
export function setPartsDefaults(ipc: IpcModule) {
  setIpcDefaults(ipc);
  vi.mocked(ipc.getVocabulary).mockResolvedValue(VOCABULARY);
  for (const part of [
    ipc.purposes,
    ipc.subjectGroups,
    ipc.activitySources,
    ipc.activityRecipients,
    ipc.transfers,
    ipc.retentionRules,
  ]) {
    vi.mocked(part.list).mockResolvedValue([]);
  }
}

const STAMPS = {
  base: "2@dev-this",
  createdAt: "2026-11-01T10:00:00Z",
  updatedAt: "2026-11-20T09:30:00Z",
  activityId: "act-1",
};

export function makePurpose(overrides: Partial<Purpose> = {}): Purpose {
  return {
    id: "pur-1",
    ...STAMPS,
    description: "Send the member newsletter",
    legalBasis: "legitimateInterests",
    legitimateInterest: "Keeping members informed",
    liaReference: "Drive/LIA-newsletter.pdf",
    consentRecord: "",
    ...overrides,
  };
}

export function makeSubjectGroup(overrides: Partial<SubjectGroup> = {}): SubjectGroup {
  return {
    id: "sg-1",
    ...STAMPS,
    subjectCategory: "members",
    dataCategories: ["identity", "health-data", "Shoe size"],
    art9Condition: "notForProfitBody",
    art10Basis: "",
    ...overrides,
  };
}

export function makeActivityRecipient(
  overrides: Partial<ActivityRecipient> = {},
): ActivityRecipient {
  return {
    id: "ar-1",
    ...STAMPS,
    recipientId: "rec-1",
    internalTeam: "",
    role: "processor",
    arrangement: "",
    purpose: "Hosts the member database",
    ...overrides,
  };
}

export function makeTransfer(overrides: Partial<Transfer> = {}): Transfer {
  return {
    id: "tr-1",
    ...STAMPS,
    recipientId: "rec-2",
    country: "US",
    mechanism: "dpf",
    safeguards: "",
    tiaDone: false,
    tiaDate: null,
    notes: "",
    ...overrides,
  };
}

export function makeRetentionRule(overrides: Partial<RetentionRule> = {}): RetentionRule {
  return {
    id: "ret-1",
    ...STAMPS,
    dataCategory: "identity",
    periodValue: 2,
    periodUnit: "years",
    criterion: "",
    triggerEvent: "the end of the membership",
    justification: "",
    endAction: "erase",
    ...overrides,
  };
}
