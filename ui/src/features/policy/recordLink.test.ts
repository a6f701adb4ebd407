// Tests for the routes of the records that a privacy policy's clauses and checklist name.
import { describe, expect, it } from "vitest";
import type { RecordKind, RecordLink } from "../../ipc";
import { recordLinkName, recordLinkPath } from "./recordLink";

function link(kind: RecordKind, overrides: Partial<RecordLink> = {}): RecordLink {
  return { kind, id: "r1", activityId: null, name: "Some record", field: null, ...overrides };
}

describe("recordLinkPath", () => {
  it("opens the organisation profile, at the field when one is named", () => {
    expect(recordLinkPath(link("organisation", { id: "" }))).toBe("/organisation");
    expect(recordLinkPath(link("organisation", { id: "", field: "supervisoryAuthority" }))).toBe(
      "/organisation?field=supervisoryAuthority",
    );
  });

  it("opens an activity, and the activity a row belongs to", () => {
    expect(recordLinkPath(link("activity", { id: "a1" }))).toBe("/activities/a1");
    expect(recordLinkPath(link("activity", { id: "a1", field: "provisionRequirement" }))).toBe(
      "/activities/a1?field=provisionRequirement",
    );
    for (const kind of [
      "purpose",
      "subjectGroup",
      "activitySource",
      "activityRecipient",
      "transfer",
      "retentionRule",
    ] as const) {
      expect(recordLinkPath(link(kind, { id: "row-9", activityId: "a2" }))).toBe("/activities/a2");
    }
    expect(
      recordLinkPath(link("retentionRule", { id: "row-9", activityId: "a2", field: "period" })),
    ).toBe("/activities/a2?field=period");
    // A row without its activity falls back to its own id.
    expect(recordLinkPath(link("purpose", { id: "p3" }))).toBe("/activities/p3");
  });

  it("opens recipients, source organisations and website third parties", () => {
    expect(recordLinkPath(link("recipient", { id: "rec-1" }))).toBe("/recipients/rec-1");
    expect(recordLinkPath(link("sourceOrganisation", { id: "s1" }))).toBe("/sources/s1");
    expect(recordLinkPath(link("websiteThirdParty", { id: "w1" }))).toBe("/website/w1");
  });

  it("opens the dashboard for an acknowledged finding", () => {
    expect(recordLinkPath(link("acknowledgement", { id: "ack-1" }))).toBe("/");
  });

  it("opens the privacy policy for a person's own text and a saved version", () => {
    expect(recordLinkPath(link("policyEdit", { id: "pe-1", field: "text" }))).toBe("/policy");
    expect(recordLinkPath(link("policyVersion", { id: "pv-1" }))).toBe("/policy");
  });

  it("keeps ids and field names inside their part of the URL", () => {
    expect(recordLinkPath(link("recipient", { id: "a/b?c" }))).toBe("/recipients/a%2Fb%3Fc");
    expect(recordLinkPath(link("organisation", { field: "x&y=1" }))).toBe(
      "/organisation?field=x%26y%3D1",
    );
  });
});

describe("recordLinkName", () => {
  it("names the organisation profile, and other records by their name or kind", () => {
    expect(recordLinkName(link("organisation", { name: "" }))).toBe("Organisation profile");
    expect(recordLinkName(link("recipient", { name: "Hetzner Online GmbH" }))).toBe(
      "Hetzner Online GmbH",
    );
    expect(recordLinkName(link("transfer", { name: " " }))).toBe("Transfer of an activity");
    expect(recordLinkName(link("policyEdit", { name: "" }))).toBe("your text");
  });
});
