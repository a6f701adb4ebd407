// Small displays shared by the recipients list and the catalogue: the DPA and DPF badges.
import { Badge, Stack, Text } from "@mantine/core";
import type { DpaStatus, DpfStatus } from "../../ipc";
import { dpaStatusOption, dpfOption } from "./labels";
import { isDpaExpired } from "./recipientFilters";

export interface DpaBadgeProps {
  status: DpaStatus;
  expires: string | null;
  /** Today as YYYY-MM-DD, to tell whether the expiry date has passed. */
  today: string;
}

export function DpaBadge({ status, expires, today }: DpaBadgeProps) {
  const option = dpaStatusOption(status);
  const expired = isDpaExpired({ dpaStatus: status, dpaExpires: expires }, today);
  return (
    <Stack gap={2} align="flex-start" data-testid="recipient-dpa">
      <Badge color={expired ? "red" : option.color} variant="light">
        {option.label}
      </Badge>
      {expires ? (
        <Text size="xs" c={expired ? "red" : "dimmed"}>{`expires ${expires}`}</Text>
      ) : null}
    </Stack>
  );
}

export function DpfBadge({ dpf }: { dpf: DpfStatus }) {
  const option = dpfOption(dpf);
  return (
    <Badge color={option.color} variant={dpf === "unknown" ? "outline" : "light"}>
      {`DPF: ${option.short}`}
    </Badge>
  );
}
