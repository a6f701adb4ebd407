// Search and sorting of the overviews across activities, as pure functions.

export type ActivitySortDirection = "asc" | "desc";

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

/** Whether any of the texts contains the search, ignoring case; an empty search matches. */
export function matchesSearch(texts: readonly string[], search: string): boolean {
  const needle = search.trim().toLocaleLowerCase();
  return !needle || texts.some((text) => text.toLocaleLowerCase().includes(needle));
}

/** Sorts by the activity's name (the direction given), then by the tie-break, ascending. */
export function sortByActivity<TRow>(
  rows: readonly TRow[],
  activityName: (row: TRow) => string,
  tieBreak: (row: TRow) => string,
  direction: ActivitySortDirection,
): TRow[] {
  const sign = direction === "asc" ? 1 : -1;
  return [...rows].sort(
    (a, b) =>
      sign * collator.compare(activityName(a), activityName(b)) ||
      collator.compare(tieBreak(a), tieBreak(b)),
  );
}
