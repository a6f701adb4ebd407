// Test helper: renders routes inside the app's providers with a memory router and a
// query client that never retries; with `startup`, behind the start-up check as the app is.
import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { createMemoryRouter, type RouteObject, RouterProvider } from "react-router";
import { AppProviders } from "../app/providers";
import { routes as appRoutes } from "../app/routes";
import { StartupGate } from "../app/StartupGate";

export interface RenderOptions {
  /** The URL to start at, e.g. "/activities/new". Defaults to "/". */
  route?: string;
  /** Routes to render; defaults to the app's full route table. */
  routes?: RouteObject[];
  /** Asks how the register opened first, as the app does (see StartupGate); the other
   *  tests start in a register that opened. */
  startup?: boolean;
}

export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, gcTime: Number.POSITIVE_INFINITY, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

export function renderWithProviders({
  route = "/",
  routes = appRoutes,
  startup = false,
}: RenderOptions = {}) {
  const queryClient = createTestQueryClient();
  const router = createMemoryRouter(routes, { initialEntries: [route] });
  const user = userEvent.setup();
  const app = <RouterProvider router={router} />;
  const result = render(
    <AppProviders queryClient={queryClient} env="test">
      {startup ? <StartupGate>{app}</StartupGate> : app}
    </AppProviders>,
  );
  return { ...result, user, router, queryClient };
}

/** Renders a single element at "/" (for components that need no routes of their own). */
export function renderElement(element: ReactElement, options: Omit<RenderOptions, "routes"> = {}) {
  return renderWithProviders({ ...options, routes: [{ path: "*", element }] });
}
