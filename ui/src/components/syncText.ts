// The words of a sync, shared by the Sync page and the app's header: counts ("3 changes")
// and the short summary of a sync's report that the header's notification shows ("1 file
// imported from Bea, 2 changes written"), with what waits for a person (conflicts, refused
// files, records to settle, a restored laptop, clocks ahead). The Sync page shows the report
// in full. Names come from other laptops' files: they are plain text, never HTML.
import type { SyncReport } from "../ipc";
import { joinLabels } from "./liveRecord";

function counted(count: number, one: string, many: string): string {
  return count === 1 ? `1 ${one}` : `${count} ${many}`;
}

/** "1 change", "3 changes". */
export function changeCount(count: number): string {
  return counted(count, "change", "changes");
}

/** "1 new change", "3 new changes". */
export function newChangeCount(count: number): string {
  return counted(count, "new change", "new changes");
}

/** "1 conflict", "2 conflicts". */
export function conflictCount(count: number): string {
  return counted(count, "conflict", "conflicts");
}

/** "1 file", "4 files". */
export function fileCount(count: number): string {
  return counted(count, "file", "files");
}

/** "1 name", "2 names". */
export function nameCount(count: number): string {
  return counted(count, "name", "names");
}

/** A sync's report in a few words. */
export interface SyncSummary {
  /** What it did: "1 file imported from Bea, 2 changes written." */
  done: string;
  /** What waits for a person, a sentence each; empty when nothing does. */
  attention: string[];
  /** How it went: "problem" when a file was refused or this laptop turned out to be
   *  restored from an older copy, "attention" when something else waits for a person. */
  tone: "ok" | "attention" | "problem";
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Sums up a sync's report for a notification. */
export function syncSummary(report: SyncReport): SyncSummary {
  const done: string[] = [];
  if (report.imported.length > 0) {
    const authors = unique(report.imported.map((imported) => imported.author));
    done.push(`${fileCount(report.imported.length)} imported from ${joinLabels(authors)}`);
  }
  if (report.written !== null && report.opsWritten > 0) {
    done.push(`${changeCount(report.opsWritten)} written`);
  }
  if (done.length === 0) {
    done.push("nothing new to import or write");
  }

  const attention: string[] = [];
  const restored = report.imported.some((imported) => imported.restored !== null);
  if (restored) {
    attention.push("This laptop was restored from an older copy: see what Steward did about it.");
  }
  const rejected = report.rejected.length;
  if (rejected > 0) {
    attention.push(
      rejected === 1
        ? "1 file was refused: nothing of it was imported."
        : `${fileCount(rejected)} were refused: nothing of them was imported.`,
    );
  }
  if (report.conflicts > 0) {
    attention.push(
      `${conflictCount(report.conflicts)} ${report.conflicts === 1 ? "waits" : "wait"} for you.`,
    );
  }
  const problems = report.imported.reduce((sum, imported) => sum + imported.problems.length, 0);
  if (problems > 0) {
    attention.push(
      problems === 1
        ? "1 record needs a person to settle it."
        : `${problems} records need a person to settle them.`,
    );
  }
  const clocksAhead = unique(report.imported.flatMap((imported) => imported.clocksAhead));
  if (clocksAhead.length > 0) {
    attention.push(`The clock of ${joinLabels(clocksAhead)} is more than a day ahead.`);
  }

  return {
    done: `${capitalised(done.join(", "))}.`,
    attention,
    tone: restored || rejected > 0 ? "problem" : attention.length > 0 ? "attention" : "ok",
  };
}
