// The marks of a record's own form, shared by both form engines: a field that two laptops
// changed before they saw each other's change carries a "Conflict" button beside its input,
// which shows every value with who wrote it and when and settles the conflict right there
// ("Keep this value"); a field whose latest value a newer Steward wrote says so under its
// input. A record deleted on one laptop and changed on another, and the marks of fields
// whose input is not on screen (it shows only for another choice, say), are in the alert
// at the top of the form. Values are shown as text, never as HTML.
import { Alert, Box, Button, Group, Popover, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type ReactNode, useLayoutEffect, useRef, useState } from "react";
import type { Conflict, NewerValue, Resolution } from "../ipc";
import { ConflictValueLabel, conflictValueSource, DeletedConflictChanges } from "./ConflictParts";
import { type RecordRef, useRecordMarkData, useResolveConflict } from "./conflicts";
import { DELETED_FIELD, valueText } from "./conflictText";
import { FormErrorAlert } from "./FormErrorAlert";
import { formatDateTime } from "./formatDate";
import { type FieldLabels, fieldLabel } from "./historyText";
import { joinLabels } from "./liveRecord";
import { splitServerErrors } from "./serverErrors";

/** Wraps an input (Mantine's `inputContainer`) to put a field's marks beside it. */
export type InputContainer = (children: ReactNode) => ReactNode;

export interface RecordMarksOptions {
  /** The record the form edits; null for a new one, which has no marks. */
  record: RecordRef | null;
  /** The form's test-id prefix: marks are `${testId}-${field}-conflict` and
   *  `${testId}-${field}-newer`. */
  testId: string;
  labels: FieldLabels;
  /** Called before a conflict of these fields is settled from the form: the record that
   *  comes back changed is the person's own doing. */
  onSettling: (fields: readonly string[]) => void;
  /** Called once the person chose, in this form, to delete the record that was deleted on
   *  another laptop and changed on this one: the form has nothing left to show. */
  onDeleted?: () => void;
}

export interface RecordMarks {
  /** The marks of a field, for an input that is no Mantine input (a switch, a list of
   *  inputs); null when it has none. */
  marksOf: (field: string) => ReactNode;
  /** The wrapper that puts a field's marks beside its Mantine input; undefined when it has
   *  none, so that an unmarked input renders as before. */
  containerOf: (field: string) => InputContainer | undefined;
  /** The alert at the top of the form: the record's delete-against-edit conflict, which
   *  fields are in conflict, and the marks of fields whose input is not on screen. */
  summary: ReactNode;
}

export function useRecordMarks({
  record,
  testId,
  labels,
  onSettling,
  onDeleted,
}: RecordMarksOptions): RecordMarks {
  const { conflicts, newer } = useRecordMarkData(record);
  const label = (field: string) => fieldLabel(field, labels);
  const deleted = conflicts.find((conflict) => conflict.field === DELETED_FIELD) ?? null;
  const byField = new Map(
    conflicts
      .filter((conflict) => conflict.field !== DELETED_FIELD)
      .map((conflict) => [conflict.field, conflict]),
  );
  const newerByField = new Map(newer.map((value) => [value.field, value]));
  const marked = [...new Set([...byField.keys(), ...newerByField.keys()])];

  // The fields whose marks an input showed in the last render, and those the alert shows
  // because no input did. Inputs render after the form that owns this hook, so the alert
  // learns of them once they are on screen.
  const shownBeside = useRef(new Set<string>());
  shownBeside.current = new Set();
  const [elsewhere, setElsewhere] = useState<readonly string[]>([]);
  useLayoutEffect(() => {
    const missing = marked.filter((field) => !shownBeside.current.has(field));
    if (missing.join("\n") !== elsewhere.join("\n")) {
      setElsewhere(missing);
    }
  });

  function fieldMarks(field: string): ReactNode {
    const conflict = byField.get(field);
    const newerValue = newerByField.get(field);
    if (!conflict && !newerValue) {
      return null;
    }
    return (
      <>
        {conflict ? (
          <ConflictMark
            conflict={conflict}
            label={label(field)}
            testId={`${testId}-${field}-conflict`}
            onSettling={onSettling}
          />
        ) : null}
        {newerValue ? (
          <NewerValueNote value={newerValue} testId={`${testId}-${field}-newer`} />
        ) : null}
      </>
    );
  }

  function marksOf(field: string): ReactNode {
    const marks = fieldMarks(field);
    if (marks !== null) {
      shownBeside.current.add(field);
    }
    return marks;
  }

  function containerOf(field: string): InputContainer | undefined {
    const conflict = byField.get(field);
    const newerValue = newerByField.get(field);
    if (!conflict && !newerValue) {
      return undefined;
    }
    shownBeside.current.add(field);
    return (children) => (
      <Stack gap={4}>
        <Group gap="xs" wrap="nowrap" align="center">
          <Box flex={1} miw={0}>
            {children}
          </Box>
          {conflict ? (
            <ConflictMark
              conflict={conflict}
              label={label(field)}
              testId={`${testId}-${field}-conflict`}
              onSettling={onSettling}
            />
          ) : null}
        </Group>
        {newerValue ? (
          <NewerValueNote value={newerValue} testId={`${testId}-${field}-newer`} />
        ) : null}
      </Stack>
    );
  }

  const inConflict = [...byField.keys()].map(label);
  const summary =
    deleted || inConflict.length > 0 || elsewhere.length > 0 ? (
      <Stack gap="sm">
        {deleted ? (
          <DeletedConflictAlert
            conflict={deleted}
            fieldLabel={label}
            testId={`${testId}-${DELETED_FIELD}-conflict`}
            onSettling={onSettling}
            onDeleted={onDeleted}
          />
        ) : null}
        {inConflict.length > 0 || elsewhere.length > 0 ? (
          <Alert
            color="orange"
            variant="light"
            title={
              inConflict.length > 0
                ? `Changed on two laptops: ${joinLabels(inConflict)}`
                : "Written by a newer Steward"
            }
            data-testid={`${testId}-marks`}
          >
            <Stack gap="xs">
              {inConflict.length > 0 ? (
                <Text size="sm">
                  Nothing was lost: each field keeps both values until you choose one with its
                  Conflict button, here or on the Sync page.
                </Text>
              ) : null}
              {elsewhere.map((field) => (
                <Group key={field} gap="xs" align="center">
                  <Text size="sm" fw={600}>
                    {label(field)}
                  </Text>
                  {fieldMarks(field)}
                </Group>
              ))}
            </Stack>
          </Alert>
        ) : null}
      </Stack>
    ) : null;

  return { marksOf, containerOf, summary };
}

interface ConflictMarkProps {
  conflict: Conflict;
  label: string;
  testId: string;
  onSettling: (fields: readonly string[]) => void;
}

/** The "Conflict" button beside an input and its dropdown: every value with who wrote it
 *  and when, each with "Keep this value". */
function ConflictMark({ conflict, label, testId, onSettling }: ConflictMarkProps) {
  const resolve = useResolveConflict();
  const [opened, setOpened] = useState(false);
  // The value being kept, to show which button waits.
  const [picked, setPicked] = useState<number | null>(null);
  const messages = resolve.error ? splitServerErrors(resolve.error, () => false).general : [];

  function keep(index: number, value: unknown) {
    setPicked(index);
    onSettling([conflict.field]);
    // Awaited from the call, not a callback of this mark: the mark leaves with its
    // conflict when the record is read again, which would drop the notice.
    resolve
      .mutateAsync({
        record: conflict.record,
        recordId: conflict.recordId,
        field: conflict.field,
        resolution: { kind: "value", value },
      })
      .then(
        () => {
          setOpened(false);
          notifications.show({
            color: "teal",
            title: "Conflict resolved",
            message: `${label} is now ${valueText(value)}.`,
          });
        },
        // The error is shown from the mutation's state, beside the values.
        () => undefined,
      );
  }

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      width={380}
      position="bottom-end"
      withArrow
      trapFocus
      returnFocus
      shadow="md"
    >
      <Popover.Target>
        <Button
          size="compact-xs"
          variant="light"
          color="orange"
          onClick={() => setOpened((open) => !open)}
          // The visible word first, so that speech input can say what it sees.
          aria-label={`Conflict on ${label}: changed on two laptops, ${conflict.values.length} values. Choose the one to keep.`}
          aria-expanded={opened}
          data-testid={testId}
          style={{ flexShrink: 0 }}
        >
          Conflict
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid={`${testId}-values`}>
        <Stack gap="sm">
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {`${label}: changed on two laptops`}
            </Text>
            <Text size="xs" c="dimmed">
              Until you choose, the register shows the value marked "shown now".
            </Text>
          </Stack>
          {messages.length > 0 ? (
            <FormErrorAlert title="Could not resolve the conflict" messages={messages} />
          ) : null}
          {conflict.values.map((value, index) => (
            <Group
              // biome-ignore lint/suspicious/noArrayIndexKey: the values keep their order while the conflict is open, and two may share a device and a time
              key={index}
              justify="space-between"
              wrap="nowrap"
              align="flex-start"
              gap="sm"
              data-testid={`${testId}-value`}
            >
              <Stack gap={0} miw={0}>
                <ConflictValueLabel value={value} />
                <Text size="xs" c="dimmed">
                  {conflictValueSource(value)}
                </Text>
              </Stack>
              <Button
                size="compact-xs"
                variant="default"
                onClick={() => keep(index, value.value)}
                loading={resolve.isPending && picked === index}
                disabled={resolve.isPending && picked !== index}
                data-testid={`${testId}-keep`}
                // Escape from here closes the dropdown only, not a part's dialog around the
                // form (Mantine's modal leaves an Escape from such an element alone).
                data-mantine-stop-propagation="true"
                style={{ flexShrink: 0 }}
              >
                Keep this value
              </Button>
            </Group>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** Under an input: the value this version cannot read, who wrote it and when. */
function NewerValueNote({ value, testId }: { value: NewerValue; testId: string }) {
  return (
    <Text size="xs" c="grape.8" data-testid={testId} style={{ overflowWrap: "anywhere" }}>
      {`Written by a newer Steward from ${value.deviceName} (${formatDateTime(value.at)}): update Steward to see it. Saving another value here replaces it.`}
    </Text>
  );
}

interface DeletedConflictAlertProps {
  conflict: Conflict;
  fieldLabel: (field: string) => string;
  testId: string;
  onSettling: (fields: readonly string[]) => void;
  onDeleted?: () => void;
}

/** The record was deleted on one laptop and changed on another: keep it or delete it. */
function DeletedConflictAlert({
  conflict,
  fieldLabel,
  testId,
  onSettling,
  onDeleted,
}: DeletedConflictAlertProps) {
  const resolve = useResolveConflict();
  const pending = resolve.isPending ? (resolve.variables?.resolution.kind ?? null) : null;
  const messages = resolve.error ? splitServerErrors(resolve.error, () => false).general : [];

  function settle(resolution: Resolution) {
    onSettling([]);
    // Awaited from the call, not a callback of this alert, which leaves with its conflict.
    resolve
      .mutateAsync({
        record: conflict.record,
        recordId: conflict.recordId,
        field: conflict.field,
        resolution,
      })
      .then(
        () => {
          notifications.show({
            color: "teal",
            title: "Conflict resolved",
            message:
              resolution.kind === "deleteRecord"
                ? `'${conflict.recordName}' is deleted.`
                : `'${conflict.recordName}' is kept with the changes.`,
          });
          if (resolution.kind === "deleteRecord") {
            onDeleted?.();
          }
        },
        // The error is shown from the mutation's state.
        () => undefined,
      );
  }

  return (
    <Alert
      color="red"
      variant="light"
      title="Deleted on one laptop, changed on another"
      data-testid={testId}
    >
      <Stack gap="sm">
        {messages.length > 0 ? (
          <FormErrorAlert title="Could not resolve the conflict" messages={messages} />
        ) : null}
        <DeletedConflictChanges conflict={conflict} fieldLabel={fieldLabel} />
        <Text size="sm">
          Keep the record with the changes, or delete it as the other laptop did.
        </Text>
        <Group gap="sm">
          <Button
            size="xs"
            onClick={() => settle({ kind: "keepRecord" })}
            loading={pending === "keepRecord"}
            disabled={pending !== null && pending !== "keepRecord"}
            data-testid={`${testId}-keep`}
          >
            Keep the record
          </Button>
          <Button
            size="xs"
            color="red"
            variant="light"
            onClick={() => settle({ kind: "deleteRecord" })}
            loading={pending === "deleteRecord"}
            disabled={pending !== null && pending !== "deleteRecord"}
            data-testid={`${testId}-delete`}
          >
            Delete it
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
