// Data categories in a row of a table: each by its label, special ones (Art. 9, Art. 10)
// marked, the user's own words as typed.
import { Badge, Group, Text } from "@mantine/core";
import { vocabularyLabel } from "../../../components/VocabularySelect";
import type { VocabularyOptions } from "./vocabulary";

export function DataCategoryList({
  values,
  vocabulary,
}: {
  values: readonly string[];
  vocabulary: VocabularyOptions;
}) {
  if (values.length === 0) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        None named
      </Text>
    );
  }
  return (
    <Group gap={6}>
      {values.map((value) => {
        const special = vocabulary.dataById.get(value)?.special;
        return (
          <Badge
            key={value}
            variant="light"
            color={special ? "orange" : "gray"}
            tt="none"
            fw={500}
            title={special === "art9" ? "Art. 9" : special === "art10" ? "Art. 10" : undefined}
          >
            {vocabularyLabel(vocabulary.data, value)}
            {special ? ` · ${special === "art9" ? "Art. 9" : "Art. 10"}` : ""}
          </Badge>
        );
      })}
    </Group>
  );
}

/** The categories' labels joined, for names and histories. */
export function dataCategoriesText(values: readonly string[], vocabulary: VocabularyOptions) {
  return values.map((value) => vocabularyLabel(vocabulary.data, value)).join(", ");
}
