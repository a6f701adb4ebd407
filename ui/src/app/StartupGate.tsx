// Asks once, when the app starts, whether the register opened, and only then shows the app.
// When it did not (a damaged file, another Steward window on it, a register from a newer
// Steward, a folder that cannot be written…), a full-window screen says why and what to do
// instead, since every screen of the app would only fail with the same error. After a
// recovery the person enters the app from that screen.
import { Center, Group, Loader, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { StartupProblem } from "./StartupProblem";
import { useStartup } from "./startupQueries";

export function StartupGate({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const startup = useStartup();
  /** Set once the person enters the app after a recovery. */
  const [entered, setEntered] = useState(false);

  if (entered) {
    return children;
  }
  if (startup.isPending) {
    return (
      <Center h="100vh" data-testid="startup-loading">
        <Group gap="sm">
          <Loader size="sm" />
          <Text c="dimmed" size="sm">
            Opening the register…
          </Text>
        </Group>
      </Center>
    );
  }
  // A start-up that cannot even be asked about (no Tauri behind the page, as in
  // `npm run dev` in a browser) shows the app as before: each screen then says what fails.
  if (startup.isError || startup.data.problem === null) {
    return children;
  }
  return (
    <StartupProblem
      startup={startup.data}
      problem={startup.data.problem}
      onEnter={() => {
        // The whole register changed: nothing read before the recovery still holds.
        void client.invalidateQueries();
        setEntered(true);
      }}
    />
  );
}
