// The activity's purposes (Art. 30(1)(b)), each with its own Art. 6(1) legal basis: for
// legitimate interests the interest pursued and where the balancing test is kept, for
// consent how consent is recorded.
import { NativeSelect, Stack, Text, Textarea, TextInput } from "@mantine/core";
import type { Purpose, PurposeInput } from "../../../ipc";
import { purposes } from "../../../ipc";
import { formatFields } from "./format";
import { LEGAL_BASIS_OPTIONS, legalBasisLabel, NOT_DECIDED_LABEL, parseLegalBasis } from "./labels";
import { type PartFormConfig, PartSection } from "./PartSection";
import type { PartFields } from "./usePartForm";

export interface PurposeValues {
  description: string;
  /** A LegalBasis, or "" while not yet decided. */
  legalBasis: string;
  legitimateInterest: string;
  liaReference: string;
  consentRecord: string;
}

export const PURPOSE_FIELD_LABELS = {
  description: "Purpose",
  legalBasis: "Legal basis",
  legitimateInterest: "Legitimate interest",
  liaReference: "Balancing test kept at",
  consentRecord: "Consent record",
} as const;

const LI_FIELDS = new Set(["legitimateInterest", "liaReference"]);

const PURPOSE_FIELDS: PartFields<PurposeValues> = {
  inputs: ["description", "legalBasis", "legitimateInterest", "liaReference", "consentRecord"],
  shown: (values, field) =>
    LI_FIELDS.has(field)
      ? values.legalBasis === "legitimateInterests"
      : field === "consentRecord"
        ? values.legalBasis === "consent"
        : true,
};

export function purposeValues(purpose: Purpose | null): PurposeValues {
  return {
    description: purpose?.description ?? "",
    legalBasis: purpose?.legalBasis ?? "",
    legitimateInterest: purpose?.legitimateInterest ?? "",
    liaReference: purpose?.liaReference ?? "",
    consentRecord: purpose?.consentRecord ?? "",
  };
}

/** What belongs to another basis than the one chosen is not sent: switching the basis
 *  drops the interest, the balancing test or the consent record with it. */
export function toPurposeInput(values: PurposeValues, activityId: string): PurposeInput {
  const legalBasis = parseLegalBasis(values.legalBasis);
  const li = legalBasis === "legitimateInterests";
  return {
    activityId,
    description: values.description.trim(),
    legalBasis,
    legitimateInterest: li ? values.legitimateInterest.trim() : "",
    liaReference: li ? values.liaReference.trim() : "",
    consentRecord: legalBasis === "consent" ? values.consentRecord.trim() : "",
  };
}

const BASIS_DATA = [
  { value: "", label: NOT_DECIDED_LABEL },
  ...LEGAL_BASIS_OPTIONS.map(({ value, label }) => ({ value, label })),
];

const PURPOSE_FORM: PartFormConfig<Purpose, PurposeValues, PurposeInput> = {
  valuesOf: purposeValues,
  fields: PURPOSE_FIELDS,
  toInput: toPurposeInput,
  historyLabels: PURPOSE_FIELD_LABELS,
  formatValue: formatFields({
    legalBasis: (value) => legalBasisLabel(parseLegalBasis(value)),
  }),
  renderFields: (form) => (
    <>
      <Textarea
        label={PURPOSE_FIELD_LABELS.description}
        description="What the data is used for, in a sentence, e.g. 'Send the member newsletter'."
        required
        autosize
        minRows={2}
        maxRows={8}
        {...form.bind("description")}
      />
      <NativeSelect
        label={PURPOSE_FIELD_LABELS.legalBasis}
        description="The ground in Art. 6(1) GDPR that makes this purpose lawful."
        data={BASIS_DATA}
        {...form.bind("legalBasis")}
      />
      {form.values.legalBasis === "legitimateInterests" ? (
        <>
          <Textarea
            label={PURPOSE_FIELD_LABELS.legitimateInterest}
            description="The interest pursued, as you tell people (Art. 13(1)(d)), e.g. 'keeping supporters informed of our work'."
            autosize
            minRows={2}
            maxRows={8}
            {...form.bind("legitimateInterest")}
          />
          <TextInput
            label={PURPOSE_FIELD_LABELS.liaReference}
            description="Where the legitimate interests assessment (the balancing test) is kept: a link, or a folder and file name."
            autoComplete="off"
            {...form.bind("liaReference")}
          />
        </>
      ) : null}
      {form.values.legalBasis === "consent" ? (
        <TextInput
          label={PURPOSE_FIELD_LABELS.consentRecord}
          description="How and where consent is recorded, so that you can show it was given (Art. 7(1)), e.g. 'sign-up checkbox, logged in CiviCRM'."
          autoComplete="off"
          {...form.bind("consentRecord")}
        />
      ) : null}
    </>
  ),
};

function purposeDetails(purpose: Purpose) {
  if (purpose.legalBasis === "legitimateInterests") {
    return (
      <Stack gap={0}>
        <Text size="sm">{purpose.legitimateInterest}</Text>
        {purpose.liaReference ? (
          <Text size="xs" c="dimmed">{`Balancing test: ${purpose.liaReference}`}</Text>
        ) : null}
      </Stack>
    );
  }
  if (purpose.legalBasis === "consent" && purpose.consentRecord) {
    return <Text size="sm">{`Consent recorded: ${purpose.consentRecord}`}</Text>;
  }
  return null;
}

export function PurposeSection({ activityId }: { activityId: string }) {
  return (
    <PartSection
      activityId={activityId}
      commands={purposes}
      testId="purpose"
      title="Purposes"
      article="Art. 30(1)(b), Art. 6(1)"
      description="Why the data is processed, one purpose at a time, each with the legal basis that makes it lawful."
      noun="purpose"
      emptyText="No purpose recorded yet. The record of processing must name the purposes (Art. 30(1)(b))."
      columns={["Purpose", "Legal basis", "Details"]}
      cells={(purpose) => [
        purpose.description,
        purpose.legalBasis ? (
          legalBasisLabel(purpose.legalBasis)
        ) : (
          <Text key="basis" size="sm" c="orange">
            Not yet decided
          </Text>
        ),
        purposeDetails(purpose),
      ]}
      nameOf={(purpose) => purpose.description}
      form={PURPOSE_FORM}
    />
  );
}
