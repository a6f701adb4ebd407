// The body of the "Deleted 'X'" notification, with an Undo button that restores the
// activity. It is rendered by the notifications system, outside the router.
import { Button, Group, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Activity } from "../../ipc";
import { useRestoreActivity } from "./queries";

export interface DeletedActivityNoticeProps {
  activity: Activity;
  notificationId: string;
}

export function DeletedActivityNotice({ activity, notificationId }: DeletedActivityNoticeProps) {
  const restore = useRestoreActivity();

  function undo() {
    restore.mutate(activity.id, {
      onSuccess: (restored) => {
        notifications.hide(notificationId);
        notifications.show({
          color: "teal",
          title: "Restored",
          message: `Restored '${restored.name}'`,
        });
      },
      onError: (error) => {
        notifications.hide(notificationId);
        notifications.show({
          color: "red",
          title: "Could not undo",
          message: error instanceof Error ? error.message : String(error),
        });
      },
    });
  }

  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Text size="sm">{`Deleted '${activity.name}'`}</Text>
      <Button
        size="compact-sm"
        variant="light"
        onClick={undo}
        loading={restore.isPending}
        data-testid="undo-delete"
      >
        Undo
      </Button>
    </Group>
  );
}
