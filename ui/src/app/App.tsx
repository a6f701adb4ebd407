// The root component: providers around the router, which shows once start-up says the
// register opened (see StartupGate).
import { useState } from "react";
import { RouterProvider } from "react-router";
import { AppProviders } from "./providers";
import { createQueryClient } from "./queryClient";
import { router } from "./router";
import { StartupGate } from "./StartupGate";

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <AppProviders queryClient={queryClient}>
      <StartupGate>
        <RouterProvider router={router} />
      </StartupGate>
    </AppProviders>
  );
}
