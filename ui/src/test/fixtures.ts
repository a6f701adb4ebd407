// Sample data for tests.
import type { Activity, Organisation } from "../ipc";

export function makeActivity(overrides: Partial<Activity> = {}): Activity {
  return {
    id: "act-1",
    name: "Member administration",
    description: "Keeping the list of members and their fees.",
    purposes: ["Managing memberships", "Collecting fees"],
    legalBasis: "contract",
    status: "active",
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
    updatedAt: null,
    ...overrides,
  };
}
