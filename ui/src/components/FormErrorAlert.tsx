// The alert at the top of a form that lists problems not tied to a visible input.
import { Alert, List, Text } from "@mantine/core";

export interface FormErrorAlertProps {
  messages: string[];
  title?: string;
}

export function FormErrorAlert({ messages, title = "Could not save" }: FormErrorAlertProps) {
  if (messages.length === 0) {
    return null;
  }
  return (
    <Alert color="red" variant="light" title={title} role="alert" data-testid="form-error-alert">
      {messages.length === 1 ? (
        <Text size="sm">{messages[0]}</Text>
      ) : (
        <List size="sm" spacing={4}>
          {messages.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
