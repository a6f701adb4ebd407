// The dashboard's findings: the open gaps, most severe first, each with a link to the
// input that fixes it and a way to acknowledge it as a deliberate choice; and the
// acknowledged ones with their reasons, which can be withdrawn.
import {
  Accordion,
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useCallback, useId, useState } from "react";
import { Link } from "react-router";
import { formatDateTime } from "../../components/formatDate";
import type { Finding, Severity } from "../../ipc";
import { AcknowledgeModal } from "./AcknowledgeModal";
import { findingPath } from "./findingPath";
import { findingKey, SEVERITY_OPTIONS, severityOption } from "./labels";
import { useWithdrawAcknowledgement } from "./queries";

const LIST_STYLE = { listStyle: "none" } as const;
const ITEM_STYLE = { borderTop: "1px solid var(--mantine-color-default-border)" } as const;
const NO_SHRINK = { flexShrink: 0 } as const;
/** The text takes the room the buttons leave, and wraps. */
const TEXT_STYLE = { flex: 1, minWidth: 0 } as const;

interface DialogState {
  opened: boolean;
  finding: Finding | null;
  /** A new form for every opening. */
  session: number;
}

/** The open findings (see `openFindings`), grouped by severity. */
export function OpenFindings({ findings }: { findings: readonly Finding[] }) {
  const [dialog, setDialog] = useState<DialogState>({ opened: false, finding: null, session: 0 });
  const close = useCallback(() => setDialog((current) => ({ ...current, opened: false })), []);
  const unmount = useCallback(
    () => setDialog((current) => (current.opened ? current : { ...current, finding: null })),
    [],
  );

  function acknowledge(finding: Finding) {
    setDialog((current) => ({ opened: true, finding, session: current.session + 1 }));
  }

  return (
    <Card withBorder radius="md" padding="lg" data-testid="dashboard-findings">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {`Open gaps (${findings.length})`}
        </Title>
        {findings.length === 0 ? (
          <Alert color="teal" variant="light" data-testid="dashboard-findings-empty">
            No open gaps. Every check passes, or what it reports is acknowledged as a deliberate
            choice.
          </Alert>
        ) : (
          SEVERITY_OPTIONS.map(({ value }) => (
            <SeverityGroup
              key={value}
              severity={value}
              findings={findings.filter((finding) => finding.severity === value)}
              onAcknowledge={acknowledge}
            />
          ))
        )}
      </Stack>
      {dialog.finding ? (
        <AcknowledgeModal
          key={dialog.session}
          opened={dialog.opened}
          finding={dialog.finding}
          onClose={close}
          onClosed={unmount}
        />
      ) : null}
    </Card>
  );
}

interface SeverityGroupProps {
  severity: Severity;
  findings: readonly Finding[];
  onAcknowledge: (finding: Finding) => void;
}

function SeverityGroup({ severity, findings, onAcknowledge }: SeverityGroupProps) {
  const headingId = useId();
  if (findings.length === 0) {
    return null;
  }
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} id={headingId}>
        {`${severityOption(severity).label} (${findings.length})`}
      </Text>
      <Box component="ul" m={0} p={0} style={LIST_STYLE} aria-labelledby={headingId}>
        {findings.map((finding) => (
          <OpenFinding
            key={findingKey(finding)}
            finding={finding}
            onAcknowledge={() => onAcknowledge(finding)}
          />
        ))}
      </Box>
    </Stack>
  );
}

function SeverityBadge({ severity }: { severity: Severity }) {
  const option = severityOption(severity);
  return (
    <Badge color={option.color} variant="light" style={NO_SHRINK}>
      {option.badge}
    </Badge>
  );
}

/** What a finding says: the record, the article and the message. */
function FindingText({ finding, messageId }: { finding: Finding; messageId: string }) {
  return (
    <Stack gap={2} style={TEXT_STYLE}>
      <Group gap="xs" wrap="nowrap" align="baseline">
        <SeverityBadge severity={finding.severity} />
        <Text size="sm" fw={600}>
          {finding.record || "Unnamed record"}
        </Text>
        <Text size="xs" c="dimmed" style={NO_SHRINK}>
          {finding.article}
        </Text>
      </Group>
      <Text size="sm" id={messageId}>
        {finding.message}
      </Text>
    </Stack>
  );
}

function OpenFinding({ finding, onAcknowledge }: { finding: Finding; onAcknowledge: () => void }) {
  const messageId = useId();
  return (
    <Box
      component="li"
      py="xs"
      style={ITEM_STYLE}
      data-testid="dashboard-finding"
      data-check={finding.check}
      data-record-id={finding.recordId}
      data-severity={finding.severity}
    >
      <Group justify="space-between" wrap="nowrap" gap="md" align="flex-start">
        <FindingText finding={finding} messageId={messageId} />
        <Group gap="xs" wrap="nowrap" style={NO_SHRINK}>
          <Button
            component={Link}
            to={findingPath(finding)}
            size="xs"
            variant="light"
            aria-describedby={messageId}
            data-testid="dashboard-finding-fix"
          >
            Fix
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            onClick={onAcknowledge}
            miw={128}
            aria-describedby={messageId}
            data-testid="dashboard-finding-acknowledge"
          >
            Acknowledge…
          </Button>
        </Group>
      </Group>
    </Box>
  );
}

/** The findings acknowledged as deliberate choices (see `acknowledgedFindings`). */
export function AcknowledgedFindings({ findings }: { findings: readonly Finding[] }) {
  const withdraw = useWithdrawAcknowledgement();

  function withdrawFinding(finding: Finding) {
    const acknowledgement = finding.acknowledgement;
    if (!acknowledgement || withdraw.isPending) {
      return;
    }
    // Sent with the base the dashboard read it at, so that a colleague's change to it made
    // meanwhile is kept for a person to settle instead of being overwritten.
    withdraw.mutate(
      { id: acknowledgement.id, base: acknowledgement.base },
      {
        onSuccess: () =>
          notifications.show({
            color: "teal",
            title: "Acknowledgement withdrawn",
            message: `The finding on '${finding.record}' is an open gap again.`,
          }),
        onError: (error) =>
          notifications.show({ color: "red", title: "Could not withdraw", message: error.message }),
      },
    );
  }

  return (
    <Card withBorder radius="md" padding={0} data-testid="dashboard-acknowledged">
      <Accordion defaultValue="acknowledged" chevronPosition="right">
        <Accordion.Item value="acknowledged" style={{ borderBottom: 0 }}>
          <Accordion.Control data-testid="dashboard-acknowledged-toggle">
            <Title order={3} size="h4">
              {`Acknowledged as deliberate choices (${findings.length})`}
            </Title>
          </Accordion.Control>
          <Accordion.Panel>
            {findings.length === 0 ? (
              <Text size="sm" c="dimmed" fs="italic">
                No finding is acknowledged. Acknowledge a gap when it is a deliberate choice, and
                say why.
              </Text>
            ) : (
              <Box component="ul" m={0} p={0} style={LIST_STYLE}>
                {findings.map((finding) => (
                  <AcknowledgedFinding
                    key={findingKey(finding)}
                    finding={finding}
                    withdrawing={
                      withdraw.isPending && withdraw.variables?.id === finding.acknowledgement?.id
                    }
                    onWithdraw={() => withdrawFinding(finding)}
                  />
                ))}
              </Box>
            )}
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Card>
  );
}

interface AcknowledgedFindingProps {
  finding: Finding;
  withdrawing: boolean;
  onWithdraw: () => void;
}

function AcknowledgedFinding({ finding, withdrawing, onWithdraw }: AcknowledgedFindingProps) {
  const messageId = useId();
  const acknowledgement = finding.acknowledgement;
  return (
    <Box component="li" py="xs" style={ITEM_STYLE} data-testid="dashboard-acknowledged-item">
      <Group justify="space-between" wrap="nowrap" gap="md" align="flex-start">
        <Stack gap={4}>
          <FindingText finding={finding} messageId={messageId} />
          {acknowledgement ? (
            <Text size="sm" c="dimmed" data-testid="dashboard-acknowledged-reason">
              {`Why: ${acknowledgement.reason} · acknowledged ${formatDateTime(acknowledgement.at)}`}
            </Text>
          ) : null}
        </Stack>
        <Button
          size="xs"
          variant="default"
          onClick={onWithdraw}
          loading={withdrawing}
          aria-describedby={messageId}
          style={NO_SHRINK}
          data-testid="dashboard-acknowledged-withdraw"
        >
          Withdraw
        </Button>
      </Group>
    </Box>
  );
}
