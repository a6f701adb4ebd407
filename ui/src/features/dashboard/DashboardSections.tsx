// The dashboard's cards besides the findings: the figures (activities by status, open gaps
// by severity), the deadlines coming up, the activities nobody owns, and whether Art. 30(5)
// requires each activity's record.
import {
  Anchor,
  Badge,
  Box,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatCalendarDate } from "../../components/formatDate";
import type { Applicability, Deadline, SeverityCount, StatusCount } from "../../ipc";
import { statusOption } from "../activities/labels";
import { deadlinePath, recordFieldPath } from "./findingPath";
import { DEADLINE_KIND_LABELS, daysText, severityOption } from "./labels";

const LIST_STYLE = { listStyle: "none" } as const;
const ITEM_STYLE = { borderTop: "1px solid var(--mantine-color-default-border)" } as const;

function DashboardCard({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="lg" data-testid={testId}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/** One figure: the count, large, above its label. */
function Figure({ count, label, color }: { count: number; label: string; color: string }) {
  return (
    <Stack gap={0} align="center">
      <Text fz={32} fw={700} lh={1.1} c={count > 0 ? color : "dimmed"}>
        {count}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

const FIGURE_STYLE = {
  borderRadius: "var(--mantine-radius-md)",
  padding: "var(--mantine-spacing-xs)",
  backgroundColor: "var(--mantine-color-default-hover)",
} as const;

/** The activities by status, each leading to the list of activities. */
export function StatusFigures({ counts }: { counts: readonly StatusCount[] }) {
  return (
    <DashboardCard title="Processing activities" testId="dashboard-activities">
      <SimpleGrid cols={3} spacing="sm">
        {counts.map(({ status, count }) => {
          const option = statusOption(status);
          return (
            <UnstyledButton
              key={status}
              component={Link}
              to="/activities"
              style={FIGURE_STYLE}
              aria-label={`${count} ${option.label.toLocaleLowerCase()}: open the activities`}
              data-testid={`dashboard-status-${status}`}
              data-count={count}
            >
              <Figure count={count} label={option.label} color={option.color} />
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
    </DashboardCard>
  );
}

/** The open (unacknowledged) findings by severity. */
export function SeverityFigures({ counts }: { counts: readonly SeverityCount[] }) {
  return (
    <DashboardCard title="Open gaps" testId="dashboard-open">
      <SimpleGrid cols={3} spacing="sm">
        {counts.map(({ severity, count }) => {
          const option = severityOption(severity);
          return (
            <Box
              key={severity}
              style={FIGURE_STYLE}
              data-testid={`dashboard-open-${severity}`}
              data-count={count}
            >
              <Figure count={count} label={option.label} color={option.color} />
            </Box>
          );
        })}
      </SimpleGrid>
    </DashboardCard>
  );
}

/** Reviews and DPA expiries coming up, or passed, soonest first. */
export function Deadlines({ deadlines }: { deadlines: readonly Deadline[] }) {
  return (
    <DashboardCard title="Coming up" testId="dashboard-deadlines">
      {deadlines.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic" data-testid="dashboard-deadlines-empty">
          No review or DPA expiry is due soon.
        </Text>
      ) : (
        <Box component="ul" m={0} p={0} style={LIST_STYLE}>
          {deadlines.map((deadline) => (
            <Box
              component="li"
              key={`${deadline.kind}-${deadline.recordId}`}
              py={6}
              style={ITEM_STYLE}
              data-testid="dashboard-deadline"
              data-days={deadline.days}
            >
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {DEADLINE_KIND_LABELS[deadline.kind]}
                  </Text>
                  <Anchor component={Link} to={deadlinePath(deadline)} size="sm">
                    {deadline.record || "Unnamed record"}
                  </Anchor>
                </Stack>
                <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
                  <Text size="sm">{formatCalendarDate(deadline.date)}</Text>
                  <Text
                    size="xs"
                    c={deadline.days < 0 ? "red" : deadline.days === 0 ? "orange" : "dimmed"}
                    fw={deadline.days <= 0 ? 600 : undefined}
                    data-testid="dashboard-deadline-days"
                  >
                    {daysText(deadline.days)}
                  </Text>
                </Stack>
              </Group>
            </Box>
          ))}
        </Box>
      )}
    </DashboardCard>
  );
}

/** The live activities nobody owns, each leading to its owner input. */
export function WithoutOwner({ activities }: { activities: readonly Applicability[] }) {
  return (
    <DashboardCard title="Without an owner" testId="dashboard-without-owner">
      {activities.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          Every live activity has an owner.
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            Someone should answer for each activity: name a person or a role.
          </Text>
          <List size="sm" spacing={4}>
            {activities.map((activity) => (
              <List.Item key={activity.activityId} data-testid="dashboard-without-owner-item">
                <Anchor
                  component={Link}
                  to={recordFieldPath("activity", activity.activityId, "owner")}
                  size="sm"
                >
                  {activity.activity || "Unnamed activity"}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </DashboardCard>
  );
}

/** Whether Art. 30(5) requires the record of each live activity, and why. */
export function ApplicabilityTable({ rows }: { rows: readonly Applicability[] }) {
  return (
    <DashboardCard title="Is the record required? (Art. 30(5))" testId="dashboard-applicability">
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          No live activity yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Activity</Table.Th>
                <Table.Th>Record</Table.Th>
                <Table.Th>Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.activityId} data-testid="dashboard-applicability-row">
                  <Table.Td style={{ verticalAlign: "top" }}>
                    <Anchor
                      component={Link}
                      to={recordFieldPath("activity", row.activityId, null)}
                      size="sm"
                    >
                      {row.activity || "Unnamed activity"}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: "top" }}>
                    {row.recordRequired ? (
                      <Badge color="blue" variant="light">
                        Required
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light">
                        Not required
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <List size="sm" spacing={2}>
                      {row.reasons.map((reason) => (
                        <List.Item key={reason}>{reason}</List.Item>
                      ))}
                    </List>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </DashboardCard>
  );
}
