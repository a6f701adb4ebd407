// The fields whose latest value another laptop's newer Steward wrote in a form this version
// cannot read: the register shows the value before it until Steward is updated, and saving
// another value replaces it. Each links to its record's page, or for a row of an activity
// (a purpose, a transfer...) to its activity's page.
// Values and names come from other laptops, so they are shown as text, never as HTML.
import { Anchor, Card, List, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { formatDateTime } from "../../components/formatDate";
import { RECORD_KIND_LABELS, recordPlacePath } from "../../components/recordRoutes";
import type { NewerValue } from "../../ipc";
import { conflictFieldLabel } from "./labels";
import { useNewerValues } from "./queries";

export function NewerValuesCard() {
  const { data } = useNewerValues({ always: true });
  if (!data || data.length === 0) {
    return null;
  }
  return (
    <Card withBorder data-testid="sync-newer-values">
      <Stack gap="sm">
        <Stack gap={4}>
          <Title order={3} size="h4">
            Written by a newer Steward
          </Title>
          <Text size="sm" c="dimmed">
            Another laptop runs a newer Steward and wrote values this version cannot read. Until you
            update Steward, the register shows the value before each; saving another value replaces
            it.
          </Text>
        </Stack>
        <List size="sm" spacing={4}>
          {data.map((value) => (
            <List.Item
              key={`${value.record}\n${value.recordId}\n${value.field}`}
              data-testid="sync-newer-value"
              style={{ overflowWrap: "anywhere" }}
            >
              <NewerValueRecord value={value} />
              {`: ${conflictFieldLabel(value.record, value.field)}, from ${value.deviceName} (${formatDateTime(value.at)})`}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}

function NewerValueRecord({ value }: { value: NewerValue }) {
  const name = `${RECORD_KIND_LABELS[value.record] ?? value.record} "${value.recordName}"`;
  const path = recordPlacePath(value, value.field);
  return path ? (
    <Anchor component={Link} to={path} size="sm" fw={600}>
      {name}
    </Anchor>
  ) : (
    <Text span size="sm" fw={600}>
      {name}
    </Text>
  );
}
