// The processor catalogue: services nonprofits commonly use, grouped by category, each
// added to the register with one click. The facts carry a date and the user is told to
// verify them; adding opens the new recipient so that the DPA can be recorded.
import { Badge, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { CountryLabel } from "../../components/CountryLabel";
import { useCountryNames } from "../../components/countries";
import { FormErrorAlert } from "../../components/FormErrorAlert";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { splitServerErrors } from "../../components/serverErrors";
import type { CatalogueEntry } from "../../ipc";
import { groupCatalogue, matchesCatalogueSearch } from "./catalogueEntries";
import { typicalRoleLabel } from "./labels";
import { useAddFromCatalogue, useProcessorCatalogue } from "./queries";
import { DpfBadge } from "./RecipientBadges";

export interface CatalogueModalProps {
  opened: boolean;
  onClose: () => void;
}

export function CatalogueModal({ opened, onClose }: CatalogueModalProps) {
  const navigate = useNavigate();
  const catalogue = useProcessorCatalogue(opened);
  const addMutation = useAddFromCatalogue();
  const countryNames = useCountryNames();
  const [search, setSearch] = useState("");

  const entries = catalogue.data?.entries;
  const groups = useMemo(
    () => groupCatalogue((entries ?? []).filter((entry) => matchesCatalogueSearch(entry, search))),
    [entries, search],
  );

  function close() {
    addMutation.reset();
    setSearch("");
    onClose();
  }

  function add(entry: CatalogueEntry) {
    if (addMutation.isPending) {
      return;
    }
    addMutation.mutate(entry.id, {
      onSuccess: (recipient) => {
        close();
        navigate(`/recipients/${recipient.id}`);
        notifications.show({
          color: "teal",
          title: `Added ${entry.name} from the catalogue`,
          message: "Check the facts and record your DPA.",
        });
      },
    });
  }

  const addError = addMutation.error
    ? splitServerErrors(addMutation.error, () => false).general
    : [];

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Add from the processor catalogue"
      size="xl"
      centered
    >
      <Stack gap="md">
        {catalogue.data ? (
          <Text size="sm" c="dimmed" data-testid="catalogue-facts-as-of">
            {`Facts as of ${catalogue.data.factsAsOf}: verify them before relying on them.`}
          </Text>
        ) : null}
        <FormErrorAlert title="Could not add the recipient" messages={addError} />
        <TextInput
          aria-label="Search the catalogue"
          placeholder="Search by name, company or service"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          data-testid="catalogue-search"
          type="search"
          data-autofocus
        />
        {catalogue.isPending ? (
          <LoadingState label="Loading the catalogue…" />
        ) : catalogue.isError ? (
          <ErrorState
            title="Could not load the catalogue"
            message={catalogue.error.message}
            onRetry={() => void catalogue.refetch()}
          />
        ) : groups.length === 0 ? (
          <Text c="dimmed" py="md" data-testid="catalogue-no-match">
            {search.trim()
              ? `No service matches “${search.trim()}”. Record it with “New recipient” instead.`
              : "The catalogue is empty."}
          </Text>
        ) : (
          groups.map((group) => (
            <Stack key={group.category} gap="xs" data-testid="catalogue-group">
              <Title order={5}>{group.label}</Title>
              {group.entries.map((entry) => (
                <CatalogueEntryRow
                  key={entry.id}
                  entry={entry}
                  countryNames={countryNames}
                  adding={addMutation.isPending && addMutation.variables === entry.id}
                  disabled={addMutation.isPending}
                  onAdd={() => add(entry)}
                />
              ))}
            </Stack>
          ))
        )}
      </Stack>
    </Modal>
  );
}

interface CatalogueEntryRowProps {
  entry: CatalogueEntry;
  countryNames: ReadonlyMap<string, string>;
  adding: boolean;
  disabled: boolean;
  onAdd: () => void;
}

function CatalogueEntryRow({
  entry,
  countryNames,
  adding,
  disabled,
  onAdd,
}: CatalogueEntryRowProps) {
  return (
    <Paper withBorder p="sm" data-testid="catalogue-entry">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="md">
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={600}>{entry.name}</Text>
            {entry.legalEntity && entry.legalEntity !== entry.name ? (
              <Text size="sm" c="dimmed">
                {entry.legalEntity}
              </Text>
            ) : null}
          </Group>
          <Text size="sm">{entry.service}</Text>
          <Group gap="xs">
            <CountryLabel
              code={entry.country}
              countryNames={countryNames}
              emptyLabel="Country not sourced"
            />
            <Badge variant="default">{typicalRoleLabel(entry.typicalRole)}</Badge>
            <DpfBadge dpf={entry.dpf} />
          </Group>
        </Stack>
        {entry.inRegister ? (
          <Button variant="default" disabled data-testid={`catalogue-add-${entry.id}`}>
            In register
          </Button>
        ) : (
          <Button
            variant="light"
            onClick={onAdd}
            loading={adding}
            disabled={disabled && !adding}
            aria-label={`Add ${entry.name}`}
            data-testid={`catalogue-add-${entry.id}`}
          >
            Add
          </Button>
        )}
      </Group>
    </Paper>
  );
}
