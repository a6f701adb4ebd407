// One conflict and the person's choice. A field with competing values offers each value
// (who wrote it and when, and which one the register shows now) and, for a text field, a
// value of one's own; a record deleted on one laptop and changed on another is kept or
// deleted. The server checks a written value with the form's own rules. The record's name
// links to its page (a row of an activity, such as a purpose, to its activity's page),
// where the conflict is marked beside the field too. Every value is shown as text, never
// as HTML.
import { Anchor, Button, Card, Group, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import {
  ConflictValueLabel,
  conflictValueSource,
  DeletedConflictChanges,
} from "../../components/ConflictParts";
import { FormErrorAlert } from "../../components/FormErrorAlert";
import { RECORD_KIND_LABELS, recordPlacePath } from "../../components/recordRoutes";
import { splitServerErrors } from "../../components/serverErrors";
import { type Conflict, type Resolution, StewardError } from "../../ipc";
import { acceptsWrittenValue, conflictFieldLabel, DELETED_FIELD, writtenValue } from "./labels";
import { useResolveConflict } from "./queries";

/** The choice of the "Write a new value" option. */
const NEW_VALUE = "new";
/** The field a written value's error names. */
const VALUE_FIELD = "value";

export interface ConflictCardProps {
  conflict: Conflict;
  /** Called with the server's message when the conflict is no longer open. */
  onGone: (message: string) => void;
}

export function ConflictCard({ conflict, onGone }: ConflictCardProps) {
  const resolve = useResolveConflict();
  const deleted = conflict.field === DELETED_FIELD;
  const kind = RECORD_KIND_LABELS[conflict.record] ?? conflict.record;
  const heading = `${kind} "${conflict.recordName}"`;
  const path = recordPlacePath(conflict, deleted ? null : conflict.field);

  // The outcome is awaited from the call itself, not from callbacks on this card: the
  // lists are read again before the call settles, and the card leaves with its conflict,
  // which would drop a callback of the card's and, with it, the notice.
  function submit(resolution: Resolution) {
    resolve
      .mutateAsync({
        record: conflict.record,
        recordId: conflict.recordId,
        field: conflict.field,
        resolution,
      })
      .then(
        () => notifications.show({ color: "teal", title: "Conflict resolved", message: heading }),
        (error: unknown) => {
          if (error instanceof StewardError && error.code === "notFound") {
            onGone(error.message);
          }
        },
      );
  }

  return (
    <Card withBorder data-testid="conflict-card">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={3} size="h4" style={{ overflowWrap: "anywhere" }}>
            {path ? (
              <Anchor component={Link} to={path} inherit data-testid="conflict-record-link">
                {heading}
              </Anchor>
            ) : (
              heading
            )}
          </Title>
          <Text size="sm" c="dimmed" data-testid="conflict-field">
            {deleted
              ? "Deleted on one laptop, changed on another"
              : conflictFieldLabel(conflict.record, conflict.field)}
          </Text>
        </Stack>
        {deleted ? (
          <DeletedConflict
            conflict={conflict}
            error={resolve.error}
            pending={resolve.isPending ? (resolve.variables?.resolution.kind ?? null) : null}
            onResolve={submit}
          />
        ) : (
          <ValueConflict
            conflict={conflict}
            error={resolve.error}
            pending={resolve.isPending}
            onResolve={submit}
          />
        )}
      </Stack>
    </Card>
  );
}

/** The card's error alert: the messages that no input on screen shows. */
function ConflictError({ messages }: { messages: string[] }) {
  if (messages.length === 0) {
    return null;
  }
  return (
    <div data-testid="conflict-error">
      <FormErrorAlert title="Could not resolve the conflict" messages={messages} />
    </div>
  );
}

interface ValueConflictProps {
  conflict: Conflict;
  error: Error | null;
  pending: boolean;
  onResolve: (resolution: Resolution) => void;
}

function ValueConflict({ conflict, error, pending, onResolve }: ValueConflictProps) {
  const [choice, setChoice] = useState<string | null>(null);
  const [text, setText] = useState("");
  const writable = acceptsWrittenValue(conflict.values);
  const errors = error
    ? splitServerErrors(error, (field) => field === VALUE_FIELD && choice === NEW_VALUE)
    : null;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (choice === NEW_VALUE) {
      onResolve({ kind: "value", value: writtenValue(text) });
      return;
    }
    const picked = choice === null ? undefined : conflict.values[Number(choice)];
    if (picked) {
      onResolve({ kind: "value", value: picked.value });
    }
  }

  const label = conflictFieldLabel(conflict.record, conflict.field);
  return (
    <form onSubmit={handleSubmit} noValidate aria-label={`Choose the value of ${label}`}>
      <Stack gap="sm">
        <ConflictError messages={errors?.general ?? []} />
        <Radio.Group
          label="Which value should the register keep?"
          value={choice}
          onChange={setChoice}
          data-testid="conflict-choice"
        >
          <Stack gap="sm" mt="xs">
            {conflict.values.map((value, index) => (
              <Radio
                // biome-ignore lint/suspicious/noArrayIndexKey: the values keep their order while the conflict is open, and two may share a device and a time
                key={index}
                value={String(index)}
                label={<ConflictValueLabel value={value} />}
                description={conflictValueSource(value)}
                data-testid="conflict-value"
              />
            ))}
            {writable ? (
              <Radio
                value={NEW_VALUE}
                label="Write a new value"
                data-testid="conflict-new-option"
              />
            ) : null}
          </Stack>
        </Radio.Group>
        {writable && choice === NEW_VALUE ? (
          <Textarea
            label="New value"
            description="Leave it empty to clear the field."
            autosize
            minRows={2}
            maxRows={12}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={errors?.fields[VALUE_FIELD]}
            data-testid="conflict-new-value"
          />
        ) : null}
        <Group>
          <Button
            type="submit"
            loading={pending}
            disabled={choice === null}
            data-testid="conflict-resolve"
          >
            Use this value
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface DeletedConflictProps {
  conflict: Conflict;
  error: Error | null;
  /** The resolution being sent, if any. */
  pending: Resolution["kind"] | null;
  onResolve: (resolution: Resolution) => void;
}

function DeletedConflict({ conflict, error, pending, onResolve }: DeletedConflictProps) {
  const messages = error ? splitServerErrors(error, () => false).general : [];
  return (
    <Stack gap="sm">
      <ConflictError messages={messages} />
      <DeletedConflictChanges
        conflict={conflict}
        fieldLabel={(field) => conflictFieldLabel(conflict.record, field)}
      />
      <Text size="sm">Keep the record with the changes, or delete it as the other laptop did.</Text>
      <Group gap="sm">
        <Button
          onClick={() => onResolve({ kind: "keepRecord" })}
          loading={pending === "keepRecord"}
          disabled={pending !== null && pending !== "keepRecord"}
          data-testid="conflict-keep"
        >
          Keep the record
        </Button>
        <Button
          color="red"
          variant="light"
          onClick={() => onResolve({ kind: "deleteRecord" })}
          loading={pending === "deleteRecord"}
          disabled={pending !== null && pending !== "deleteRecord"}
          data-testid="conflict-delete"
        >
          Delete the record
        </Button>
      </Group>
    </Stack>
  );
}
