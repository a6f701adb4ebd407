// A country shown in a list: its ISO code and, once the country list has loaded, its name.
import { Group, Text } from "@mantine/core";

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
      <Text size="sm" ff="monospace" c="dimmed" style={{ flexShrink: 0 }}>
        {code}
      </Text>
      {name ? <Text size="sm">{name}</Text> : null}
    </Group>
  );
}
