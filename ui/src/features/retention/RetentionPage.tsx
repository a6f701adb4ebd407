// How long personal data is kept, across all processing activities (Art. 30(1)(f)),
// read-only: each row links to its activity, where retention rules are recorded and edited.
import { Stack, Text } from "@mantine/core";
import { useMemo } from "react";
import type { RetentionRule } from "../../ipc";
import { endActionLabel, periodText } from "../activities/parts/labels";
import { useVocabulary } from "../activities/parts/vocabulary";
import { AcrossActivitiesPage, NotRecorded } from "../transfers/AcrossActivitiesPage";
import { useAllRetentionRules } from "./queries";

/** The period, e.g. "2 years", or else the criterion; "" when neither is recorded. */
function periodOrCriterion(rule: RetentionRule): string {
  return periodText(rule.periodValue, rule.periodUnit) || rule.criterion;
}

export function RetentionPage() {
  const query = useAllRetentionRules();
  const vocabulary = useVocabulary();

  const dataCategories = vocabulary.data?.dataCategories;
  const categoryLabels = useMemo(
    () => new Map((dataCategories ?? []).map((category) => [category.id, category.label])),
    [dataCategories],
  );
  /** A vocabulary category's label, or the user's own words. */
  const categoryOf = (rule: RetentionRule) =>
    categoryLabels.get(rule.dataCategory) ?? rule.dataCategory;

  return (
    <AcrossActivitiesPage
      title="Retention"
      subtitle="How long each category of personal data is kept, and what happens then (Art. 30(1)(f) GDPR), across all processing activities."
      testId="retention"
      plural="retention rules"
      query={query}
      searchPlaceholder="Activity, data category, period or trigger  ( / )"
      searchTexts={(rule) => [
        categoryOf(rule),
        periodOrCriterion(rule),
        rule.triggerEvent,
        endActionLabel(rule.endAction),
      ]}
      tieBreak={categoryOf}
      columns={[
        {
          header: "Data category",
          cell: (rule) =>
            categoryOf(rule) ? <Text size="sm">{categoryOf(rule)}</Text> : <NotRecorded />,
        },
        {
          header: "Period or criterion",
          cell: (rule) => {
            const period = periodText(rule.periodValue, rule.periodUnit);
            if (period) {
              return (
                <Stack gap={0}>
                  <Text size="sm">{period}</Text>
                  {rule.criterion ? (
                    <Text size="xs" c="dimmed">
                      {rule.criterion}
                    </Text>
                  ) : null}
                </Stack>
              );
            }
            return rule.criterion ? <Text size="sm">{rule.criterion}</Text> : <NotRecorded />;
          },
        },
        {
          header: "Starts with",
          cell: (rule) =>
            rule.triggerEvent ? <Text size="sm">{rule.triggerEvent}</Text> : <NotRecorded />,
        },
        {
          header: "At the end",
          cell: (rule) => <Text size="sm">{endActionLabel(rule.endAction)}</Text>,
        },
      ]}
      empty={{
        title: "No retention rules recorded yet",
        text: "Retention rules are added on an activity's page, in its Retention section: open an activity and record for each category of data how long it is kept, from when, and what happens then. They are listed here together.",
      }}
      noMatch="No retention rule matches the search."
    />
  );
}
