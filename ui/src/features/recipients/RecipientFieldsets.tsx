// The groups of inputs of the recipient form: the organisation, its data processing
// agreement and its international transfers. The form owns the values and the messages.
import { Fieldset, Group, NativeSelect, Stack, Textarea, TextInput } from "@mantine/core";
import type { ChangeEvent } from "react";
import type { ServerErrors } from "../../components/serverErrors";
import { CountrySelect } from "./CountrySelect";
import { DPA_STATUS_OPTIONS, DPF_OPTIONS } from "./labels";
import type { RecipientFormValues, RecipientTextField } from "./recipientFormValues";

export interface RecipientFieldsetProps {
  values: RecipientFormValues;
  errors: ServerErrors;
  setField: (field: RecipientTextField, value: string) => void;
}

type FieldElement = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Value, change handler, message and test id of the input for one field. */
function bind({ values, errors, setField }: RecipientFieldsetProps, field: RecipientTextField) {
  return {
    value: values[field],
    onChange: (event: ChangeEvent<FieldElement>) => setField(field, event.currentTarget.value),
    error: errors.fields[field],
    "data-testid": `recipient-${field}`,
  };
}

const DPA_DATA = DPA_STATUS_OPTIONS.map(({ value, label }) => ({ value, label }));
const DPF_DATA = DPF_OPTIONS.map(({ value, label }) => ({ value, label }));

export function OrganisationFieldset(props: RecipientFieldsetProps) {
  return (
    <Fieldset legend="Organisation">
      <Stack gap="md">
        <TextInput
          label="Legal name"
          description="The name of the legal entity, e.g. 'The Rocket Science Group LLC'."
          required
          autoComplete="off"
          {...bind(props, "legalName")}
        />
        <TextInput
          label="Trading name"
          description="The name people know the service by, e.g. 'Mailchimp'."
          autoComplete="off"
          {...bind(props, "tradingName")}
        />
        <CountrySelect
          value={props.values.country}
          onChange={(code) => props.setField("country", code)}
          error={props.errors.fields.country}
        />
        <Textarea label="Address" autosize minRows={2} maxRows={6} {...bind(props, "address")} />
        <TextInput
          label="Contact"
          description="Who to contact about data protection, e.g. an email address or a web form."
          autoComplete="off"
          {...bind(props, "contact")}
        />
        <TextInput
          label="Privacy policy URL"
          description="https:// only"
          type="url"
          autoComplete="off"
          {...bind(props, "privacyPolicyUrl")}
        />
      </Stack>
    </Fieldset>
  );
}

export function DpaFieldset(props: RecipientFieldsetProps) {
  return (
    <Fieldset legend="Data processing agreement (Art. 28)">
      <Stack gap="md">
        <NativeSelect
          label="DPA status"
          description="A processor needs a signed agreement that meets Art. 28(3) GDPR."
          data={DPA_DATA}
          {...bind(props, "dpaStatus")}
        />
        <Group grow align="flex-start">
          <TextInput
            label="Signed on"
            description="When both sides had signed."
            type="date"
            {...bind(props, "dpaSigned")}
          />
          <TextInput
            label="Expires on"
            description="Leave empty if it does not expire."
            type="date"
            {...bind(props, "dpaExpires")}
          />
        </Group>
      </Stack>
    </Fieldset>
  );
}

export function TransfersFieldset(props: RecipientFieldsetProps) {
  return (
    <Fieldset legend="International transfers">
      <Stack gap="md">
        <NativeSelect
          label="EU-U.S. Data Privacy Framework"
          description="For recipients in the United States: whether they are on the official DPF list (dataprivacyframework.gov)."
          data={DPF_DATA}
          {...bind(props, "dpf")}
        />
        <TextInput
          label="DPF status verified on"
          description="When you last checked the official list."
          type="date"
          maw={340}
          {...bind(props, "dpfVerified")}
        />
      </Stack>
    </Fieldset>
  );
}
