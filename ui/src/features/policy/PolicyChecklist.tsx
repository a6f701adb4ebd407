// What the law requires in a privacy policy that the register does not say yet: one row per
// missing fact, with the GDPR element, what to record and a link to the record to fix. The
// placeholders in the draft lead here (see `gapRowId`).
import { Alert, Badge, Box, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { PolicyGap } from "../../ipc";
import { keyed } from "./policyBlocks";
import { recordLinkName, recordLinkPath } from "./recordLink";

/** The id of a checklist row, which a placeholder scrolls to. */
export function gapRowId(prefix: string, gap: number): string {
  return `${prefix}-gap-${gap}`;
}

export interface PolicyChecklistProps {
  checklist: readonly PolicyGap[];
  /** Prefix of the rows' ids, unique on the page. */
  idPrefix: string;
  /** The row a placeholder led to, shown highlighted. */
  highlighted: number | null;
}

export function PolicyChecklist({ checklist, idPrefix, highlighted }: PolicyChecklistProps) {
  return (
    <Card withBorder data-testid="policy-checklist">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Missing from the register ({checklist.length})
        </Title>
        {checklist.length === 0 ? (
          <Alert color="teal" variant="light" data-testid="policy-checklist-empty">
            Every element the law requires in a privacy policy is recorded in the register. Read the
            draft through before you publish it.
          </Alert>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              The GDPR requires each of these in a privacy policy. The draft shows a highlighted
              placeholder for each; record the fact and the draft states it.
            </Text>
            <Box component="ul" m={0} p={0} style={{ listStyle: "none" }}>
              {keyed(checklist, "g").map(({ key, value }, index) => (
                <GapRow
                  key={key}
                  gap={value}
                  id={gapRowId(idPrefix, index)}
                  highlighted={highlighted === index}
                />
              ))}
            </Box>
          </>
        )}
      </Stack>
    </Card>
  );
}

interface GapRowProps {
  gap: PolicyGap;
  id: string;
  highlighted: boolean;
}

function GapRow({ gap, id, highlighted }: GapRowProps) {
  const messageId = `${id}-message`;
  return (
    <Box
      component="li"
      id={id}
      py="xs"
      px="sm"
      data-testid="policy-gap"
      data-highlighted={highlighted || undefined}
      style={{
        borderTop: "1px solid var(--mantine-color-default-border)",
        borderRadius: "var(--mantine-radius-sm)",
        backgroundColor: highlighted ? "var(--mantine-color-yellow-light)" : undefined,
        scrollMarginBlock: "var(--mantine-spacing-xl)",
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap="md" align="center">
        <Stack gap={2}>
          <Group gap="xs" wrap="nowrap" align="baseline">
            <Badge variant="light" color="yellow" tt="none" style={{ flexShrink: 0 }}>
              {gap.element}
            </Badge>
            <Text size="sm" id={messageId}>
              {gap.message}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            Record it in: {recordLinkName(gap.fix)}
          </Text>
        </Stack>
        <Button
          component={Link}
          to={recordLinkPath(gap.fix)}
          size="xs"
          variant="light"
          style={{ flexShrink: 0 }}
          aria-describedby={messageId}
          data-testid="policy-gap-fix"
        >
          Fix
        </Button>
      </Group>
    </Box>
  );
}
