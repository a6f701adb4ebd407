// Small displays shared by the recipients list and the catalogue: the DPA and DPF
// badges and a country shown as code and name.
import { Badge, Group, Stack, Text } from "@mantine/core";
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

export interface CountryLabelProps {
  code: string | null;
  countryNames: ReadonlyMap<string, string>;
  /** Shown when there is no country. */
  emptyLabel?: string;
}

export function CountryLabel({
  code,
  countryNames,
  emptyLabel = "Not recorded",
}: CountryLabelProps) {
  if (!code) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {emptyLabel}
      </Text>
    );
  }
  const name = countryNames.get(code);
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" ff="monospace" c="dimmed">
        {code}
      </Text>
      {name ? <Text size="sm">{name}</Text> : null}
    </Group>
  );
}
