// The list of source organisations (Art. 14): search by name, each with its country and,
// if it is also one, the same organisation in the recipients register.
import { Anchor, Group, Paper, Table, Text } from "@mantine/core";
import { useMemo, useRef, useState } from "react";
import { Link } from "react-router";
import { ConflictBadge } from "../../components/ConflictBadge";
import { CountryLabel } from "../../components/CountryLabel";
import { useConflictedIds } from "../../components/conflicts";
import { useCountryNames } from "../../components/countries";
import { ListSearchInput, RecordListPage } from "../../components/RecordListPage";
import { recordPath } from "../../components/recordKind";
import type { SourceOrganisation } from "../../ipc";
import { RECIPIENT_KIND } from "../recipients/labels";
import { useRecipientNames, useRecipients } from "../recipients/queries";
import { SOURCE_KIND } from "./labels";
import { useSourceOrganisations } from "./queries";

/** Matches the name, ignoring case. */
export function matchesSourceSearch(source: SourceOrganisation, search: string): boolean {
  const needle = search.trim().toLocaleLowerCase();
  return !needle || source.name.toLocaleLowerCase().includes(needle);
}

export function SourcesPage() {
  const query = useSourceOrganisations();
  const [search, setSearch] = useState("");
  const searchRef = useRef<HTMLInputElement>(null);

  const sources = query.data;
  const visible = useMemo(
    () => (sources ?? []).filter((source) => matchesSourceSearch(source, search)),
    [sources, search],
  );

  return (
    <RecordListPage
      kind={SOURCE_KIND}
      subtitle="Organisations that give you personal data about people, such as an event-registration service or a community partner. Your privacy notice must name each of them (Art. 14 GDPR)."
      newLabel="New source organisation"
      query={query}
      visible={visible}
      searchRef={searchRef}
      filters={
        <ListSearchInput
          ref={searchRef}
          placeholder="Name  ( / )"
          value={search}
          onChange={setSearch}
          data-testid="source-search"
        />
      }
      empty={{
        title: "No source organisations yet",
        text: "Record every organisation that passes you personal data about people — the event platform that takes registrations, a partner that refers volunteers — so that your privacy notice can name them.",
      }}
      noMatch={`No source organisation matches “${search.trim()}”.`}
    >
      {(rows) => <SourceTable sources={rows} />}
    </RecordListPage>
  );
}

function SourceTable({ sources }: { sources: SourceOrganisation[] }) {
  const countryNames = useCountryNames();
  const recipientNames = useRecipientNames();
  const recipientsLoaded = useRecipients().isSuccess;
  const conflicted = useConflictedIds("sourceOrganisation");
  return (
    <Paper withBorder>
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Country</Table.Th>
            <Table.Th>In the recipients register</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sources.map((source) => (
            <Table.Tr key={source.id} data-testid="source-row">
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={recordPath(SOURCE_KIND, source.id)} fw={500}>
                    {source.name}
                  </Anchor>
                  {conflicted.has(source.id) ? (
                    <ConflictBadge testId="source-row-conflict" />
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <CountryLabel code={source.country} countryNames={countryNames} />
              </Table.Td>
              <Table.Td>
                {source.recipientId ? (
                  <LinkedRecipient
                    id={source.recipientId}
                    names={recipientNames}
                    loaded={recipientsLoaded}
                  />
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

interface LinkedRecipientProps {
  id: string;
  names: ReadonlyMap<string, string>;
  /** Whether the register has been read, so that a missing name means a deleted recipient. */
  loaded: boolean;
}

function LinkedRecipient({ id, names, loaded }: LinkedRecipientProps) {
  const name = names.get(id);
  if (!name) {
    return loaded ? (
      <Text size="sm" c="dimmed" fs="italic">
        No longer in the register
      </Text>
    ) : null;
  }
  return (
    <Anchor component={Link} to={recordPath(RECIPIENT_KIND, id)} size="sm">
      {name}
    </Anchor>
  );
}
