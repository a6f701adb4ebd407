// Small helpers the sections share for what their rows and histories read.
import type { FormatValue } from "../../../components/historyText";

/** A history formatter that reads the named fields' stored values in their own way and
 *  leaves the others as stored. */
export function formatFields(
  formatters: Readonly<Record<string, (value: string) => string>>,
): FormatValue {
  return (field, value) => {
    const format = Object.hasOwn(formatters, field) ? formatters[field] : undefined;
    return format ? format(value) || value : value;
  };
}

/** Text that is empty reads as null, as the commands take it. */
export function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}
