// The register's vocabularies (categories of people and of data) as the pickers offer them,
// read once per run, and how a stored id or own words read in the activity's sections.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { VocabularyOption } from "../../../components/VocabularySelect";
import { type DataCategory, getVocabulary, type Vocabulary } from "../../../ipc";

type SpecialCategory = NonNullable<DataCategory["special"]>;

export const vocabularyKey = ["reference", "vocabulary"] as const;

/** The vocabularies; they do not change while the app runs. */
export function useVocabulary() {
  return useQuery({
    queryKey: vocabularyKey,
    queryFn: getVocabulary,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

const SPECIAL_MARK: Record<SpecialCategory, string> = { art9: "Art. 9", art10: "Art. 10" };

export interface VocabularyOptions {
  subjects: VocabularyOption[];
  data: VocabularyOption[];
  /** The data categories by id, for their special status and what they may reveal. */
  dataById: ReadonlyMap<string, DataCategory>;
}

function toOptions(vocabulary: Vocabulary | undefined): VocabularyOptions {
  const subjects = (vocabulary?.subjectCategories ?? []).map((category) => ({
    value: category.id,
    label: category.label,
    description: category.description,
  }));
  const categories = vocabulary?.dataCategories ?? [];
  const data = categories.map((category) => ({
    value: category.id,
    label: category.label,
    description: category.description,
    badge: category.special ? SPECIAL_MARK[category.special] : undefined,
  }));
  return { subjects, data, dataById: new Map(categories.map((c) => [c.id, c])) };
}

/** The vocabularies as picker options; empty until they have loaded. */
export function useVocabularyOptions(): VocabularyOptions {
  const { data } = useVocabulary();
  return useMemo(() => toOptions(data), [data]);
}

/** The special categories (Art. 9 or Art. 10) among data categories, and the Art. 9
 *  categories that the others may reveal (dietary requirements → health data). */
export function specialCategories(
  values: readonly string[],
  dataById: ReadonlyMap<string, DataCategory>,
): { art9: boolean; art10: boolean; mayReveal: string[] } {
  let art9 = false;
  let art10 = false;
  const mayReveal = new Set<string>();
  for (const value of values) {
    const category = dataById.get(value);
    if (category?.special === "art9") art9 = true;
    if (category?.special === "art10") art10 = true;
    for (const revealed of category?.mayReveal ?? []) {
      const label = dataById.get(revealed)?.label ?? revealed;
      if (!values.includes(revealed)) mayReveal.add(label);
    }
  }
  return { art9, art10, mayReveal: [...mayReveal] };
}
