// Wraps the app in its context providers: TanStack Query, Mantine (theme, modals,
// notifications). The router sits inside these, so modal and notification content may
// use queries but not router hooks.
import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import { MantineProvider } from "@mantine/core";
import { ModalsProvider } from "@mantine/modals";
import { Notifications } from "@mantine/notifications";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { getStyleNonce } from "./styleNonce";
import { theme } from "./theme";

export interface AppProvidersProps {
  queryClient: QueryClient;
  children: ReactNode;
  /** "test" turns off Mantine transitions and portals. */
  env?: "default" | "test";
}

export function AppProviders({ queryClient, children, env = "default" }: AppProvidersProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider
        theme={theme}
        forceColorScheme="light"
        getStyleNonce={getStyleNonce}
        env={env}
      >
        <ModalsProvider labels={{ confirm: "Confirm", cancel: "Cancel" }}>
          <Notifications position="bottom-right" limit={4} />
          {children}
        </ModalsProvider>
      </MantineProvider>
    </QueryClientProvider>
  );
}
