// Where the activity's data comes from (Art. 13/14): from the people themselves, and in
// which context, or from a source organisation and how the people are told about it
// (Art. 14(3)); which data; and whether it came from publicly accessible sources
// (Art. 14(2)(f)).
import { NativeSelect, Stack, Switch, Text, Textarea, TextInput } from "@mantine/core";
import { useMemo } from "react";
import { VocabularyMultiSelect } from "../../../components/VocabularyMultiSelect";
import { WithMarks } from "../../../components/WithMarks";
import { type ActivitySource, type ActivitySourceInput, activitySources } from "../../../ipc";
import { useSourceOrganisations } from "../../sources/queries";
import { DataCategoryList, dataCategoriesText } from "./DataCategoryList";
import { formatFields, textOrNull } from "./format";
import { parseSourceKind, SOURCE_KIND_OPTIONS, sourceKindLabel } from "./labels";
import { type PartFormConfig, PartSection } from "./PartSection";
import { SourceOrganisationSelect } from "./SourceOrganisationSelect";
import type { PartFields } from "./usePartForm";
import { useVocabularyOptions } from "./vocabulary";

export interface ActivitySourceValues {
  kind: string;
  context: string;
  /** The source organisation's id; "" for none. */
  sourceOrganisationId: string;
  dataCategories: string[];
  publiclyAccessible: boolean;
  /** For data received from an organisation: how and when the people are told. */
  notice: string;
}

export const ACTIVITY_SOURCE_FIELD_LABELS = {
  kind: "Where the data comes from",
  context: "Context",
  sourceOrganisationId: "Source organisation",
  dataCategories: "Data obtained this way",
  publiclyAccessible: "From publicly accessible sources",
  notice: "How people are told (Art. 14)",
} as const;

const FIELDS: PartFields<ActivitySourceValues> = {
  inputs: [
    "kind",
    "context",
    "sourceOrganisationId",
    "notice",
    "dataCategories",
    "publiclyAccessible",
  ],
  lists: ["dataCategories"],
  shown: (values, field) =>
    (field !== "sourceOrganisationId" && field !== "notice") || values.kind === "organisation",
};

export function activitySourceValues(source: ActivitySource | null): ActivitySourceValues {
  return {
    kind: source?.kind ?? "dataSubject",
    context: source?.context ?? "",
    sourceOrganisationId: source?.sourceOrganisationId ?? "",
    dataCategories: source ? [...source.dataCategories] : [],
    publiclyAccessible: source?.publiclyAccessible ?? false,
    notice: source?.notice ?? "",
  };
}

/** Data collected from the people themselves has no source organisation, and no notice
 *  of its own (Art. 13 applies when it is collected). */
export function toActivitySourceInput(
  values: ActivitySourceValues,
  activityId: string,
): ActivitySourceInput {
  const kind = parseSourceKind(values.kind);
  return {
    activityId,
    kind,
    context: values.context.trim(),
    sourceOrganisationId: kind === "organisation" ? textOrNull(values.sourceOrganisationId) : null,
    dataCategories: values.dataCategories.map((value) => value.trim()).filter(Boolean),
    publiclyAccessible: values.publiclyAccessible,
    notice: kind === "organisation" ? values.notice.trim() : "",
  };
}

const KIND_DATA = SOURCE_KIND_OPTIONS.map(({ value, label }) => ({ value, label }));

export function SourceSection({ activityId }: { activityId: string }) {
  const vocabulary = useVocabularyOptions();
  const { data: organisations } = useSourceOrganisations();
  const organisationNames = useMemo(
    () =>
      new Map((organisations ?? []).map((organisation) => [organisation.id, organisation.name])),
    [organisations],
  );

  function sourceName(source: ActivitySource): string {
    if (source.kind === "dataSubject") {
      return source.context ? `The people themselves: ${source.context}` : "The people themselves";
    }
    const name =
      source.sourceOrganisationId === null
        ? "An organisation not named"
        : (organisationNames.get(source.sourceOrganisationId) ??
          "A source organisation no longer on record");
    return source.context ? `${name}: ${source.context}` : name;
  }

  const form = useMemo<PartFormConfig<ActivitySource, ActivitySourceValues, ActivitySourceInput>>(
    () => ({
      valuesOf: activitySourceValues,
      fields: FIELDS,
      toInput: toActivitySourceInput,
      historyLabels: ACTIVITY_SOURCE_FIELD_LABELS,
      formatValue: formatFields({
        kind: (value) => sourceKindLabel(parseSourceKind(value)),
        sourceOrganisationId: (id) => organisationNames.get(id) ?? id,
        dataCategories: (value) => dataCategoriesText(value.split("; "), vocabulary),
      }),
      renderFields: (form) => {
        const fromOrganisation = form.values.kind === "organisation";
        return (
          <>
            <NativeSelect
              label={ACTIVITY_SOURCE_FIELD_LABELS.kind}
              description="People must be told about the processing when you collect their data (Art. 13), or within a month when you receive it from others (Art. 14)."
              data={KIND_DATA}
              {...form.bind("kind")}
            />
            {fromOrganisation ? (
              <SourceOrganisationSelect
                label={ACTIVITY_SOURCE_FIELD_LABELS.sourceOrganisationId}
                description="From the source organisations; add it there first if it is new."
                {...form.bindSelect("sourceOrganisationId")}
              />
            ) : null}
            <TextInput
              label={ACTIVITY_SOURCE_FIELD_LABELS.context}
              description={
                fromOrganisation
                  ? "How you receive it, e.g. 'monthly export of ticket buyers'."
                  : "Where the people give you the data, e.g. 'membership web form' or 'event check-in'."
              }
              autoComplete="off"
              {...form.bind("context")}
            />
            {fromOrganisation ? (
              <Textarea
                label={ACTIVITY_SOURCE_FIELD_LABELS.notice}
                description="How and when the people are told that you have their data — e.g. 'Eventbrite's checkout links to our privacy policy' — or why Art. 14(5) exempts it."
                autosize
                minRows={2}
                maxRows={8}
                {...form.bind("notice")}
              />
            ) : null}
            <VocabularyMultiSelect
              label={ACTIVITY_SOURCE_FIELD_LABELS.dataCategories}
              description="Which categories of data come from this source: choose from the list or type your own, then press Enter."
              placeholder="e.g. Identity, Email address"
              options={vocabulary.data}
              {...form.bindValue("dataCategories")}
            />
            <WithMarks marks={form.marksOf("publiclyAccessible")}>
              <Switch
                label={ACTIVITY_SOURCE_FIELD_LABELS.publiclyAccessible}
                description="Whether the data came from publicly accessible sources, which people must be told (Art. 14(2)(f))."
                {...form.bindChecked("publiclyAccessible")}
              />
            </WithMarks>
          </>
        );
      },
    }),
    [organisationNames, vocabulary],
  );

  return (
    <PartSection
      activityId={activityId}
      commands={activitySources}
      testId="activitySource"
      title="Sources"
      article="Art. 13, Art. 14"
      description="Where the data comes from: the people themselves, or another organisation. It decides what people must be told, and when."
      noun="source"
      emptyText="No source recorded yet."
      columns={["Source", "Data", "Publicly accessible"]}
      cells={(source) => [
        <Stack gap={0} key="source">
          <Text size="sm">{sourceName(source)}</Text>
          <Text size="xs" c="dimmed">
            {sourceKindLabel(source.kind)}
          </Text>
          {source.kind === "organisation" ? <NoticeSummary notice={source.notice} /> : null}
        </Stack>,
        <DataCategoryList key="data" values={source.dataCategories} vocabulary={vocabulary} />,
        source.publiclyAccessible ? "Yes" : "No",
      ]}
      nameOf={sourceName}
      form={form}
    />
  );
}

/** How the people are told about data received from an organisation, or that nobody has
 *  said yet. */
function NoticeSummary({ notice }: { notice: string }) {
  return notice ? (
    <Text size="xs" data-testid="activitySource-row-notice">
      {`How people are told: ${notice}`}
    </Text>
  ) : (
    <Text size="xs" c="orange" data-testid="activitySource-row-notice">
      How people are told: not recorded yet (Art. 14)
    </Text>
  );
}
