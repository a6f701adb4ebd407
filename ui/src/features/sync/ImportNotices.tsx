// What importing change files left for a person, shown with a sync's report and after a file
// is imported by hand: that this laptop found it had been restored from an older copy (and
// what Steward did about it), the laptops whose clock is more than a day ahead, and the
// records two laptops' valid changes left in a state their form would refuse, each with a
// link to the record (a row of an activity, such as a purpose, to its activity's page). Names, messages and values come from other laptops' files, so they
// are shown as text, never as HTML.
import { Alert, Anchor, List, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { RECORD_KIND_LABELS, recordPlacePath } from "../../components/recordRoutes";
import type { ChangeImport, RecordProblem } from "../../ipc";
import { conflictFieldLabel } from "./labels";

export interface ImportNoticesProps {
  /** The files imported, in the order they were. */
  imports: readonly ChangeImport[];
}

export function ImportNotices({ imports }: ImportNoticesProps) {
  const restored = unique(imports.flatMap((imported) => imported.restored ?? []));
  const clocksAhead = unique(imports.flatMap((imported) => imported.clocksAhead));
  const problems = imports.flatMap((imported) => imported.problems);
  if (restored.length === 0 && clocksAhead.length === 0 && problems.length === 0) {
    return null;
  }
  return (
    <Stack gap="sm">
      {restored.map((message) => (
        <Alert
          key={message}
          color="red"
          variant="filled"
          role="alert"
          title="This laptop was restored from an older copy"
          data-testid="sync-restored"
        >
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {message}
          </Text>
        </Alert>
      ))}
      {problems.length > 0 ? <ProblemsAlert problems={problems} /> : null}
      {clocksAhead.length > 0 ? <ClocksAheadAlert names={clocksAhead} /> : null}
    </Stack>
  );
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function ProblemsAlert({ problems }: { problems: readonly RecordProblem[] }) {
  const count = problems.length;
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      title={
        count === 1
          ? "1 record needs a person to settle it"
          : `${count} records need a person to settle them`
      }
      data-testid="sync-problems"
    >
      <Stack gap="xs">
        <Text size="sm">
          Changes from two laptops met and left{" "}
          {count === 1 ? "this record in a state its" : "these records in a state their"} form would
          refuse. Nothing was lost: open each and put it right.
        </Text>
        <List size="sm" spacing={4}>
          {problems.map((problem) => (
            <List.Item
              key={`${problem.record}\n${problem.recordId}\n${problem.field}\n${problem.message}`}
              data-testid="sync-problem"
              style={{ overflowWrap: "anywhere" }}
            >
              <ProblemRecord problem={problem} />
              {`: ${fieldOf(problem)}. ${problem.message}`}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Alert>
  );
}

/** The field a problem is about: "purposes[1]" is about "purposes". */
function fieldRoot(field: string): string {
  return field.split(/[[.]/)[0] || field;
}

/** The form's label of the field a problem is about. */
function fieldOf(problem: RecordProblem): string {
  return conflictFieldLabel(problem.record, fieldRoot(problem.field));
}

/** The record as a link to its page, at the field, or for a row of an activity to the
 *  activity's page at the row's section; a row whose activity is not known points to the
 *  dashboard, which lists it under its activity. */
function ProblemRecord({ problem }: { problem: RecordProblem }) {
  const kind = RECORD_KIND_LABELS[problem.record] ?? problem.record;
  const name = `${kind} "${problem.recordName}"`;
  const path = recordPlacePath(problem, fieldRoot(problem.field));
  if (path) {
    return (
      <Anchor component={Link} to={path} size="sm" fw={600} data-testid="sync-problem-link">
        {name}
      </Anchor>
    );
  }
  return (
    <>
      <Text span size="sm" fw={600}>
        {name}
      </Text>{" "}
      (
      <Anchor component={Link} to="/" size="sm" data-testid="sync-problem-link">
        find it on the dashboard
      </Anchor>
      )
    </>
  );
}

function ClocksAheadAlert({ names }: { names: readonly string[] }) {
  return (
    <Alert
      color="yellow"
      variant="light"
      title={names.length === 1 ? "A laptop's clock is ahead" : "Some laptops' clocks are ahead"}
      data-testid="sync-clocks-ahead"
    >
      <Text size="sm" style={{ overflowWrap: "anywhere" }}>
        {`The clock of ${names.join(", ")} is more than a day ahead. Its changes were merged, but this laptop's clock and the dates it shows did not follow: check the date and time on ${names.length === 1 ? "that laptop" : "those laptops"}.`}
      </Text>
    </Alert>
  );
}
