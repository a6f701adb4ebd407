// Search, filters and sorting of the activities list, as pure functions of the list and
// of the reviews that say what each record lacks.
import type { Activity, ActivityReview, ActivityRole, ActivityStatus } from "../../ipc";
import { parseStatus } from "./labels";

export type StatusFilter = "all" | ActivityStatus;
export type CompletenessFilter = "all" | "complete" | "incomplete";
/** Whose record: the organisation's own activities (Art. 30(1)), or those it carries out as a
 *  processor for other controllers — the Art. 30(2) register. */
export type RoleFilter = "all" | ActivityRole;

export interface ActivityFilters {
  search: string;
  status: StatusFilter;
  completeness: CompletenessFilter;
  role: RoleFilter;
}

export type SortKey = "name" | "businessFunction" | "completeness" | "updated";
export type SortDirection = "asc" | "desc";

export interface ActivitySort {
  key: SortKey;
  direction: SortDirection;
}

/** The review of each activity by id; an activity without one is "not known yet". */
export type Reviews = ReadonlyMap<string, ActivityReview>;

export const NO_FILTERS: ActivityFilters = {
  search: "",
  status: "all",
  completeness: "all",
  role: "all",
};

export function parseRoleFilter(value: string): RoleFilter {
  return value === "controller" || value === "processor" ? value : "all";
}

export function parseStatusFilter(value: string): StatusFilter {
  return value === "all" ? "all" : parseStatus(value);
}

export function parseCompletenessFilter(value: string): CompletenessFilter {
  return value === "complete" || value === "incomplete" ? value : "all";
}

/** Matches the name, description, business function, owner or a system, ignoring case. */
export function matchesSearch(activity: Activity, search: string): boolean {
  const needle = search.trim().toLocaleLowerCase();
  if (!needle) {
    return true;
  }
  return [
    activity.name,
    activity.description,
    activity.businessFunction,
    activity.owner,
    ...activity.systems,
  ].some((text) => text.toLocaleLowerCase().includes(needle));
}

/** The number of missing elements, or null while the review is not known. */
export function missingCount(reviews: Reviews, id: string): number | null {
  return reviews.get(id)?.missing.length ?? null;
}

function matchesCompleteness(
  activity: Activity,
  completeness: CompletenessFilter,
  reviews: Reviews,
): boolean {
  if (completeness === "all") {
    return true;
  }
  const missing = missingCount(reviews, activity.id);
  // Without its review, an activity passes neither filter rather than being guessed.
  if (missing === null) {
    return false;
  }
  return completeness === "complete" ? missing === 0 : missing > 0;
}

export function filterActivities(
  activities: readonly Activity[],
  { search, status, completeness, role }: ActivityFilters,
  reviews: Reviews,
): Activity[] {
  return activities.filter(
    (activity) =>
      matchesSearch(activity, search) &&
      (status === "all" || activity.status === status) &&
      (role === "all" || activity.role === role) &&
      matchesCompleteness(activity, completeness, reviews),
  );
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

/** Sorts by name; by business function, by the number of missing elements or by the last
 *  change, then by name. Empty business functions and unknown reviews sort last. */
export function sortActivities(
  activities: readonly Activity[],
  { key, direction }: ActivitySort,
  reviews: Reviews,
): Activity[] {
  const sign = direction === "asc" ? 1 : -1;
  const byName = (a: Activity, b: Activity) => sign * collator.compare(a.name, b.name);
  return [...activities].sort((a, b) => {
    if (key === "businessFunction") {
      const [fa, fb] = [a.businessFunction, b.businessFunction];
      if (!fa !== !fb) {
        return fa ? -1 : 1;
      }
      return sign * collator.compare(fa, fb) || byName(a, b);
    }
    if (key === "completeness") {
      const [ma, mb] = [missingCount(reviews, a.id), missingCount(reviews, b.id)];
      if ((ma === null) !== (mb === null)) {
        return ma === null ? 1 : -1;
      }
      return sign * ((ma ?? 0) - (mb ?? 0)) || byName(a, b);
    }
    if (key === "updated") {
      return sign * a.updatedAt.localeCompare(b.updatedAt) || byName(a, b);
    }
    return byName(a, b);
  });
}
