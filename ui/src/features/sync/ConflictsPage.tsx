// Conflicts to review: a field that two laptops changed before they saw each other's change
// keeps both values, and a record deleted on one laptop and changed on another stays until a
// person decides. Each conflict is a card where the person chooses; the choice travels to
// the other laptops with this laptop's next changes.
import { Alert, Anchor, Card, Stack, Text } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { Link } from "react-router";
import { BackToList } from "../../components/BackToList";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import type { Conflict } from "../../ipc";
import { ConflictCard } from "./ConflictCard";
import { conflictKey } from "./labels";
import { useConflicts } from "./queries";

const TITLE = "Conflicts to review";
const SUBTITLE =
  "Two laptops changed the same thing before they saw each other's changes. Nothing was lost: " +
  'until you choose, the register shows the value marked "shown now". Your choice reaches the ' +
  "other laptops at their next sync.";

/** A conflict whose resolution was refused because it is no longer open, and why. */
interface GoneConflict {
  key: string;
  message: string;
}

export function ConflictsPage() {
  const query = useConflicts({ always: true });
  const [gone, setGone] = useState<GoneConflict | null>(null);

  if (query.isPending) {
    return (
      <ConflictsFrame>
        <LoadingState label="Reading the conflicts…" />
      </ConflictsFrame>
    );
  }
  if (query.isError) {
    return (
      <ConflictsFrame>
        <ErrorState
          title="Could not read the conflicts"
          message={query.error.message}
          onRetry={() => void query.refetch()}
        />
      </ConflictsFrame>
    );
  }

  const conflicts = query.data;
  // A card shows its own error; once its conflict has left the list, the page shows it.
  const goneMessage =
    gone && !conflicts.some((conflict) => conflictKey(conflict) === gone.key) ? gone : null;

  return (
    <ConflictsFrame>
      <Stack gap="lg">
        {goneMessage ? (
          <Alert
            color="red"
            variant="light"
            title="Could not resolve the conflict"
            role="alert"
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={() => setGone(null)}
            data-testid="conflicts-gone"
          >
            <Text size="sm">{goneMessage.message}</Text>
          </Alert>
        ) : null}
        {conflicts.length === 0 ? (
          <NoConflicts />
        ) : (
          conflicts.map((conflict: Conflict) => (
            <ConflictCard
              key={conflictKey(conflict)}
              conflict={conflict}
              onGone={(message) => setGone({ key: conflictKey(conflict), message })}
            />
          ))
        )}
      </Stack>
    </ConflictsFrame>
  );
}

function ConflictsFrame({ children }: { children: ReactNode }) {
  return (
    <Stack gap={0} maw={900}>
      <BackToList to="/sync" label="Sync with other laptops" current={TITLE} />
      <PageHeader title={TITLE} subtitle={SUBTITLE} />
      {children}
    </Stack>
  );
}

function NoConflicts() {
  return (
    <Card withBorder data-testid="conflicts-empty">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">No conflicts: every laptop's changes fit together.</Text>
        <Anchor component={Link} to="/sync" size="sm">
          Back to the sync
        </Anchor>
      </Stack>
    </Card>
  );
}
