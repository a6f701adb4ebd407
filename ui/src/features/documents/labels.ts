// Choices and words of the documents page.
import type { Activity, Paper } from "../../ipc";
import type { Option } from "../activities/labels";

export const PAPER_OPTIONS: ReadonlyArray<Option<Paper>> = [
  { value: "a4", label: "A4" },
  { value: "us-letter", label: "US Letter" },
];

export function parsePaper(value: string): Paper {
  return PAPER_OPTIONS.find((option) => option.value === value)?.value ?? "a4";
}

/** The business functions the activities name, each once, sorted; blanks are left out. */
export function businessFunctions(activities: readonly Activity[]): string[] {
  const names = new Set(
    activities.map((activity) => activity.businessFunction).filter((name) => name.trim() !== ""),
  );
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** The first day of this year as YYYY-MM-DD: where the change history starts by default. */
export function startOfYear(today: Date = new Date()): string {
  return `${today.getFullYear()}-01-01`;
}

/** "1 activity", "3 activities". */
export function activityCount(count: number): string {
  return count === 1 ? "1 activity" : `${count} activities`;
}
