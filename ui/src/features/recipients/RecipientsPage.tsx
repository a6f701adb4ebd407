// The list of recipients and processors with search, filters, sorting, keyboard
// shortcuts, an empty state and the way into the processor catalogue.
import {
  Button,
  Group,
  Input,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { useMemo, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { useCountryNames } from "../../components/countries";
import { isoDate } from "../../components/formatDate";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { CatalogueModal } from "./CatalogueModal";
import { DPA_STATUS_OPTIONS, DPF_OPTIONS } from "./labels";
import { useRecipients } from "./queries";
import { RecipientTable } from "./RecipientTable";
import {
  filterRecipients,
  NO_FILTERS,
  parseDpaFilter,
  parseDpfFilter,
  type RecipientFilters,
  type RecipientSort,
  type SortKey,
  sortRecipients,
} from "./recipientFilters";

const DPA_FILTER_DATA = [
  { value: "all", label: "Any DPA status" },
  ...DPA_STATUS_OPTIONS.map(({ value, label }) => ({ value, label })),
];
const DPF_FILTER_DATA = [
  { value: "all", label: "All" },
  ...DPF_OPTIONS.map(({ value, short }) => ({ value, label: short })),
];

export function RecipientsPage() {
  const navigate = useNavigate();
  const query = useRecipients();
  const countryNames = useCountryNames();
  const [filters, setFilters] = useState<RecipientFilters>(NO_FILTERS);
  const [sort, setSort] = useState<RecipientSort>({ key: "name", direction: "asc" });
  const [catalogueOpen, setCatalogueOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const today = isoDate();

  const goToNew = () => {
    if (!catalogueOpen) {
      navigate("/recipients/new");
    }
  };
  const focusSearch = () => searchRef.current?.focus();
  const openCatalogue = () => setCatalogueOpen(true);

  // mod+N and mod+K work everywhere, even while typing in the search box.
  useHotkeys(
    [
      ["mod+N", goToNew],
      ["mod+K", focusSearch],
    ],
    [],
  );
  // Single keys only when focus is not in a text field.
  useHotkeys([
    ["n", goToNew],
    ["/", focusSearch],
    ["shift+/", focusSearch],
  ]);

  const recipients = query.data;
  const visible = useMemo(
    () => sortRecipients(filterRecipients(recipients ?? [], filters), sort, countryNames),
    [recipients, filters, sort, countryNames],
  );

  function setFilter<K extends keyof RecipientFilters>(key: K, value: RecipientFilters[K]) {
    setFilters((current) => ({ ...current, [key]: value }));
  }

  function toggleSort(key: SortKey) {
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === "asc" ? "desc" : "asc" }
        : { key, direction: "asc" },
    );
  }

  return (
    <Stack gap={0}>
      <PageHeader
        title="Recipients and processors"
        subtitle="The organisations you disclose personal data to: processors working on your behalf, their sub-processors, other controllers and public authorities."
        actions={
          <Group gap="sm" wrap="nowrap">
            <Button
              variant="default"
              onClick={openCatalogue}
              data-testid="recipient-from-catalogue"
            >
              Add from catalogue
            </Button>
            <Button onClick={goToNew} data-testid="recipient-new">
              New recipient
            </Button>
          </Group>
        }
      />

      <Group mb="md" align="flex-end" gap="md">
        <TextInput
          ref={searchRef}
          flex={1}
          miw={240}
          maw={420}
          label="Search"
          placeholder="Legal or trading name  ( / )"
          value={filters.search}
          onChange={(event) => setFilter("search", event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              setFilter("search", "");
            }
          }}
          data-testid="recipient-search"
          type="search"
        />
        <NativeSelect
          label="DPA status"
          value={filters.dpa}
          onChange={(event) => setFilter("dpa", parseDpaFilter(event.currentTarget.value))}
          data={DPA_FILTER_DATA}
          data-testid="recipient-filter-dpa"
        />
        <Input.Wrapper label="EU-U.S. DPF" labelElement="div" id="recipient-filter-dpf">
          <SegmentedControl
            display="flex"
            aria-labelledby="recipient-filter-dpf-label"
            value={filters.dpf}
            onChange={(value) => setFilter("dpf", parseDpfFilter(value))}
            data={DPF_FILTER_DATA}
            data-testid="recipient-filter-dpf"
          />
        </Input.Wrapper>
      </Group>

      {query.isPending ? (
        <LoadingState label="Loading the recipients…" />
      ) : query.isError ? (
        <ErrorState
          title="Could not load the recipients"
          message={query.error.message}
          onRetry={() => void query.refetch()}
        />
      ) : query.data.length === 0 ? (
        <EmptyRegister onNew={goToNew} onCatalogue={openCatalogue} />
      ) : visible.length === 0 ? (
        <Text c="dimmed" py="lg" data-testid="recipient-no-match">
          No recipient matches the search and filters.
        </Text>
      ) : (
        <RecipientTable
          recipients={visible}
          sort={sort}
          onSort={toggleSort}
          countryNames={countryNames}
          today={today}
        />
      )}

      <Text size="xs" c="dimmed" mt="md">
        Shortcuts: / or Ctrl+K search · N or Ctrl+N new recipient
      </Text>

      <CatalogueModal opened={catalogueOpen} onClose={() => setCatalogueOpen(false)} />
    </Stack>
  );
}

function EmptyRegister({ onNew, onCatalogue }: { onNew: () => void; onCatalogue: () => void }) {
  return (
    <Paper withBorder p="xl" data-testid="recipient-empty">
      <Stack align="flex-start" gap="sm">
        <Title order={4}>No recipients yet</Title>
        <Text size="sm">
          Record everyone you pass personal data to. Most services a nonprofit uses — the newsletter
          tool, the payment provider, the video-call service — are in the processor catalogue: add
          them from there and check the facts, or record any other recipient by hand.
        </Text>
        <Group gap="sm">
          <Button onClick={onCatalogue} data-testid="recipient-from-catalogue-empty">
            Add from catalogue
          </Button>
          <Button variant="default" onClick={onNew} data-testid="recipient-new-empty">
            New recipient
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
