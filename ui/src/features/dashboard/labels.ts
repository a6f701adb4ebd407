// The dashboard's words: severities, deadline kinds, and how far away a date is.
import type { DeadlineKind, Finding, Severity } from "../../ipc";

export const SEVERITY_OPTIONS: ReadonlyArray<{
  value: Severity;
  /** The figure's label, for several findings. */
  label: string;
  /** The badge on one finding. */
  badge: string;
  color: string;
}> = [
  { value: "error", label: "Errors", badge: "Error", color: "red" },
  { value: "warning", label: "Warnings", badge: "Warning", color: "orange" },
  { value: "info", label: "Suggestions", badge: "Suggestion", color: "blue" },
];

export function severityOption(value: Severity) {
  return (
    SEVERITY_OPTIONS.find((option) => option.value === value) ?? {
      value,
      label: value,
      badge: value,
      color: "gray",
    }
  );
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** The findings nobody has acknowledged, most severe first (in the checks' order within a
 *  severity). */
export function openFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .filter((finding) => finding.acknowledgement === null)
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** The findings acknowledged as deliberate choices, in the checks' order. */
export function acknowledgedFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.acknowledgement !== null);
}

/** A key for a finding in a list: the checks report each at most once per record, field
 *  and message. */
export function findingKey(finding: Finding): string {
  return [finding.check, finding.recordId, finding.field ?? "", finding.message].join("\u0000");
}

export const DEADLINE_KIND_LABELS: Readonly<Record<DeadlineKind, string>> = {
  review: "Review",
  dpaExpiry: "DPA expires",
};

/** How far away a date is: "in 3 days", "today", "2 days overdue". */
export function daysText(days: number): string {
  if (days === 0) {
    return "today";
  }
  const count = Math.abs(days);
  const unit = count === 1 ? "day" : "days";
  return days > 0 ? `in ${count} ${unit}` : `${count} ${unit} overdue`;
}
