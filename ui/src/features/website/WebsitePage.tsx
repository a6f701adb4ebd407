// The list of third parties on the website (cookies, pixels, embedded services, scripts):
// search by provider, filter by kind, each with whether it needs the visitor's consent.
import { Anchor, Badge, Group, NativeSelect, Paper, Table, Text } from "@mantine/core";
import { useMemo, useRef, useState } from "react";
import { Link } from "react-router";
import { ConflictBadge } from "../../components/ConflictBadge";
import { useConflictedIds } from "../../components/conflicts";
import { ListSearchInput, RecordListPage } from "../../components/RecordListPage";
import { recordPath } from "../../components/recordKind";
import type { ThirdPartyKind, WebsiteThirdParty } from "../../ipc";
import {
  consentLabel,
  parseThirdPartyKind,
  THIRD_PARTY_KIND_OPTIONS,
  thirdPartyKindOption,
  WEBSITE_KIND,
} from "./labels";
import { useWebsiteThirdParties } from "./queries";

export type KindFilter = "all" | ThirdPartyKind;

const KIND_FILTER_DATA = [
  { value: "all", label: "All kinds" },
  ...THIRD_PARTY_KIND_OPTIONS.map(({ value, label }) => ({ value, label })),
];

/** Matches the provider (ignoring case) and the kind. */
export function matchesWebsiteFilters(
  thirdParty: WebsiteThirdParty,
  search: string,
  kind: KindFilter,
): boolean {
  const needle = search.trim().toLocaleLowerCase();
  return (
    (!needle || thirdParty.provider.toLocaleLowerCase().includes(needle)) &&
    (kind === "all" || thirdParty.kind === kind)
  );
}

export function WebsitePage() {
  const query = useWebsiteThirdParties();
  const [search, setSearch] = useState("");
  const [kind, setKind] = useState<KindFilter>("all");
  const searchRef = useRef<HTMLInputElement>(null);

  const thirdParties = query.data;
  const visible = useMemo(
    () => (thirdParties ?? []).filter((item) => matchesWebsiteFilters(item, search, kind)),
    [thirdParties, search, kind],
  );

  return (
    <RecordListPage
      kind={WEBSITE_KIND}
      subtitle="The cookies, tracking pixels, embedded services and scripts on your website that collect data about visitors: what your cookie notice and consent banner must cover."
      newLabel="New third party"
      query={query}
      visible={visible}
      searchRef={searchRef}
      filters={
        <>
          <ListSearchInput
            ref={searchRef}
            placeholder="Provider  ( / )"
            value={search}
            onChange={setSearch}
            data-testid="website-search"
          />
          <NativeSelect
            label="Kind"
            value={kind}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setKind(value === "all" ? "all" : parseThirdPartyKind(value));
            }}
            data={KIND_FILTER_DATA}
            data-testid="website-filter-kind"
          />
        </>
      }
      empty={{
        title: "No website third parties yet",
        text: "Record what your website loads from others and what it collects: analytics cookies, a social media pixel, an embedded video or map, a chat widget.",
      }}
      noMatch="No third party matches the search and filter."
    >
      {(rows) => <WebsiteTable thirdParties={rows} />}
    </RecordListPage>
  );
}

function WebsiteTable({ thirdParties }: { thirdParties: WebsiteThirdParty[] }) {
  const conflicted = useConflictedIds("websiteThirdParty");
  return (
    <Paper withBorder>
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Provider</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Consent</Table.Th>
            <Table.Th>Duration</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {thirdParties.map((thirdParty) => {
            const kind = thirdPartyKindOption(thirdParty.kind);
            return (
              <Table.Tr key={thirdParty.id} data-testid="website-row">
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Anchor component={Link} to={recordPath(WEBSITE_KIND, thirdParty.id)} fw={500}>
                      {thirdParty.provider}
                    </Anchor>
                    {conflicted.has(thirdParty.id) ? (
                      <ConflictBadge testId="website-row-conflict" />
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge color={kind.color} variant="light">
                    {kind.label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Badge
                    color={thirdParty.consentRequired ? "orange" : "gray"}
                    variant={thirdParty.consentRequired ? "light" : "outline"}
                  >
                    {consentLabel(thirdParty.consentRequired)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {thirdParty.duration ? (
                    <Text size="sm">{thirdParty.duration}</Text>
                  ) : (
                    <Text size="sm" c="dimmed" fs="italic">
                      Not recorded
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
