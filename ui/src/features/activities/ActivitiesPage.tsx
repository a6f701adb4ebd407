// The list of processing activities with search, keyboard shortcuts and an empty state.
import { Anchor, Badge, Button, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { useMemo, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { formatDate } from "../../components/formatDate";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import type { Activity } from "../../ipc";
import { legalBasisLabel, statusOption } from "./labels";
import { useActivities } from "./queries";

export function matchesSearch(activity: Activity, search: string): boolean {
  const needle = search.trim().toLocaleLowerCase();
  if (!needle) {
    return true;
  }
  return (
    activity.name.toLocaleLowerCase().includes(needle) ||
    activity.purposes.some((purpose) => purpose.toLocaleLowerCase().includes(needle))
  );
}

export function ActivitiesPage() {
  const navigate = useNavigate();
  const query = useActivities();
  const [search, setSearch] = useState("");
  const searchRef = useRef<HTMLInputElement>(null);

  const goToNew = () => navigate("/activities/new");
  const focusSearch = () => searchRef.current?.focus();

  // mod+N works everywhere, even while typing in the search box.
  useHotkeys([["mod+N", goToNew]], []);
  // Single keys only when focus is not in a text field.
  useHotkeys([
    ["n", goToNew],
    ["/", focusSearch],
    ["shift+/", focusSearch],
  ]);

  const activities = query.data;
  const visible = useMemo(
    () => (activities ?? []).filter((activity) => matchesSearch(activity, search)),
    [activities, search],
  );

  return (
    <Stack gap={0}>
      <PageHeader
        title="Processing activities"
        subtitle="Everything your organisation does with personal data, as Art. 30 GDPR asks you to record it."
        actions={
          <Button onClick={goToNew} data-testid="activity-new">
            New activity
          </Button>
        }
      />

      <TextInput
        ref={searchRef}
        mb="md"
        maw={420}
        aria-label="Search activities"
        placeholder="Search by name or purpose  ( / )"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            setSearch("");
          }
        }}
        data-testid="activity-search"
        type="search"
      />

      {query.isPending ? (
        <LoadingState label="Loading the activities…" />
      ) : query.isError ? (
        <ErrorState
          title="Could not load the activities"
          message={query.error.message}
          onRetry={() => void query.refetch()}
        />
      ) : query.data.length === 0 ? (
        <EmptyRegister onNew={goToNew} />
      ) : visible.length === 0 ? (
        <Text c="dimmed" py="lg" data-testid="activity-no-match">
          {`No activity matches “${search.trim()}”.`}
        </Text>
      ) : (
        <ActivityTable activities={visible} />
      )}

      <Text size="xs" c="dimmed" mt="md">
        Shortcuts: / search · N or Ctrl+N new activity
      </Text>
    </Stack>
  );
}

function EmptyRegister({ onNew }: { onNew: () => void }) {
  return (
    <Paper withBorder p="xl" data-testid="activity-empty">
      <Stack align="flex-start" gap="sm">
        <Title order={4}>No processing activities yet</Title>
        <Text size="sm">
          No processing activities yet. Record the first one — for example how you keep your member
          list or send your newsletter — and add the others one by one.
        </Text>
        <Button onClick={onNew} data-testid="activity-new-empty">
          New activity
        </Button>
      </Stack>
    </Paper>
  );
}

function ActivityTable({ activities }: { activities: Activity[] }) {
  return (
    <Paper withBorder>
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Legal basis</Table.Th>
            <Table.Th ta="right">Purposes</Table.Th>
            <Table.Th>Updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {activities.map((activity) => {
            const status = statusOption(activity.status);
            const basis = legalBasisLabel(activity.legalBasis);
            return (
              <Table.Tr key={activity.id} data-testid="activity-row">
                <Table.Td>
                  <Anchor component={Link} to={`/activities/${activity.id}`} fw={500}>
                    {activity.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge color={status.color} variant="light">
                    {status.label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {basis ? (
                    <Text size="sm">{basis}</Text>
                  ) : (
                    <Text size="sm" c="dimmed" fs="italic">
                      Not yet decided
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{activity.purposes.length}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {formatDate(activity.updatedAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
