// The change files a sync or an import refused and nobody has dismissed yet: each with why it
// was refused and when, until a person has dealt with the cause and dismisses it. File names
// and reasons come from the shared folder, so they are shown as text, never as HTML.
import { Alert, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { FormErrorAlert } from "../../components/FormErrorAlert";
import { formatDateTime } from "../../components/formatDate";
import type { RefusedFile } from "../../ipc";
import { fileCount } from "./labels";
import { useDismissRefusedFile } from "./queries";

export function RefusedFilesCard({ refused }: { refused: readonly RefusedFile[] }) {
  const dismiss = useDismissRefusedFile();
  if (refused.length === 0) {
    return null;
  }
  const count = refused.length;
  return (
    <Card withBorder data-testid="sync-refused">
      <Stack gap="sm">
        <Stack gap={4}>
          <Title order={3} size="h4">
            Problems
          </Title>
          <Text size="sm" c="dimmed">
            {`${count === 1 ? "1 file was" : `${fileCount(count)} were`} refused: nothing of ${count === 1 ? "it" : "them"} was imported. Deal with the reason, then dismiss ${count === 1 ? "it" : "each"}.`}
          </Text>
        </Stack>
        {dismiss.error ? (
          <FormErrorAlert title="Could not dismiss the file" messages={[dismiss.error.message]} />
        ) : null}
        {refused.map((file) => (
          <Alert key={file.id} color="red" variant="light" data-testid="sync-refused-file">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <Stack gap={2} miw={0}>
                <Text size="sm" fw={700} style={{ overflowWrap: "anywhere" }}>
                  {file.file}
                </Text>
                <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                  {file.reason}
                </Text>
                <Text size="xs" c="dimmed">
                  Refused <time dateTime={file.at}>{formatDateTime(file.at)}</time>
                </Text>
              </Stack>
              <Button
                size="xs"
                variant="default"
                onClick={() => dismiss.mutate(file.id)}
                loading={dismiss.isPending && dismiss.variables === file.id}
                disabled={dismiss.isPending && dismiss.variables !== file.id}
                aria-label={`Dismiss ${file.file}`}
                data-testid="sync-refused-dismiss"
                style={{ flexShrink: 0 }}
              >
                Dismiss
              </Button>
            </Group>
          </Alert>
        ))}
      </Stack>
    </Card>
  );
}
