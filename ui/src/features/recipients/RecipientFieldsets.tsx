// The groups of inputs of the recipient form: the organisation, its data processing
// agreement and its international transfers. The form owns the values and the messages.
import { Fieldset, Group, NativeSelect, Stack, Textarea, TextInput } from "@mantine/core";
import { CountrySelect } from "../../components/CountrySelect";
import type { RecordFormFields } from "../../components/useRecordForm";
import { DPA_STATUS_OPTIONS, DPF_OPTIONS } from "./labels";
import type { RecipientFormValues } from "./recipientFormValues";

export interface RecipientFieldsetProps {
  form: RecordFormFields<RecipientFormValues>;
}

const DPA_DATA = DPA_STATUS_OPTIONS.map(({ value, label }) => ({ value, label }));
const DPF_DATA = DPF_OPTIONS.map(({ value, label }) => ({ value, label }));

export function OrganisationFieldset({ form }: RecipientFieldsetProps) {
  return (
    <Fieldset legend="Organisation">
      <Stack gap="md">
        <TextInput
          label="Legal name"
          description="The name of the legal entity, e.g. 'The Rocket Science Group LLC'."
          required
          autoComplete="off"
          {...form.bind("legalName")}
        />
        <TextInput
          label="Trading name"
          description="The name people know the service by, e.g. 'Mailchimp'."
          autoComplete="off"
          {...form.bind("tradingName")}
        />
        <CountrySelect {...form.bindSelect("country")} />
        <Textarea label="Address" autosize minRows={2} maxRows={6} {...form.bind("address")} />
        <TextInput
          label="Contact"
          description="Who to contact about data protection, e.g. an email address or a web form."
          autoComplete="off"
          {...form.bind("contact")}
        />
        <TextInput
          label="Privacy policy URL"
          description="A web address starting with https:// (or http://)"
          type="url"
          autoComplete="off"
          {...form.bind("privacyPolicyUrl")}
        />
      </Stack>
    </Fieldset>
  );
}

export function DpaFieldset({ form }: RecipientFieldsetProps) {
  return (
    <Fieldset legend="Data processing agreement (Art. 28)">
      <Stack gap="md">
        <NativeSelect
          label="DPA status"
          description="A processor needs a signed agreement that meets Art. 28(3) GDPR."
          data={DPA_DATA}
          {...form.bind("dpaStatus")}
        />
        <Group grow align="flex-start">
          <TextInput
            label="Signed on"
            description="When both sides had signed."
            type="date"
            {...form.bind("dpaSigned")}
          />
          <TextInput
            label="Expires on"
            description="Leave empty if it does not expire."
            type="date"
            {...form.bind("dpaExpires")}
          />
        </Group>
        <TextInput
          label="Signed DPA kept at"
          description="Where the signed agreement is filed: a link, or a folder and file name."
          placeholder="e.g. Contracts/2026/DPA-Hetzner.pdf, or a link"
          autoComplete="off"
          {...form.bind("dpaReference")}
        />
      </Stack>
    </Fieldset>
  );
}

export function TransfersFieldset({ form }: RecipientFieldsetProps) {
  return (
    <Fieldset legend="International transfers">
      <Stack gap="md">
        <NativeSelect
          label="EU-U.S. Data Privacy Framework"
          description="For recipients in the United States: whether they are on the official DPF list (dataprivacyframework.gov)."
          data={DPF_DATA}
          {...form.bind("dpf")}
        />
        <TextInput
          label="DPF status verified on"
          description="When you last checked the official list."
          type="date"
          maw={340}
          {...form.bind("dpfVerified")}
        />
      </Stack>
    </Fieldset>
  );
}
