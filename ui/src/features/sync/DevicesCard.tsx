// The laptops whose changes this register holds: how many changes of each, the last one, the
// changes of a laptop that have not arrived yet, and a clock set too far ahead.
import { Badge, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { formatDateTime } from "../../components/formatDate";
import type { DeviceStatus } from "../../ipc";

export function DevicesCard({ devices }: { devices: readonly DeviceStatus[] }) {
  const anyMissing = devices.some((device) => device.missing.length > 0);
  const anyClockAhead = devices.some((device) => device.clockAhead);
  return (
    <Card withBorder data-testid="sync-devices-card">
      <Stack gap="sm">
        <Stack gap={4}>
          <Title order={3} size="h4">
            Laptops
          </Title>
          <Text size="sm" c="dimmed">
            Every laptop whose changes this register holds, with the time of its latest change by
            its own clock.
          </Text>
        </Stack>
        {devices.length === 0 ? (
          <Text size="sm" c="dimmed">
            No changes recorded yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table
              verticalSpacing="xs"
              horizontalSpacing="sm"
              withTableBorder
              aria-label="Laptops"
              data-testid="sync-devices"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Laptop</Table.Th>
                  <Table.Th ta="right">Changes</Table.Th>
                  <Table.Th>Last change</Table.Th>
                  <Table.Th>State</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {devices.map((device) => (
                  <DeviceRow key={device.device} device={device} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {anyMissing ? (
          <Text size="sm" c="dimmed">
            Missing changes: a change file of that laptop has not arrived yet, so some of its
            changes are not here. Steward imports them at a later sync, once your sync tool has
            copied the file, or when you import it by file.
          </Text>
        ) : null}
        {anyClockAhead ? (
          <Text size="sm" c="dimmed">
            Clock ahead: that laptop's clock is more than a day ahead of this one's. Ask its owner
            to check its date and time, as its changes may look newer than they are.
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

function DeviceRow({ device }: { device: DeviceStatus }) {
  const fine = device.missing.length === 0 && !device.clockAhead;
  return (
    <Table.Tr data-testid="sync-device-row">
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm">{device.name}</Text>
          {device.thisDevice ? (
            <Badge size="sm" variant="light" color="blue">
              this laptop
            </Badge>
          ) : null}
        </Group>
      </Table.Td>
      <Table.Td ta="right">{device.changes}</Table.Td>
      <Table.Td>
        {device.lastChangeAt ? (
          <time dateTime={device.lastChangeAt}>{formatDateTime(device.lastChangeAt)}</time>
        ) : (
          <Text size="sm" c="dimmed">
            –
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          {device.missing.map((range) => (
            <Text key={range} size="sm" c="orange.8" data-testid="sync-device-missing">
              Missing changes {range}
            </Text>
          ))}
          {device.clockAhead ? (
            <Badge size="sm" variant="light" color="orange" data-testid="sync-device-clock-ahead">
              Clock ahead
            </Badge>
          ) : null}
          {fine ? (
            <Text size="sm" c="dimmed">
              Nothing missing
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
