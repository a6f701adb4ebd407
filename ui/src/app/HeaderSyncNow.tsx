// "Sync now" in the app's header, shown once a shared folder is chosen: it syncs from any
// page without leaving it (a form stays open with what was typed), with a spinner while the
// sync runs, then a notification that sums up what it did and what waits for a person, with
// a link to the Sync page for the details. Every screen reads the register again after it,
// so an open form takes in its record's new values (see liveRecord.ts). mod+Shift+S does
// the same, in a text field too. It runs the Sync page's own "Sync now", so both wait while
// either (or any other sync action) runs.
import { Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { type MouseEvent, useId, useRef } from "react";
import { useHref, useNavigate } from "react-router";
import { useSyncBusy, useSyncNow, useSyncStatus } from "../components/syncQueries";
import { type SyncSummary, syncSummary } from "../components/syncText";
import type { SyncReport } from "../ipc";

/** The keys that sync from anywhere (mod is Ctrl, or ⌘ on macOS). */
export const SYNC_NOW_HOTKEY = "mod+shift+S";

const TONE_COLOR: Readonly<Record<SyncSummary["tone"], string>> = {
  ok: "teal",
  attention: "yellow",
  problem: "red",
};

/** A link in a notification: the notifications are rendered outside the router, so the
 *  link gets its address and the navigation from the header, which is inside it. */
interface PageLink {
  href: string;
  go: () => void;
}

function NotificationLink({
  link,
  children,
  testId,
  notificationId,
}: {
  link: PageLink;
  children: string;
  testId: string;
  notificationId: string;
}) {
  function follow(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    notifications.hide(notificationId);
    link.go();
  }
  return (
    <Anchor href={link.href} onClick={follow} size="sm" data-testid={testId}>
      {children}
    </Anchor>
  );
}

export function HeaderSyncNow() {
  const status = useSyncStatus();
  const sync = useSyncNow();
  const busy = useSyncBusy();
  const navigate = useNavigate();
  const syncPage: PageLink = { href: useHref("/sync"), go: () => navigate("/sync") };
  const conflictsPage: PageLink = {
    href: useHref("/sync/conflicts"),
    go: () => navigate("/sync/conflicts"),
  };
  const idPrefix = `header-sync-${useId()}`;
  const syncCount = useRef(0);
  const folder = status.data?.folder ?? null;

  function showSynced(report: SyncReport, notificationId: string) {
    const summary = syncSummary(report);
    notifications.show({
      id: notificationId,
      color: TONE_COLOR[summary.tone],
      title: summary.tone === "ok" ? "Synced" : "Synced: something waits for you",
      // What needs a person stays until they close it.
      autoClose: summary.tone === "ok" ? 6000 : false,
      message: (
        <Stack gap={4} data-testid="header-sync-summary">
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {summary.done}
          </Text>
          {summary.attention.map((sentence) => (
            <Text key={sentence} size="sm" style={{ overflowWrap: "anywhere" }}>
              {sentence}
            </Text>
          ))}
          <Group gap="md">
            {report.conflicts > 0 ? (
              <NotificationLink
                link={conflictsPage}
                testId="header-sync-conflicts"
                notificationId={notificationId}
              >
                Review conflicts
              </NotificationLink>
            ) : null}
            <NotificationLink
              link={syncPage}
              testId="header-sync-details"
              notificationId={notificationId}
            >
              Details on the Sync page
            </NotificationLink>
          </Group>
        </Stack>
      ),
    });
  }

  /** A notification that says one thing and leads to the Sync page. */
  function showWithSyncPage(
    notificationId: string,
    what: { color: string; title: string; text: string; testId: string; stays: boolean },
  ) {
    notifications.show({
      id: notificationId,
      color: what.color,
      title: what.title,
      autoClose: what.stays ? false : undefined,
      message: (
        <Stack gap={4} data-testid={what.testId}>
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {what.text}
          </Text>
          <NotificationLink
            link={syncPage}
            testId="header-sync-details"
            notificationId={notificationId}
          >
            Open the Sync page
          </NotificationLink>
        </Stack>
      ),
    });
  }

  function syncNow() {
    // One sync at a time; a key held down or pressed twice does not queue another.
    if (busy || sync.isPending || !status.data) {
      return;
    }
    syncCount.current += 1;
    const notificationId = `${idPrefix}-${syncCount.current}`;
    if (!folder) {
      showWithSyncPage(notificationId, {
        color: "gray",
        title: "No shared folder yet",
        text: "Choose the folder your sync tool shares first.",
        testId: "header-sync-no-folder",
        stays: false,
      });
      return;
    }
    sync.mutate(undefined, {
      onSuccess: (report) => showSynced(report, notificationId),
      onError: (error) =>
        showWithSyncPage(notificationId, {
          color: "red",
          title: "Could not sync",
          text: error.message,
          testId: "header-sync-error",
          stays: true,
        }),
    });
  }

  // In a text field too: syncing leaves what was typed as it is.
  useHotkeys([[SYNC_NOW_HOTKEY, syncNow]], []);

  if (!folder) {
    return null;
  }
  return (
    <Button
      variant="default"
      size="sm"
      onClick={syncNow}
      loading={sync.isPending}
      disabled={busy && !sync.isPending}
      title="Sync with the shared folder (Ctrl+Shift+S)"
      data-testid="header-sync-now"
    >
      Sync now
    </Button>
  );
}
