// The number of conflicts that wait for a person, next to "Sync" in the navigation. It
// reads the same status as the sync page, so both change together.
import { Badge, VisuallyHidden } from "@mantine/core";
import { conflictCount } from "./labels";
import { useSyncStatus } from "./queries";

export function SyncNavBadge() {
  const { data } = useSyncStatus();
  const conflicts = data?.conflicts ?? 0;
  if (conflicts <= 0) {
    return null;
  }
  return (
    <Badge
      size="sm"
      color="red"
      variant="filled"
      title={`${conflictCount(conflicts)} to review`}
      data-testid="nav-sync-conflicts"
    >
      {conflicts}
      <VisuallyHidden> {conflicts === 1 ? "conflict" : "conflicts"} to review</VisuallyHidden>
    </Badge>
  );
}
