// Whose data the activity processes and what data (Art. 30(1)(c)): groups that pair one
// category of people with the categories of data kept about them, with the Art. 9(2)
// condition where special-category data is among them and the Art. 10 basis for data
// about criminal convictions.
import { Alert, NativeSelect, Stack, Text, Textarea } from "@mantine/core";
import { useMemo } from "react";
import { VocabularyMultiSelect } from "../../../components/VocabularyMultiSelect";
import { VocabularySelect, vocabularyLabel } from "../../../components/VocabularySelect";
import { type SubjectGroup, type SubjectGroupInput, subjectGroups } from "../../../ipc";
import { DataCategoryList, dataCategoriesText } from "./DataCategoryList";
import { formatFields } from "./format";
import { ART9_CONDITION_OPTIONS, art9ConditionLabel, parseArt9Condition } from "./labels";
import { type PartFormConfig, PartSection } from "./PartSection";
import type { PartFields } from "./usePartForm";
import { specialCategories, useVocabularyOptions, type VocabularyOptions } from "./vocabulary";

export interface SubjectGroupValues {
  /** A subject category's id or the user's own words. */
  subjectCategory: string;
  /** Data categories' ids or the user's own words. */
  dataCategories: string[];
  /** An Art9Condition, or "" for none. */
  art9Condition: string;
  art10Basis: string;
}

export const SUBJECT_GROUP_FIELD_LABELS = {
  subjectCategory: "People",
  dataCategories: "Data kept about them",
  art9Condition: "Art. 9(2) condition",
  art10Basis: "Art. 10 basis",
} as const;

/** Whether the Art. 9(2) condition is asked for: special-category data is among the
 *  categories, or may be revealed by them, or a condition is set already. */
function asksArt9(values: SubjectGroupValues, vocabulary: VocabularyOptions): boolean {
  const special = specialCategories(values.dataCategories, vocabulary.dataById);
  return special.art9 || special.mayReveal.length > 0 || values.art9Condition !== "";
}

export function subjectGroupValues(group: SubjectGroup | null): SubjectGroupValues {
  return {
    subjectCategory: group?.subjectCategory ?? "",
    dataCategories: group ? [...group.dataCategories] : [],
    art9Condition: group?.art9Condition ?? "",
    art10Basis: group?.art10Basis ?? "",
  };
}

export function toSubjectGroupInput(
  values: SubjectGroupValues,
  activityId: string,
): SubjectGroupInput {
  return {
    activityId,
    subjectCategory: values.subjectCategory.trim(),
    dataCategories: values.dataCategories.map((value) => value.trim()).filter(Boolean),
    art9Condition: parseArt9Condition(values.art9Condition),
    art10Basis: values.art10Basis.trim(),
  };
}

const CONDITION_DATA = [
  { value: "", label: "— none —" },
  ...ART9_CONDITION_OPTIONS.map(({ value, label }) => ({ value, label })),
];

export function SubjectGroupSection({ activityId }: { activityId: string }) {
  const vocabulary = useVocabularyOptions();
  const subjectLabel = (value: string) => vocabularyLabel(vocabulary.subjects, value);

  const form = useMemo<PartFormConfig<SubjectGroup, SubjectGroupValues, SubjectGroupInput>>(
    () => ({
      valuesOf: subjectGroupValues,
      fields: {
        inputs: ["subjectCategory", "dataCategories", "art9Condition", "art10Basis"],
        lists: ["dataCategories"],
        shown: (values, field) => field !== "art9Condition" || asksArt9(values, vocabulary),
      } satisfies PartFields<SubjectGroupValues>,
      toInput: toSubjectGroupInput,
      historyLabels: SUBJECT_GROUP_FIELD_LABELS,
      formatValue: formatFields({
        subjectCategory: (value) => vocabularyLabel(vocabulary.subjects, value),
        dataCategories: (value) =>
          value
            .split("; ")
            .map((item) => vocabularyLabel(vocabulary.data, item))
            .join("; "),
        art9Condition: (value) => art9ConditionLabel(parseArt9Condition(value)),
      }),
      renderFields: (form) => {
        const special = specialCategories(form.values.dataCategories, vocabulary.dataById);
        return (
          <>
            <VocabularySelect
              label={SUBJECT_GROUP_FIELD_LABELS.subjectCategory}
              description="Whose data: type to choose a category of people, or use your own words."
              placeholder="e.g. Members, Event attendees"
              required
              options={vocabulary.subjects}
              {...form.bindValue("subjectCategory")}
            />
            <VocabularyMultiSelect
              label={SUBJECT_GROUP_FIELD_LABELS.dataCategories}
              description="The categories of data kept about these people: choose from the list or type your own, then press Enter."
              placeholder="e.g. Identity, Email address"
              required
              options={vocabulary.data}
              {...form.bindValue("dataCategories")}
            />
            {special.mayReveal.length > 0 && !special.art9 ? (
              <Alert color="yellow" variant="light" data-testid="subjectGroup-may-reveal">
                <Text size="sm">
                  {`Some of this data may reveal special categories (${special.mayReveal.join(", ")}). If it does, processing it needs an Art. 9(2) condition.`}
                </Text>
              </Alert>
            ) : null}
            {asksArt9(form.values, vocabulary) ? (
              <NativeSelect
                label={SUBJECT_GROUP_FIELD_LABELS.art9Condition}
                description="Special-category data (Art. 9(1)) may only be processed under one of the conditions of Art. 9(2)."
                data={CONDITION_DATA}
                {...form.bind("art9Condition")}
              />
            ) : null}
            <Textarea
              label={SUBJECT_GROUP_FIELD_LABELS.art10Basis}
              description={
                special.art10
                  ? "Data about criminal convictions and offences (Art. 10) needs a basis in law: name it."
                  : "Only for data about criminal convictions and offences (Art. 10): the basis in law."
              }
              autosize
              minRows={1}
              maxRows={6}
              {...form.bind("art10Basis")}
            />
          </>
        );
      },
    }),
    [vocabulary],
  );

  return (
    <PartSection
      activityId={activityId}
      commands={subjectGroups}
      testId="subjectGroup"
      title="People and their data"
      article="Art. 30(1)(c)"
      description="The categories of people whose data is processed, and the categories of data kept about each."
      noun="group of people"
      emptyText="No one recorded yet. Add each category of people, with the data kept about them."
      columns={["People", "Data", "Special rules"]}
      cells={(group) => [
        subjectLabel(group.subjectCategory),
        <DataCategoryList key="data" values={group.dataCategories} vocabulary={vocabulary} />,
        <Stack gap={0} key="special">
          {group.art9Condition ? (
            <Text size="sm">{art9ConditionLabel(group.art9Condition)}</Text>
          ) : null}
          {group.art10Basis ? <Text size="sm">{`Art. 10: ${group.art10Basis}`}</Text> : null}
        </Stack>,
      ]}
      nameOf={(group) =>
        `${subjectLabel(group.subjectCategory)}: ${dataCategoriesText(group.dataCategories, vocabulary)}`
      }
      form={form}
    />
  );
}
