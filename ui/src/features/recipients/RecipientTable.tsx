// The table of recipients, sortable by name or country through its column headers.
import { Anchor, Group, Paper, Stack, Table, Text, UnstyledButton } from "@mantine/core";
import { Link } from "react-router";
import { ConflictBadge } from "../../components/ConflictBadge";
import { CountryLabel } from "../../components/CountryLabel";
import { useConflictedIds } from "../../components/conflicts";
import type { Recipient } from "../../ipc";
import { DpaBadge, DpfBadge } from "./RecipientBadges";
import type { RecipientSort, SortKey } from "./recipientFilters";

export interface RecipientTableProps {
  recipients: Recipient[];
  sort: RecipientSort;
  onSort: (key: SortKey) => void;
  countryNames: ReadonlyMap<string, string>;
  today: string;
}

function SortableHeader({
  label,
  sortKey,
  sort,
  onSort,
}: {
  label: string;
  sortKey: SortKey;
  sort: RecipientSort;
  onSort: (key: SortKey) => void;
}) {
  const active = sort.key === sortKey;
  const ariaSort = active ? (sort.direction === "asc" ? "ascending" : "descending") : "none";
  return (
    <Table.Th aria-sort={ariaSort}>
      <UnstyledButton onClick={() => onSort(sortKey)} data-testid={`recipient-sort-${sortKey}`}>
        <Group gap={4} wrap="nowrap">
          <Text size="sm" fw={700}>
            {label}
          </Text>
          <Text size="xs" c={active ? undefined : "dimmed"} aria-hidden>
            {active ? (sort.direction === "asc" ? "▲" : "▼") : "↕"}
          </Text>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export function RecipientTable({
  recipients,
  sort,
  onSort,
  countryNames,
  today,
}: RecipientTableProps) {
  const conflicted = useConflictedIds("recipient");
  return (
    <Paper withBorder>
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            <SortableHeader label="Name" sortKey="name" sort={sort} onSort={onSort} />
            <SortableHeader label="Country" sortKey="country" sort={sort} onSort={onSort} />
            <Table.Th>DPA (Art. 28)</Table.Th>
            <Table.Th>Transfers</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {recipients.map((recipient) => (
            <Table.Tr key={recipient.id} data-testid="recipient-row">
              <Table.Td>
                <Stack gap={0}>
                  <Group gap="xs" wrap="nowrap">
                    <Anchor component={Link} to={`/recipients/${recipient.id}`} fw={500}>
                      {recipient.legalName}
                    </Anchor>
                    {conflicted.has(recipient.id) ? (
                      <ConflictBadge testId="recipient-row-conflict" />
                    ) : null}
                  </Group>
                  {recipient.tradingName && recipient.tradingName !== recipient.legalName ? (
                    <Text size="xs" c="dimmed">
                      {recipient.tradingName}
                    </Text>
                  ) : null}
                </Stack>
              </Table.Td>
              <Table.Td>
                <CountryLabel code={recipient.country} countryNames={countryNames} />
              </Table.Td>
              <Table.Td>
                <DpaBadge
                  status={recipient.dpaStatus}
                  expires={recipient.dpaExpires}
                  today={today}
                />
              </Table.Td>
              <Table.Td>
                <DpfBadge dpf={recipient.dpf} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
