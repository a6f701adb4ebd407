// The application frame: header (with "Sync now" once a shared folder is chosen),
// navigation with the keyboard shortcuts (and the number of sync conflicts waiting), and the
// routed page, plus the first-start welcome modal. Whenever the register changes without
// this window changing it (Steward syncs by itself, the command line writes to it), every
// page reads its data again.
import {
  AppShell,
  Button,
  Group,
  Kbd,
  NavLink,
  Popover,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { Link, Outlet, ScrollRestoration, useLocation } from "react-router";
import { useRefreshAfterAutomaticSync } from "../features/sync/queries";
import { SyncNavBadge } from "../features/sync/SyncNavBadge";
import { WelcomeModal } from "../features/welcome/WelcomeModal";
import { HeaderSyncNow } from "./HeaderSyncNow";
import { useRegisterWatch } from "./useRegisterWatch";

/** The navigation; an item is active on its route and the routes below it, the dashboard
 *  (the home screen) on "/" only. */
const NAV_ITEMS = [
  { to: "/", label: "Dashboard", testId: "nav-dashboard" },
  { to: "/activities", label: "Activities", testId: "nav-activities" },
  { to: "/recipients", label: "Recipients", testId: "nav-recipients" },
  { to: "/transfers", label: "Transfers", testId: "nav-transfers" },
  { to: "/retention", label: "Retention", testId: "nav-retention" },
  { to: "/sources", label: "Sources", testId: "nav-sources" },
  { to: "/website", label: "Website", testId: "nav-website" },
  { to: "/organisation", label: "Organisation", testId: "nav-organisation" },
  { to: "/policy", label: "Privacy policy", testId: "nav-policy" },
  { to: "/documents", label: "Documents", testId: "nav-documents" },
  { to: "/sync", label: "Sync", testId: "nav-sync" },
  { to: "/backups", label: "Backups", testId: "nav-backups" },
] as const;

function isActive(to: string, pathname: string): boolean {
  if (to === "/") {
    return pathname === "/" || pathname === "/dashboard";
  }
  return pathname === to || pathname.startsWith(`${to}/`);
}

/** The shortcuts the pages offer (Ctrl is ⌘ on macOS). */
const SHORTCUTS: ReadonlyArray<{ keys: string[][]; action: string }> = [
  { keys: [["Ctrl", "S"]], action: "Save the form" },
  { keys: [["Ctrl", "Z"]], action: "Undo the last save, outside a text field" },
  { keys: [["N"], ["Ctrl", "N"]], action: "New record, on a list" },
  { keys: [["/"], ["Ctrl", "K"]], action: "Search the list" },
  { keys: [["Esc"]], action: "Clear the search" },
  { keys: [["Ctrl", "Shift", "S"]], action: "Sync now, from any page" },
];

function KeyboardShortcuts() {
  return (
    <Popover position="right-end" withArrow shadow="md" width={380}>
      <Popover.Target>
        <Button variant="subtle" color="gray" size="xs" data-testid="nav-shortcuts">
          Keyboard shortcuts
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Table verticalSpacing={4} withRowBorders={false} aria-label="Keyboard shortcuts">
          <Table.Tbody>
            {SHORTCUTS.map(({ keys, action }) => (
              <Table.Tr key={action}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <Group gap={6} wrap="nowrap">
                    {keys.map((combination, index) => (
                      <Group key={combination.join("+")} gap={2} wrap="nowrap">
                        {index > 0 ? (
                          <Text size="xs" c="dimmed" mr={4}>
                            or
                          </Text>
                        ) : null}
                        {combination.map((key, keyIndex) => (
                          <Group key={key} gap={2} wrap="nowrap">
                            {keyIndex > 0 ? <Text size="xs">+</Text> : null}
                            <Kbd size="xs">{key}</Kbd>
                          </Group>
                        ))}
                      </Group>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{action}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Popover.Dropdown>
    </Popover>
  );
}

export function AppLayout() {
  const { pathname } = useLocation();
  useRefreshAfterAutomaticSync();
  useRegisterWatch();

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      {/* A new page opens at its top; back and forward return to where the user was. */}
      <ScrollRestoration />
      <AppShell.Header>
        <Group h="100%" px="lg" gap="sm" align="center" justify="space-between" wrap="nowrap">
          <Stack gap={0}>
            <Title order={3} lh={1.1}>
              Steward
            </Title>
            <Text size="xs" c="dimmed">
              Record of processing activities
            </Text>
          </Stack>
          <HeaderSyncNow />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          {NAV_ITEMS.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              rightSection={item.to === "/sync" ? <SyncNavBadge /> : undefined}
              data-testid={item.testId}
              active={isActive(item.to, pathname)}
              variant="light"
            />
          ))}
        </AppShell.Section>
        <AppShell.Section pt="sm">
          <KeyboardShortcuts />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>

      <WelcomeModal />
    </AppShell>
  );
}
