// Undoing the last save of a record: the "Saved" notification carries an Undo button
// (test id `undo-last-change`) that saves the record's previous values again, and mod+Z
// (outside text inputs) does the same while that notification is open. Only the most
// recent save can be undone this way; each undo runs at most once. The notice is rendered
// by the notifications system, outside the page, so it gets the undo as a plain function,
// which saves against the base of the record the undone save returned (see useRecordForm):
// a colleague's change made since then is kept as a conflict, not overwritten.
import { Button, Group, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";

/** How long the "Saved" notification, and so the chance to undo, stays on screen. */
export const UNDO_WINDOW_MS = 10_000;

interface PendingUndo {
  notificationId: string;
  run: () => void;
}

/** The save that mod+Z would undo: the latest whose notification is still open. */
let latest: PendingUndo | null = null;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface SavedWithUndoOptions {
  /** Unique per save, e.g. "saved-activity-3". */
  notificationId: string;
  /** The saved message, e.g. "'Newsletter' is up to date." */
  message: string;
  /** Saves the previous values again and shows them in the form; rejects on failure. */
  undo: () => Promise<unknown>;
}

/** Shows the "Saved" notification with an Undo button, and makes it the one mod+Z undoes. */
export function showSavedWithUndo({ notificationId, message, undo }: SavedWithUndoOptions) {
  let started = false;
  const run = () => {
    if (started) {
      return;
    }
    started = true;
    if (latest?.notificationId === notificationId) {
      latest = null;
    }
    notifications.update({
      id: notificationId,
      loading: true,
      title: "Undoing…",
      message: "Saving the previous values again.",
      autoClose: false,
      withCloseButton: false,
    });
    undo().then(
      () =>
        notifications.update({
          id: notificationId,
          loading: false,
          color: "teal",
          title: "Change undone",
          message: "The record is back to how it was before your last save.",
          autoClose: 4000,
          withCloseButton: true,
        }),
      (error: unknown) =>
        notifications.update({
          id: notificationId,
          loading: false,
          color: "red",
          title: "Could not undo",
          message: errorMessage(error),
          autoClose: false,
          withCloseButton: true,
        }),
    );
  };

  latest = { notificationId, run };
  notifications.show({
    id: notificationId,
    color: "teal",
    title: "Saved",
    autoClose: UNDO_WINDOW_MS,
    message: <SavedNotice message={message} onUndo={run} />,
    onClose: () => {
      if (latest?.notificationId === notificationId) {
        latest = null;
      }
    },
  });
}

const NOT_TEXT_INPUTS = new Set([
  "checkbox",
  "radio",
  "button",
  "submit",
  "reset",
  "range",
  "color",
  "file",
]);

/** Whether an element takes typed text, so that mod+Z there is its own undo of typing. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) {
    return false;
  }
  if (target.isContentEditable || target.tagName === "TEXTAREA") {
    return true;
  }
  return target instanceof HTMLInputElement && !NOT_TEXT_INPUTS.has(target.type);
}

/** The mod+Z handler: outside text inputs, undoes the latest save whose notification is
 *  open (and keeps the browser from doing anything else with the keys). */
export function undoOnHotkey(event: KeyboardEvent) {
  if (!isTextEntry(event.target) && undoLatestChange()) {
    event.preventDefault();
  }
}

/** Undoes the latest save whose notification is open (mod+Z); false if there is none. */
export function undoLatestChange(): boolean {
  const pending = latest;
  if (!pending) {
    return false;
  }
  latest = null;
  pending.run();
  return true;
}

export interface SavedNoticeProps {
  message: string;
  onUndo: () => void;
}

export function SavedNotice({ message, onUndo }: SavedNoticeProps) {
  const [clicked, setClicked] = useState(false);
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Text size="sm">{message}</Text>
      <Button
        size="compact-sm"
        variant="light"
        disabled={clicked}
        onClick={() => {
          setClicked(true);
          onUndo();
        }}
        title="Undo (Ctrl+Z)"
        data-testid="undo-last-change"
      >
        Undo
      </Button>
    </Group>
  );
}
