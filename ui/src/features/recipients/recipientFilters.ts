// Search, filters and sorting of the recipients list, as pure functions of the list.
import type { DpaStatus, DpfStatus, Recipient } from "../../ipc";
import { parseDpaStatus, parseDpf } from "./labels";

export type DpaFilter = "all" | DpaStatus;
export type DpfFilter = "all" | DpfStatus;

export interface RecipientFilters {
  search: string;
  dpa: DpaFilter;
  dpf: DpfFilter;
}

export type SortKey = "name" | "country";
export type SortDirection = "asc" | "desc";

export interface RecipientSort {
  key: SortKey;
  direction: SortDirection;
}

export const NO_FILTERS: RecipientFilters = { search: "", dpa: "all", dpf: "all" };

export function parseDpaFilter(value: string): DpaFilter {
  return value === "all" ? "all" : parseDpaStatus(value);
}

export function parseDpfFilter(value: string): DpfFilter {
  return value === "all" ? "all" : parseDpf(value);
}

/** Matches the legal or trading name, ignoring case. */
export function matchesSearch(recipient: Recipient, search: string): boolean {
  const needle = search.trim().toLocaleLowerCase();
  if (!needle) {
    return true;
  }
  return (
    recipient.legalName.toLocaleLowerCase().includes(needle) ||
    recipient.tradingName.toLocaleLowerCase().includes(needle)
  );
}

export function filterRecipients(
  recipients: readonly Recipient[],
  { search, dpa, dpf }: RecipientFilters,
): Recipient[] {
  return recipients.filter(
    (recipient) =>
      matchesSearch(recipient, search) &&
      (dpa === "all" || recipient.dpaStatus === dpa) &&
      (dpf === "all" || recipient.dpf === dpf),
  );
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

/** Sorts by legal name, or by country name (then legal name); no country sorts last. */
export function sortRecipients(
  recipients: readonly Recipient[],
  { key, direction }: RecipientSort,
  countryNames: ReadonlyMap<string, string>,
): Recipient[] {
  const sign = direction === "asc" ? 1 : -1;
  const countryOf = (recipient: Recipient) =>
    countryNames.get(recipient.country) ?? recipient.country;
  return [...recipients].sort((a, b) => {
    if (key === "country") {
      const [ca, cb] = [countryOf(a), countryOf(b)];
      if (!ca !== !cb) {
        return ca ? -1 : 1;
      }
      const byCountry = collator.compare(ca, cb);
      if (byCountry !== 0) {
        return sign * byCountry;
      }
    }
    return sign * collator.compare(a.legalName, b.legalName);
  });
}

/** Whether the agreement has lapsed: recorded as expired, or its expiry date has passed. */
export function isDpaExpired(
  recipient: Pick<Recipient, "dpaStatus" | "dpaExpires">,
  today: string,
): boolean {
  return (
    recipient.dpaStatus === "expired" ||
    (recipient.dpaExpires !== null && recipient.dpaExpires < today)
  );
}
