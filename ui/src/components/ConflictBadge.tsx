// The small "Conflict" badge of a list's row whose record two laptops changed before they
// saw each other's changes: the record's own form, or the Sync page, settles it.
import { Badge } from "@mantine/core";

export interface ConflictBadgeProps {
  /** E.g. "activity-row-conflict". */
  testId: string;
}

export function ConflictBadge({ testId }: ConflictBadgeProps) {
  return (
    <Badge
      size="sm"
      variant="light"
      color="orange"
      title="Changed on two laptops: open the record to choose which value to keep"
      data-testid={testId}
      style={{ flexShrink: 0 }}
    >
      Conflict
    </Badge>
  );
}
