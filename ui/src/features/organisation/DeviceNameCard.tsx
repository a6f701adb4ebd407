// "This device": the name the history shows as the author of the changes made on this
// laptop. Volunteers who exchange changes see each other's names in every record's history.
import { Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { historyKeys } from "../../components/history";
import { getDeviceName, StewardError, setDeviceName } from "../../ipc";
import { syncKeys } from "../sync/queries";

const deviceNameKey = ["deviceName"] as const;

export function DeviceNameCard() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: deviceNameKey, queryFn: getDeviceName });
  const [name, setName] = useState("");
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    if (query.data !== undefined) {
      setName(query.data);
    }
  }, [query.data]);
  const save = useMutation({
    mutationFn: (value: string) => setDeviceName(value),
    onSuccess: (saved) => {
      setError(undefined);
      queryClient.setQueryData(deviceNameKey, saved);
      // Every history shows the author by name, and so does the sync page's list of laptops.
      void queryClient.invalidateQueries({ queryKey: historyKeys.all });
      void queryClient.invalidateQueries({ queryKey: syncKeys.all });
      notifications.show({ color: "teal", message: `This device is now "${saved}".` });
    },
    onError: (reason) => {
      setError(
        reason instanceof StewardError && reason.fields.length > 0
          ? reason.fields[0]?.message
          : reason.message,
      );
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(name);
  }

  return (
    <Card withBorder mt="xl" component="form" onSubmit={submit} data-testid="device-card">
      <Stack gap="sm">
        <Title order={3} size="h4">
          This device
        </Title>
        <Text size="sm" c="dimmed">
          The name every record's history shows for the changes made on this computer, e.g. "Alex's
          laptop". It travels with the changes you share with other volunteers.
        </Text>
        <Group align="flex-end">
          <TextInput
            label="Device name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={error}
            disabled={query.isPending}
            maxLength={100}
            autoComplete="off"
            data-testid="device-name"
            style={{ flex: 1 }}
          />
          <Button
            type="submit"
            variant="default"
            loading={save.isPending}
            disabled={query.data === name}
            data-testid="device-name-save"
          >
            Save name
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
