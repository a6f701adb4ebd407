// The activity's transfers outside the EEA (Art. 30(1)(e)): to whom, to which country, on
// which ground of Chapter V, with the safeguards and, after an Art. 46 safeguard, the
// transfer impact assessment.
import { NativeSelect, Stack, Switch, Text, Textarea, TextInput } from "@mantine/core";
import { useMemo } from "react";
import { CountryLabel } from "../../../components/CountryLabel";
import { CountrySelect } from "../../../components/CountrySelect";
import { useCountryNames } from "../../../components/countries";
import { WithMarks } from "../../../components/WithMarks";
import { type Transfer, type TransferInput, transfers } from "../../../ipc";
import { useRecipientNames } from "../../recipients/queries";
import { RecipientSelect } from "../../recipients/RecipientSelect";
import { formatFields, textOrNull } from "./format";
import {
  parseTransferMechanism,
  TRANSFER_MECHANISM_GROUPS,
  TRANSFER_MECHANISM_OPTIONS,
  transferMechanismLabel,
} from "./labels";
import { type PartFormConfig, PartSection } from "./PartSection";
import type { PartFields } from "./usePartForm";

export interface TransferValues {
  /** The recipient's id; "" for none. */
  recipientId: string;
  /** ISO code; "" for none. */
  country: string;
  /** A TransferMechanism, or "" while not chosen. */
  mechanism: string;
  safeguards: string;
  tiaDone: boolean;
  /** YYYY-MM-DD as the date input holds it, or "". */
  tiaDate: string;
  notes: string;
}

export const TRANSFER_FIELD_LABELS = {
  recipientId: "Recipient abroad",
  country: "Country",
  mechanism: "Transfer mechanism",
  safeguards: "Safeguards",
  tiaDone: "Transfer impact assessment done",
  tiaDate: "Assessed on",
  notes: "Notes",
} as const;

const FIELDS: PartFields<TransferValues> = {
  inputs: ["recipientId", "country", "mechanism", "safeguards", "tiaDone", "tiaDate", "notes"],
  shown: (values, field) => field !== "tiaDate" || values.tiaDone,
};

export function transferValues(transfer: Transfer | null): TransferValues {
  return {
    recipientId: transfer?.recipientId ?? "",
    country: transfer?.country ?? "",
    mechanism: transfer?.mechanism ?? "",
    safeguards: transfer?.safeguards ?? "",
    tiaDone: transfer?.tiaDone ?? false,
    tiaDate: transfer?.tiaDate ?? "",
    notes: transfer?.notes ?? "",
  };
}

/** Empty choices are null; the assessment's date goes only with an assessment done. */
export function toTransferInput(values: TransferValues, activityId: string): TransferInput {
  return {
    activityId,
    recipientId: textOrNull(values.recipientId),
    country: values.country.trim(),
    mechanism: parseTransferMechanism(values.mechanism),
    safeguards: values.safeguards.trim(),
    tiaDone: values.tiaDone,
    tiaDate: values.tiaDone ? textOrNull(values.tiaDate) : null,
    notes: values.notes.trim(),
  };
}

const MECHANISM_DATA = [
  { value: "", label: "— choose —" },
  ...TRANSFER_MECHANISM_GROUPS.map(({ group, options }) => ({
    group,
    items: options.map(({ value, label }) => ({ value, label })),
  })),
];

function isArticle46(mechanism: string): boolean {
  return (
    TRANSFER_MECHANISM_OPTIONS.find((option) => option.value === mechanism)?.article.startsWith(
      "Art. 46",
    ) ?? false
  );
}

/** Whether the transfer impact assessment is done, missing (Art. 46 transfers need one), or
 *  not needed (adequacy, the DPF and derogations); shared with the Transfers overview. */
export function TiaCell({ transfer }: { transfer: Transfer }) {
  if (transfer.tiaDone) {
    return <Text size="sm">{transfer.tiaDate ? `Done on ${transfer.tiaDate}` : "Done"}</Text>;
  }
  if (!transfer.mechanism) {
    return (
      <Text size="sm" c="dimmed">
        Depends on the mechanism
      </Text>
    );
  }
  if (isArticle46(transfer.mechanism)) {
    return (
      <Text size="sm" c="orange">
        Not done yet
      </Text>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      Not needed
    </Text>
  );
}

export function TransferSection({ activityId }: { activityId: string }) {
  const names = useRecipientNames();
  const countryNames = useCountryNames();
  const recipientName = (id: string | null) =>
    id === null ? "No recipient named" : (names.get(id) ?? "A recipient no longer in the register");

  const form = useMemo<PartFormConfig<Transfer, TransferValues, TransferInput>>(
    () => ({
      valuesOf: transferValues,
      fields: FIELDS,
      toInput: toTransferInput,
      historyLabels: TRANSFER_FIELD_LABELS,
      formatValue: formatFields({
        recipientId: (id) => names.get(id) ?? id,
        country: (code) => countryNames.get(code) ?? code,
        mechanism: (value) => transferMechanismLabel(parseTransferMechanism(value)),
      }),
      renderFields: (form) => (
        <>
          <RecipientSelect
            label={TRANSFER_FIELD_LABELS.recipientId}
            description="Who receives the data outside the EEA, from the recipients register."
            {...form.bindSelect("recipientId")}
          />
          <CountrySelect
            description="Where the data goes: a country outside the EEA."
            {...form.bindSelect("country")}
          />
          <NativeSelect
            label={TRANSFER_FIELD_LABELS.mechanism}
            description="The ground in Chapter V GDPR that allows the transfer."
            data={MECHANISM_DATA}
            {...form.bind("mechanism")}
          />
          <Textarea
            label={TRANSFER_FIELD_LABELS.safeguards}
            description={
              form.values.mechanism === "compellingLegitimateInterests"
                ? "Required for this derogation (Art. 49(1), Art. 30(1)(e)): the safeguards you put in place."
                : "Supplementary measures, e.g. encryption with keys held in the EU."
            }
            autosize
            minRows={2}
            maxRows={8}
            {...form.bind("safeguards")}
          />
          <Stack gap="xs">
            <WithMarks marks={form.marksOf("tiaDone")}>
              <Switch
                label={TRANSFER_FIELD_LABELS.tiaDone}
                description={
                  isArticle46(form.values.mechanism)
                    ? "Expected after an Art. 46 safeguard: an assessment of the law and practice of the destination (Schrems II)."
                    : "An assessment of the law and practice of the destination country."
                }
                {...form.bindChecked("tiaDone")}
              />
            </WithMarks>
            {form.values.tiaDone ? (
              <TextInput
                label={TRANSFER_FIELD_LABELS.tiaDate}
                description="When the assessment was made or last reviewed."
                type="date"
                maw={340}
                {...form.bind("tiaDate")}
              />
            ) : null}
          </Stack>
          <Textarea
            label={TRANSFER_FIELD_LABELS.notes}
            autosize
            minRows={2}
            maxRows={8}
            {...form.bind("notes")}
          />
        </>
      ),
    }),
    [names, countryNames],
  );

  return (
    <PartSection
      activityId={activityId}
      commands={transfers}
      testId="transfer"
      title="Transfers outside the EEA"
      article="Art. 30(1)(e)"
      description="Where data leaves the European Economic Area: the recipient, the country and the legal ground of Chapter V GDPR."
      noun="transfer"
      emptyText="No transfer recorded. If a recipient keeps or accesses the data outside the EEA, record it here."
      columns={["Recipient", "Country", "Mechanism", "Impact assessment"]}
      cells={(transfer) => [
        recipientName(transfer.recipientId),
        <CountryLabel key="country" code={transfer.country} countryNames={countryNames} />,
        transfer.mechanism ? (
          transferMechanismLabel(transfer.mechanism)
        ) : (
          <Text key="mechanism" size="sm" c="orange">
            Not chosen
          </Text>
        ),
        <TiaCell key="tia" transfer={transfer} />,
      ]}
      nameOf={(transfer) =>
        `${recipientName(transfer.recipientId)} → ${countryNames.get(transfer.country) ?? transfer.country}`
      }
      form={form}
    />
  );
}
