// The "Used by" panel of a recipient's page: the processing activities that disclose data
// to it, in which roles, and to which countries they transfer data to it. Each activity
// links to its page, where these links are edited.
import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useCountryNames } from "../../components/countries";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { recipientRoleLabel } from "../activities/parts/labels";
import { useRecipientUses } from "./queries";

export interface RecipientUsesProps {
  recipientId: string;
}

export function RecipientUses({ recipientId }: RecipientUsesProps) {
  const query = useRecipientUses(recipientId);
  const countryNames = useCountryNames();

  return (
    <Paper withBorder p="md" mt="xl" maw={760} data-testid="recipient-uses">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Used by
        </Title>
        {query.isPending ? (
          <LoadingState label="Loading the activities that use this recipient…" />
        ) : query.isError ? (
          <ErrorState
            title="Could not load the activities that use this recipient"
            message={query.error.message}
            onRetry={() => void query.refetch()}
          />
        ) : query.data.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="recipient-uses-empty">
            No processing activity discloses data to this recipient yet. Add it as a recipient on an
            activity's page to link them.
          </Text>
        ) : (
          <Table verticalSpacing="xs" horizontalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Activity</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Transfers to</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((use) => (
                <Table.Tr key={use.activityId} data-testid="recipient-use">
                  <Table.Td>
                    <Anchor component={Link} to={`/activities/${use.activityId}`} fw={500}>
                      {use.activityName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {use.roles.length === 0 ? (
                      <Text size="sm" c="dimmed" fs="italic">
                        No role recorded
                      </Text>
                    ) : (
                      <Group gap={4}>
                        {use.roles.map((role) => (
                          <Badge key={role} variant="light" color="gray">
                            {recipientRoleLabel(role)}
                          </Badge>
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {use.transferCountries.length === 0 ? (
                      <Text size="sm" c="dimmed" fs="italic">
                        None
                      </Text>
                    ) : (
                      <Text size="sm">
                        {use.transferCountries
                          .map((code) => countryNames.get(code) ?? code)
                          .join(", ")}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
