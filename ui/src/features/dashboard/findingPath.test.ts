// Tests for where the dashboard's links lead, and how it words the days to a deadline.
import { describe, expect, it } from "vitest";
import type { Deadline } from "../../ipc";
import { makeFinding } from "../../test/fixtures";
import { deadlinePath, findingPath } from "./findingPath";
import { daysText } from "./labels";

describe("findingPath", () => {
  it("opens an activity at the field that fixes the finding", () => {
    expect(findingPath(makeFinding({ recordId: "act-2", field: "owner" }))).toBe(
      "/activities/act-2?field=owner",
    );
    expect(
      findingPath(
        makeFinding({ check: "sourceWithoutNotice", recordId: "act-1", field: "notice" }),
      ),
    ).toBe("/activities/act-1?field=notice");
  });

  it("opens a recipient at the field that fixes the finding", () => {
    expect(
      findingPath(
        makeFinding({
          check: "processorWithoutDpa",
          kind: "recipient",
          recordId: "rec-1",
          field: "dpaStatus",
        }),
      ),
    ).toBe("/recipients/rec-1?field=dpaStatus");
  });

  it("leaves the field out when the finding names none", () => {
    expect(findingPath(makeFinding({ recordId: "act-3", field: null }))).toBe("/activities/act-3");
    expect(findingPath(makeFinding({ kind: "recipient", recordId: "rec-2", field: null }))).toBe(
      "/recipients/rec-2",
    );
  });

  it("keeps ids and field names inside their part of the URL", () => {
    expect(findingPath(makeFinding({ recordId: "a/b?c", field: "x&y=1" }))).toBe(
      "/activities/a%2Fb%3Fc?field=x%26y%3D1",
    );
  });

  it("opens a source organisation at the field its form rules name", () => {
    expect(
      findingPath(
        makeFinding({
          check: "formRules",
          severity: "error",
          kind: "sourceOrganisation",
          recordId: "src-1",
          field: "privacyPolicyUrl",
        }),
      ),
    ).toBe("/sources/src-1?field=privacyPolicyUrl");
    // The form rules' findings on an activity's rows lead to the activity.
    expect(
      findingPath(makeFinding({ check: "formRules", recordId: "act-1", field: "legalBasis" })),
    ).toBe("/activities/act-1?field=legalBasis");
  });

  it("opens the organisation profile for its own findings and for a missing controller", () => {
    expect(findingPath(makeFinding({ kind: "organisation", recordId: "", field: "dpoName" }))).toBe(
      "/organisation?field=dpoName",
    );
    expect(findingPath(makeFinding({ check: "missingElement", field: "controller" }))).toBe(
      "/organisation?field=legalName",
    );
  });
});

describe("deadlinePath", () => {
  it("opens the record at the field that holds the date", () => {
    const review: Deadline = {
      kind: "review",
      recordKind: "activity",
      recordId: "act-1",
      record: "Member administration",
      field: "nextReview",
      date: "2026-12-01",
      days: 11,
    };
    expect(deadlinePath(review)).toBe("/activities/act-1?field=nextReview");
    expect(
      deadlinePath({ ...review, kind: "dpaExpiry", recordKind: "recipient", field: "dpaExpires" }),
    ).toBe("/recipients/act-1?field=dpaExpires");
  });
});

describe("daysText", () => {
  it("says how far away a date is", () => {
    expect(daysText(12)).toBe("in 12 days");
    expect(daysText(1)).toBe("in 1 day");
    expect(daysText(0)).toBe("today");
    expect(daysText(-1)).toBe("1 day overdue");
    expect(daysText(-3)).toBe("3 days overdue");
  });
});
