// The form for creating and editing one third party on the website: what it is and who
// runs it, what it collects for how long, whether it needs the visitor's consent, and the
// same organisation in the recipients register. The server validates; each message lands
// next to the input it names.
import { Fieldset, NativeSelect, Stack, Switch, Textarea, TextInput } from "@mantine/core";
import { ListedRecordFormLayout } from "../../components/RecordFormLayout";
import { useListedRecordForm } from "../../components/useListedRecordForm";
import { WithMarks } from "../../components/WithMarks";
import type { WebsiteThirdParty } from "../../ipc";
import { RecipientSelect } from "../recipients/RecipientSelect";
import { WEBSITE_FIELD_LABELS as LABELS, THIRD_PARTY_KIND_OPTIONS, WEBSITE_KIND } from "./labels";
import {
  restoreWebsiteThirdPartyOptions,
  useCreateWebsiteThirdParty,
  useDeleteWebsiteThirdParty,
  useUpdateWebsiteThirdParty,
} from "./queries";
import { toWebsiteInput, WEBSITE_FIELDS, websiteFormValues } from "./websiteFormValues";

const KIND_DATA = THIRD_PARTY_KIND_OPTIONS.map(({ value, label }) => ({ value, label }));

export interface WebsiteFormProps {
  /** The saved third party when editing; null for a new one. */
  thirdParty: WebsiteThirdParty | null;
}

export function WebsiteForm({ thirdParty }: WebsiteFormProps) {
  const form = useListedRecordForm({
    kind: WEBSITE_KIND,
    record: thirdParty,
    valuesOf: websiteFormValues,
    fields: WEBSITE_FIELDS,
    toInput: toWebsiteInput,
    create: useCreateWebsiteThirdParty(),
    update: useUpdateWebsiteThirdParty(thirdParty?.id ?? ""),
    remove: useDeleteWebsiteThirdParty(),
    restore: restoreWebsiteThirdPartyOptions,
  });

  return (
    <ListedRecordFormLayout form={form} label="Website third party">
      <Fieldset legend="The third party">
        <Stack gap="md">
          <TextInput
            label={LABELS.provider}
            description="Who runs it, e.g. 'YouTube (Google Ireland Limited)'."
            required
            autoComplete="off"
            {...form.bind("provider")}
          />
          <NativeSelect
            label={LABELS.kind}
            description="How it collects data: a cookie it sets, a tracking pixel, embedded content (videos, maps) or a script."
            data={KIND_DATA}
            maw={340}
            {...form.bind("kind")}
          />
          <TextInput
            label={LABELS.privacyPolicyUrl}
            description="A web address starting with https:// (or http://)"
            type="url"
            autoComplete="off"
            {...form.bind("privacyPolicyUrl")}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend="What it collects">
        <Stack gap="md">
          <Textarea
            label={LABELS.purpose}
            description="Why it is on the website, e.g. 'Show our conference talks'."
            autosize
            minRows={2}
            maxRows={8}
            {...form.bind("purpose")}
          />
          <Textarea
            label={LABELS.dataCollected}
            description="What it learns about visitors, e.g. 'IP address, device identifiers, pages viewed'."
            autosize
            minRows={2}
            maxRows={8}
            {...form.bind("dataCollected")}
          />
          <TextInput
            label={LABELS.duration}
            description="How long its cookies or data last, e.g. '13 months' or 'session'."
            autoComplete="off"
            maw={420}
            {...form.bind("duration")}
          />
          <WithMarks marks={form.marksOf("consentRequired")}>
            <Switch
              label={LABELS.consentRequired}
              description="On unless it is strictly necessary for something the visitor asked for: then it may run before they agree (ePrivacy Art. 5(3))."
              {...form.bindChecked("consentRequired")}
            />
          </WithMarks>
        </Stack>
      </Fieldset>

      <Fieldset legend="Recipients register">
        <RecipientSelect
          label={LABELS.recipientId}
          description="If the provider is in your recipients register (for instance as a processor), link its entry."
          {...form.bindSelect("recipientId")}
        />
      </Fieldset>

      <Fieldset legend={LABELS.notes}>
        <Textarea
          aria-label={LABELS.notes}
          description="Anything else worth knowing, e.g. where the cookie banner lists it."
          autosize
          minRows={3}
          maxRows={12}
          {...form.bind("notes")}
        />
      </Fieldset>
    </ListedRecordFormLayout>
  );
}
