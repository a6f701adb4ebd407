// Tests for the summary of a sync's report that the header's notification shows: what it
// did in a few words, and a sentence for each thing that waits for a person.
import { describe, expect, it } from "vitest";
import { makeChangeImport, makeRecordProblem, makeSyncReport } from "../test/fixtures";
import { syncSummary } from "./syncText";

describe("syncSummary", () => {
  it("says that a sync found and wrote nothing", () => {
    expect(syncSummary(makeSyncReport())).toEqual({
      done: "Nothing new to import or write.",
      attention: [],
      tone: "ok",
    });
  });

  it("counts the files imported, names each laptop once, and counts the changes written", () => {
    const summary = syncSummary(
      makeSyncReport({
        written: "dev-this-000013.chg",
        opsWritten: 1,
        imported: [
          makeChangeImport({ author: "Bea" }),
          makeChangeImport({ file: "dev-bea-000005.chg", author: "Bea" }),
          makeChangeImport({ file: "dev-sam-000001.chg", author: "Sam" }),
          makeChangeImport({ file: "dev-kim-000001.chg", author: "Kim" }),
        ],
      }),
    );
    expect(summary.done).toBe("4 files imported from Bea, Sam and Kim, 1 change written.");
    expect(summary.tone).toBe("ok");
  });

  it("says only what was written when nothing came in", () => {
    expect(
      syncSummary(makeSyncReport({ written: "dev-this-000013.chg", opsWritten: 3 })).done,
    ).toBe("3 changes written.");
  });

  it("names what waits for a person, and how serious it is", () => {
    const waiting = syncSummary(
      makeSyncReport({
        imported: [
          makeChangeImport({
            author: "Bea",
            problems: [makeRecordProblem(), makeRecordProblem({ recordId: "act-2" })],
            clocksAhead: ["Bea", "Sam"],
          }),
          makeChangeImport({ author: "Sam", clocksAhead: ["Sam"] }),
        ],
        conflicts: 1,
      }),
    );
    expect(waiting.attention).toEqual([
      "1 conflict waits for you.",
      "2 records need a person to settle them.",
      "The clock of Bea and Sam is more than a day ahead.",
    ]);
    expect(waiting.tone).toBe("attention");

    const refused = syncSummary(
      makeSyncReport({
        rejected: [
          { file: "a.chg", reason: "It is damaged." },
          { file: "b.chg", reason: "It is damaged." },
        ],
        imported: [makeChangeImport({ restored: "Steward restored the changes it had lost." })],
      }),
    );
    expect(refused.attention).toEqual([
      "This laptop was restored from an older copy: see what Steward did about it.",
      "2 files were refused: nothing of them was imported.",
    ]);
    expect(refused.tone).toBe("problem");
  });
});
