// The root component: providers around the router.
import { useState } from "react";
import { RouterProvider } from "react-router";
import { AppProviders } from "./providers";
import { createQueryClient } from "./queryClient";
import { router } from "./router";

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
