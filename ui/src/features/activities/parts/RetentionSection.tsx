// How long each category of the activity's data is kept (Art. 30(1)(f), Art. 13(2)(a)): a
// period counted from a trigger event, or the criterion used to decide, and what happens
// at the end.
import { Group, NativeSelect, NumberInput, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useMemo } from "react";
import { VocabularySelect, vocabularyLabel } from "../../../components/VocabularySelect";
import { type RetentionRule, type RetentionRuleInput, retentionRules } from "../../../ipc";
import { formatFields } from "./format";
import {
  END_ACTION_OPTIONS,
  endActionLabel,
  PERIOD_UNIT_OPTIONS,
  parseEndAction,
  parsePeriodUnit,
  periodText,
} from "./labels";
import { type PartFormConfig, PartSection } from "./PartSection";
import type { PartFields } from "./usePartForm";
import { useVocabularyOptions } from "./vocabulary";

export interface RetentionValues {
  /** A data category's id or the user's own words. */
  dataCategory: string;
  /** The number as typed; "" for none. */
  periodValue: string;
  /** A PeriodUnit, or "" for none. */
  periodUnit: string;
  criterion: string;
  triggerEvent: string;
  justification: string;
  endAction: string;
}

export const RETENTION_FIELD_LABELS = {
  dataCategory: "Data category",
  periodValue: "Period",
  periodUnit: "Unit",
  criterion: "Criterion",
  triggerEvent: "Counted from",
  justification: "Justification",
  endAction: "At the end",
} as const;

const FIELDS: PartFields<RetentionValues> = {
  inputs: [
    "dataCategory",
    "periodValue",
    "periodUnit",
    "criterion",
    "triggerEvent",
    "justification",
    "endAction",
  ],
};

export function retentionValues(rule: RetentionRule | null): RetentionValues {
  return {
    dataCategory: rule?.dataCategory ?? "",
    periodValue: rule?.periodValue === null || rule === null ? "" : String(rule.periodValue),
    periodUnit: rule?.periodUnit ?? "",
    criterion: rule?.criterion ?? "",
    triggerEvent: rule?.triggerEvent ?? "",
    justification: rule?.justification ?? "",
    endAction: rule?.endAction ?? "erase",
  };
}

/** The period as a whole number, or null when empty (or not a whole number, which the
 *  input does not let through). */
export function periodValueOf(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") {
    return null;
  }
  const value = Number(trimmed);
  return Number.isInteger(value) ? value : null;
}

export function toRetentionInput(values: RetentionValues, activityId: string): RetentionRuleInput {
  return {
    activityId,
    dataCategory: values.dataCategory.trim(),
    periodValue: periodValueOf(values.periodValue),
    periodUnit: parsePeriodUnit(values.periodUnit),
    criterion: values.criterion.trim(),
    triggerEvent: values.triggerEvent.trim(),
    justification: values.justification.trim(),
    endAction: parseEndAction(values.endAction),
  };
}

const UNIT_DATA = [{ value: "", label: "—" }, ...PERIOD_UNIT_OPTIONS];
const END_ACTION_DATA = END_ACTION_OPTIONS.map(({ value, label }) => ({ value, label }));

/** "2 years from the end of the membership", or the criterion when there is no period. */
export function retentionText(rule: RetentionRule): string {
  const period = periodText(rule.periodValue, rule.periodUnit);
  if (period) {
    return rule.triggerEvent ? `${period} from ${rule.triggerEvent}` : period;
  }
  return rule.criterion;
}

export function RetentionSection({ activityId }: { activityId: string }) {
  const { data: dataOptions } = useVocabularyOptions();
  const categoryLabel = (value: string) => vocabularyLabel(dataOptions, value);

  const form = useMemo<PartFormConfig<RetentionRule, RetentionValues, RetentionRuleInput>>(
    () => ({
      valuesOf: retentionValues,
      fields: FIELDS,
      toInput: toRetentionInput,
      historyLabels: RETENTION_FIELD_LABELS,
      formatValue: formatFields({
        dataCategory: (value) => vocabularyLabel(dataOptions, value),
        periodUnit: (value) =>
          PERIOD_UNIT_OPTIONS.find((option) => option.value === value)?.label ?? value,
        endAction: (value) => endActionLabel(parseEndAction(value)),
      }),
      renderFields: (form) => (
        <>
          <VocabularySelect
            label={RETENTION_FIELD_LABELS.dataCategory}
            description="The category of data this rule is for: type to choose one, or use your own words."
            placeholder="e.g. Identity, Payment details"
            required
            options={dataOptions}
            {...form.bindValue("dataCategory")}
          />
          <Stack gap={4}>
            <Group gap="sm" align="flex-start" grow maw={420}>
              <NumberInput
                label={RETENTION_FIELD_LABELS.periodValue}
                description="How many"
                allowDecimal={false}
                allowNegative={false}
                hideControls
                value={form.values.periodValue}
                onChange={(value) => form.setValue("periodValue", String(value))}
                error={form.bind("periodValue").error}
                data-testid={`${form.testId}-periodValue`}
              />
              <NativeSelect
                label={RETENTION_FIELD_LABELS.periodUnit}
                description="Days … years"
                data={UNIT_DATA}
                {...form.bind("periodUnit")}
              />
            </Group>
            <Text size="xs" c="dimmed">
              A fixed period where you can give one; otherwise leave it empty and say below how you
              decide.
            </Text>
          </Stack>
          <TextInput
            label={RETENTION_FIELD_LABELS.triggerEvent}
            description="What starts the period, e.g. 'the end of the membership'."
            autoComplete="off"
            {...form.bind("triggerEvent")}
          />
          <Textarea
            label={RETENTION_FIELD_LABELS.criterion}
            description="Where no fixed period applies: the criterion used, e.g. 'until the member asks us to delete their profile'."
            autosize
            minRows={2}
            maxRows={6}
            {...form.bind("criterion")}
          />
          <Textarea
            label={RETENTION_FIELD_LABELS.justification}
            description="Why this long, e.g. a law that requires keeping the records."
            autosize
            minRows={2}
            maxRows={6}
            {...form.bind("justification")}
          />
          <NativeSelect
            label={RETENTION_FIELD_LABELS.endAction}
            description="What happens to the data when the period ends."
            data={END_ACTION_DATA}
            {...form.bind("endAction")}
          />
        </>
      ),
    }),
    [dataOptions],
  );

  return (
    <PartSection
      activityId={activityId}
      commands={retentionRules}
      testId="retentionRule"
      title="Retention"
      article="Art. 30(1)(f)"
      description="How long each category of data is kept, counted from what, and what happens at the end."
      noun="retention rule"
      emptyText="No retention rule recorded yet. Say how long the data is kept, per category where it differs."
      columns={["Data", "Kept for", "At the end"]}
      cells={(rule) => [
        categoryLabel(rule.dataCategory),
        <Stack gap={0} key="period">
          <Text size="sm">{retentionText(rule)}</Text>
          {rule.justification ? (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {rule.justification}
            </Text>
          ) : null}
        </Stack>,
        endActionLabel(rule.endAction),
      ]}
      nameOf={(rule) => `${categoryLabel(rule.dataCategory)}: ${retentionText(rule)}`}
      form={form}
    />
  );
}
