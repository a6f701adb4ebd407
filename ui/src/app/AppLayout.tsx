// The application frame: header, navigation and the routed page, plus the first-start
// welcome modal.
import { AppShell, Group, NavLink, Stack, Text, Title } from "@mantine/core";
import { Link, Outlet, useLocation } from "react-router";
import { WelcomeModal } from "../features/welcome/WelcomeModal";

const NAV_ITEMS = [
  { to: "/activities", label: "Activities", testId: "nav-activities" },
  { to: "/recipients", label: "Recipients", testId: "nav-recipients" },
  { to: "/sources", label: "Sources", testId: "nav-sources" },
  { to: "/website", label: "Website", testId: "nav-website" },
  { to: "/organisation", label: "Organisation", testId: "nav-organisation" },
] as const;

export function AppLayout() {
  const { pathname } = useLocation();

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="lg" gap="sm" align="center">
          <Stack gap={0}>
            <Title order={3} lh={1.1}>
              Steward
            </Title>
            <Text size="xs" c="dimmed">
              Record of processing activities
            </Text>
          </Stack>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Main navigation">
        {NAV_ITEMS.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            data-testid={item.testId}
            active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
            variant="light"
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>

      <WelcomeModal />
    </AppShell>
  );
}
