// What changed in the draft since the version last saved (e.g. when it was published): a
// summary, then each run of changed paragraphs with a paragraph of context, added ones in
// green and removed ones struck through in red. "Save this version…" saves the draft as it
// reads now, after which the card compares with that. Everything is rendered as text.
import {
  Alert,
  Box,
  Button,
  Card,
  Divider,
  Group,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { Fragment, useState } from "react";
import { formatDateTime } from "../../components/formatDate";
import type { ChangedLine, LineChange, PolicyChanges, SavedVersion } from "../../ipc";
import { keyed } from "./policyBlocks";
import { usePolicyChanges } from "./queries";
import { SavePolicyVersionModal } from "./SavePolicyVersionModal";

export function PolicyChangesCard() {
  const query = usePolicyChanges();
  const [saving, setSaving] = useState(false);

  return (
    <Card withBorder data-testid="policy-changes">
      <Stack gap="sm">
        <Group justify="space-between" align="center" gap="sm">
          <Title order={3} size="h4">
            Changes since the last saved version
          </Title>
          <Button
            size="xs"
            variant="light"
            onClick={() => setSaving(true)}
            data-testid="policy-save-version"
          >
            Save this version…
          </Button>
        </Group>
        {query.isPending ? (
          <Text size="sm" c="dimmed">
            Comparing the draft with the last saved version…
          </Text>
        ) : query.isError ? (
          <Alert color="red" variant="light" title="Could not compare the draft">
            {query.error.message}
          </Alert>
        ) : (
          <ChangesView changes={query.data} />
        )}
      </Stack>
      <SavePolicyVersionModal opened={saving} onClose={() => setSaving(false)} />
    </Card>
  );
}

function ChangesView({ changes }: { changes: PolicyChanges }) {
  const { saved } = changes;
  if (!saved) {
    return (
      <Text size="sm" c="dimmed" data-testid="policy-changes-none">
        No version has been saved yet. Save this version when you publish the policy: Steward will
        then show what changes in the draft as the register changes.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm" data-testid="policy-changes-summary">
        {changesSummary(changes, saved)}
      </Text>
      {keyed(changes.hunks, "h").map(({ key, value: hunk }, index) => (
        <Fragment key={key}>
          {index > 0 ? <Divider label="…" labelPosition="center" /> : null}
          <Box
            data-testid="policy-change-hunk"
            style={{
              border: "1px solid var(--mantine-color-default-border)",
              borderRadius: "var(--mantine-radius-sm)",
              overflow: "hidden",
            }}
          >
            {keyed(hunk, "l").map(({ key: lineKey, value: line }) => (
              <ChangeLineView key={lineKey} line={line} />
            ))}
          </Box>
        </Fragment>
      ))}
    </Stack>
  );
}

function paragraphs(count: number): string {
  return count === 1 ? "1 paragraph" : `${count} paragraphs`;
}

/** "Compared with the version saved on … (note): 2 paragraphs added, 1 removed." */
export function changesSummary(changes: PolicyChanges, saved: SavedVersion): string {
  const note = saved.note.trim();
  const version = `the version saved on ${formatDateTime(saved.savedAt)}${note ? ` (${note})` : ""}`;
  if (changes.added + changes.removed === 0) {
    return `The draft reads exactly as ${version}.`;
  }
  return `Compared with ${version}: ${paragraphs(changes.added)} added, ${changes.removed} removed.`;
}

interface LineLook {
  marker: string;
  label: string;
  background: string | undefined;
  element: "ins" | "del" | "span";
}

const LINE_LOOKS: Readonly<Record<LineChange, LineLook>> = {
  added: {
    marker: "+",
    label: "Added",
    background: "var(--mantine-color-green-light)",
    element: "ins",
  },
  removed: {
    marker: "−",
    label: "Removed",
    background: "var(--mantine-color-red-light)",
    element: "del",
  },
  same: { marker: "", label: "Unchanged", background: undefined, element: "span" },
};

function ChangeLineView({ line }: { line: ChangedLine }) {
  const look = LINE_LOOKS[line.change];
  return (
    <Group
      gap="xs"
      wrap="nowrap"
      align="flex-start"
      px="sm"
      py={4}
      data-testid="policy-change-line"
      data-change={line.change}
      style={{ backgroundColor: look.background }}
    >
      <Text span size="sm" ff="monospace" fw={700} w="1ch" aria-hidden style={{ flexShrink: 0 }}>
        {look.marker}
      </Text>
      <VisuallyHidden>{`${look.label}: `}</VisuallyHidden>
      <Text
        component={look.element}
        size="sm"
        c={line.change === "same" ? "dimmed" : undefined}
        td={line.change === "removed" ? "line-through" : "none"}
        style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}
      >
        {line.text}
      </Text>
    </Group>
  );
}
