// On first start with an empty database, offers to load a demo register, to start empty, or
// to join an organisation from the starter file an administrator sent (on the sync page).
import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useNavigate } from "react-router";
import { FormErrorAlert } from "../../components/FormErrorAlert";
import { useDismissDemo, useLoadDemo, useWelcome } from "./queries";

export function WelcomeModal() {
  const welcome = useWelcome();
  const loadDemo = useLoadDemo();
  const dismissDemo = useDismissDemo();
  const [answered, setAnswered] = useState(false);
  const navigate = useNavigate();

  const opened = !answered && welcome.data?.offerDemo === true;
  const busy = loadDemo.isPending || dismissDemo.isPending;
  const error = loadDemo.error ?? dismissDemo.error;

  function onLoadDemo() {
    dismissDemo.reset();
    loadDemo.mutate(undefined, {
      onSuccess: () => {
        setAnswered(true);
        notifications.show({
          color: "teal",
          title: "Demo register loaded",
          message:
            "Look around, change anything, or delete it when you are ready to record your own.",
        });
      },
    });
  }

  function onStartEmpty() {
    loadDemo.reset();
    dismissDemo.mutate(undefined, { onSuccess: () => setAnswered(true) });
  }

  /** The register stays empty, so that the starter file can be opened on the sync page. */
  function onJoin() {
    loadDemo.reset();
    dismissDemo.mutate(undefined, {
      onSuccess: () => {
        setAnswered(true);
        void navigate("/sync");
      },
    });
  }

  return (
    <Modal
      opened={opened}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      centered
      size="lg"
      title="Welcome to Steward"
    >
      <Stack gap="md">
        <Text size="sm">
          Steward keeps your organisation's record of processing activities, the register that Art.
          30 GDPR asks for.
        </Text>
        <Text size="sm">
          To see how it works, you can load a demo register. It belongs to a fictional small
          nonprofit and shows typical activities such as member administration and the newsletter.
          Everything in it can be edited or deleted later.
        </Text>
        <Group justify="space-between" align="center" wrap="nowrap" gap="md">
          <Text size="sm">
            A volunteer on a new laptop joins the organisation instead, with the starter file an
            administrator sent.
          </Text>
          <Button
            variant="default"
            onClick={onJoin}
            disabled={busy}
            style={{ flexShrink: 0 }}
            data-testid="welcome-join"
          >
            Join my organisation…
          </Button>
        </Group>
        {error ? <FormErrorAlert title="That did not work" messages={[error.message]} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            onClick={onStartEmpty}
            loading={dismissDemo.isPending}
            disabled={busy && !dismissDemo.isPending}
            data-testid="welcome-start-empty"
          >
            Start with an empty register
          </Button>
          <Button
            onClick={onLoadDemo}
            loading={loadDemo.isPending}
            disabled={busy && !loadDemo.isPending}
            data-testid="welcome-load-demo"
            data-autofocus
          >
            Load demo register
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
