// The dialog that acknowledges a finding as a deliberate choice: the finding, and the reason
// (the server asks for at least a sentence). Its message lands under the reason, and what
// was typed stays; Ctrl+Enter confirms.
import { Badge, Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, type KeyboardEvent, useState } from "react";
import { FormErrorAlert } from "../../components/FormErrorAlert";
import {
  NO_SERVER_ERRORS,
  type ServerErrors,
  splitServerErrors,
} from "../../components/serverErrors";
import type { Finding } from "../../ipc";
import { severityOption } from "./labels";
import { useAcknowledgeFinding } from "./queries";

export interface AcknowledgeModalProps {
  opened: boolean;
  /** The finding to acknowledge; kept while the dialog closes. */
  finding: Finding | null;
  onClose: () => void;
  /** After the closing transition. */
  onClosed: () => void;
}

export function AcknowledgeModal({ opened, finding, onClose, onClosed }: AcknowledgeModalProps) {
  const mutation = useAcknowledgeFinding();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<ServerErrors>(NO_SERVER_ERRORS);
  const reasonError = errors.fields.reason;

  function confirm() {
    if (!finding || mutation.isPending) {
      return;
    }
    mutation.mutate(
      { finding, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({
            color: "teal",
            title: "Finding acknowledged",
            message: `'${finding.record}' no longer counts it as an open gap. You can withdraw this on the dashboard.`,
          });
          onClose();
        },
        onError: (error) => {
          const split = splitServerErrors(error, (field) => field === "reason");
          // The message under the reason says it all; the alert is for anything else.
          setErrors(split.fields.reason ? { fields: split.fields, general: [] } : split);
        },
      },
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    confirm();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.nativeEvent.isComposing) {
      return;
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      confirm();
    }
  }

  const severity = finding ? severityOption(finding.severity) : null;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={onClosed}
      title="Acknowledge as a deliberate choice"
      size="lg"
      data-testid="acknowledge-dialog"
    >
      {finding && severity ? (
        <form onSubmit={handleSubmit} noValidate aria-label="Acknowledge the finding">
          <Stack gap="md">
            <Stack gap={4}>
              <Group gap="xs">
                <Badge color={severity.color} variant="light">
                  {severity.badge}
                </Badge>
                <Text size="sm" fw={600}>
                  {finding.record}
                </Text>
                <Text size="xs" c="dimmed">
                  {finding.article}
                </Text>
              </Group>
              <Text size="sm">{finding.message}</Text>
            </Stack>
            <Text size="sm" c="dimmed">
              An acknowledged finding no longer counts as an open gap. The reason is kept in the
              history, and you can withdraw the acknowledgement at any time.
            </Text>
            <FormErrorAlert messages={errors.general} title="Could not acknowledge" />
            <Textarea
              label="Why is this a deliberate choice?"
              description="A sentence an auditor would understand, e.g. 'The committee as a whole owns this activity.'"
              autosize
              minRows={3}
              maxRows={10}
              value={reason}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                if (reasonError) {
                  setErrors((current) => ({ ...current, fields: {} }));
                }
              }}
              onKeyDown={handleKeyDown}
              error={reasonError}
              data-autofocus
              data-testid="acknowledge-reason"
            />
            <Group gap="sm">
              <Button type="submit" loading={mutation.isPending} data-testid="acknowledge-confirm">
                Acknowledge
              </Button>
              <Button variant="default" onClick={onClose} data-testid="acknowledge-cancel">
                Cancel
              </Button>
              <Text size="xs" c="dimmed">
                Ctrl+Enter confirms · Esc cancels
              </Text>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
