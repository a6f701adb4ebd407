// Deleting a record the way every list in Steward does it: a confirmation dialog, then a
// "Deleted 'X'" notification with an Undo button that restores the record. The notice is
// rendered by the notifications system, outside the router, so it gets the restore as
// mutation options rather than as a hook bound to a page that is already gone. The delete
// itself goes with the base of the record as the person saw it (`deleteRequest` in
// recordBase.ts), so that a colleague's edit made meanwhile keeps the record as an
// edit-against-delete conflict; a restore needs none.
import { Button, Group, Text } from "@mantine/core";
import { modals } from "@mantine/modals";
import { notifications } from "@mantine/notifications";
import { type UseMutationOptions, useMutation } from "@tanstack/react-query";

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface ConfirmDeletionOptions {
  /** The dialog's title, e.g. "Delete activity". */
  title: string;
  /** The record's name as people know it. */
  name: string;
  onConfirm: () => void;
}

export function confirmDeletion({ title, name, onConfirm }: ConfirmDeletionOptions) {
  modals.openConfirmModal({
    title,
    centered: true,
    children: <Text size="sm">{`Delete '${name}'? You can undo this right after.`}</Text>,
    labels: { confirm: "Delete", cancel: "Cancel" },
    confirmProps: { color: "red", "data-testid": "confirm-delete" },
    onConfirm,
  });
}

export function showDeleteFailed(error: unknown) {
  notifications.show({ color: "red", title: "Could not delete", message: errorMessage(error) });
}

/** What the notice says instead of "Deleted 'X'" and "Restored 'X'", e.g. for something
 *  removed rather than deleted; and the Undo button's test id ("undo-delete" by default). */
export interface DeletedNoticeWording {
  deleted?: string;
  restored?: string;
  undoTestId?: string;
}

export interface DeletedNoticeProps<T> extends DeletedNoticeWording {
  /** The deleted record's name as people know it. */
  name: string;
  notificationId: string;
  /** Restores the record and refreshes the cached data that shows it. */
  restore: UseMutationOptions<T, Error, void>;
}

export function DeletedNotice<T>({
  name,
  notificationId,
  restore,
  deleted = `Deleted '${name}'`,
  restored = `Restored '${name}'`,
  undoTestId = "undo-delete",
}: DeletedNoticeProps<T>) {
  const mutation = useMutation(restore);

  function undo() {
    mutation.mutate(undefined, {
      onSuccess: () => {
        notifications.hide(notificationId);
        notifications.show({ color: "teal", title: "Restored", message: restored });
      },
      onError: (error) => {
        notifications.hide(notificationId);
        notifications.show({ color: "red", title: "Could not undo", message: errorMessage(error) });
      },
    });
  }

  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Text size="sm">{deleted}</Text>
      <Button
        size="compact-sm"
        variant="light"
        onClick={undo}
        loading={mutation.isPending}
        data-testid={undoTestId}
      >
        Undo
      </Button>
    </Group>
  );
}

export interface ShowDeletedOptions<T> extends DeletedNoticeWording {
  /** The deleted record's id; makes the notification's id. */
  id: string;
  /** The notification's title, e.g. "Activity deleted". */
  title: string;
  name: string;
  restore: UseMutationOptions<T, Error, void>;
}

/** Shows the "Deleted 'X'" notification with Undo for ten seconds. */
export function showDeletedNotification<T>({
  id,
  title,
  name,
  restore,
  ...wording
}: ShowDeletedOptions<T>) {
  const notificationId = `deleted-${id}`;
  notifications.show({
    id: notificationId,
    autoClose: 10_000,
    title,
    message: (
      <DeletedNotice name={name} notificationId={notificationId} restore={restore} {...wording} />
    ),
  });
}
