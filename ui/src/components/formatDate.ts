// Formats the ISO-8601 timestamps that the back end sends for people to read, and gives
// the local calendar date in the YYYY-MM-DD form that date inputs and the back end use.
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: "medium",
  timeStyle: "short",
});

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDate(iso: string): string {
  const date = parse(iso);
  return date ? dateFormat.format(date) : iso;
}

export function formatDateTime(iso: string): string {
  const date = parse(iso);
  return date ? dateTimeFormat.format(date) : iso;
}

/** A calendar date in local time as YYYY-MM-DD, the format of date inputs; today by default. */
export function isoDate(date: Date = new Date()): string {
  const month = String(date.getMonth() + 1).padStart(2, "0");
  const day = String(date.getDate()).padStart(2, "0");
  return `${date.getFullYear()}-${month}-${day}`;
}

/** A calendar date sent as YYYY-MM-DD, read as that day wherever the computer is (a
 *  timestamp would be midnight UTC, the day before west of Greenwich). */
export function formatCalendarDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) {
    return formatDate(iso);
  }
  const [, year, month, day] = match;
  return dateFormat.format(new Date(Number(year), Number(month) - 1, Number(day)));
}
