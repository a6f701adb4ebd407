// Loading and error placeholders for data that is still being read from the database.
import { Alert, Button, Center, Group, Loader, Text } from "@mantine/core";

export function LoadingState({ label = "Loading…" }: { label?: string }) {
  return (
    <Center py="xl" data-testid="loading-state">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed" size="sm">
          {label}
        </Text>
      </Group>
    </Center>
  );
}

export interface ErrorStateProps {
  title: string;
  message: string;
  onRetry?: () => void;
}

export function ErrorState({ title, message, onRetry }: ErrorStateProps) {
  return (
    <Alert color="red" variant="light" title={title} role="alert" data-testid="error-state">
      <Text size="sm">{message}</Text>
      {onRetry ? (
        <Button mt="sm" size="xs" variant="default" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </Alert>
  );
}
