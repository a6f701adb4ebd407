// The form for creating and editing one source organisation: who it is, how to reach it,
// and, when it is also one, the same organisation in the recipients register. The server
// validates; each message lands next to the input it names. `?field=<name>` in the URL
// focuses that input (see useFocusFieldFromUrl), e.g. from the dashboard's findings.
import { Fieldset, Stack, Textarea, TextInput } from "@mantine/core";
import { CountrySelect } from "../../components/CountrySelect";
import { ListedRecordFormLayout } from "../../components/RecordFormLayout";
import { type FieldInputs, useFocusFieldFromUrl } from "../../components/useFocusFieldFromUrl";
import { useListedRecordForm } from "../../components/useListedRecordForm";
import type { SourceOrganisation } from "../../ipc";
import { RecipientSelect } from "../recipients/RecipientSelect";
import { SOURCE_FIELD_LABELS as LABELS, SOURCE_KIND } from "./labels";
import {
  restoreSourceOrganisationOptions,
  useCreateSourceOrganisation,
  useDeleteSourceOrganisation,
  useUpdateSourceOrganisation,
} from "./queries";
import { SOURCE_FIELDS, sourceFormValues, toSourceInput } from "./sourceFormValues";

/** The inputs' test ids are `source-<field>`. */
const FIELD_INPUTS: FieldInputs = { prefixes: ["source"] };

export interface SourceFormProps {
  /** The saved source organisation when editing; null for a new one. */
  source: SourceOrganisation | null;
}

export function SourceForm({ source }: SourceFormProps) {
  const form = useListedRecordForm({
    kind: SOURCE_KIND,
    record: source,
    valuesOf: sourceFormValues,
    fields: SOURCE_FIELDS,
    toInput: toSourceInput,
    create: useCreateSourceOrganisation(),
    update: useUpdateSourceOrganisation(source?.id ?? ""),
    remove: useDeleteSourceOrganisation(),
    restore: restoreSourceOrganisationOptions,
  });
  useFocusFieldFromUrl(form.formRef, FIELD_INPUTS);

  return (
    <ListedRecordFormLayout form={form} label="Source organisation">
      <Fieldset legend="Organisation">
        <Stack gap="md">
          <TextInput
            label={LABELS.name}
            description="The name people know it by, e.g. 'Eventbrite' or 'City Volunteer Centre'."
            required
            autoComplete="off"
            {...form.bind("name")}
          />
          <CountrySelect {...form.bindSelect("country")} />
          <TextInput
            label={LABELS.contact}
            description="Who to contact about data protection, e.g. an email address or a web form."
            autoComplete="off"
            {...form.bind("contact")}
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

      <Fieldset legend="Recipients register">
        <RecipientSelect
          label={LABELS.recipientId}
          description="If you also pass personal data to this organisation (an event platform both collects registrations and processes them for you), link its entry."
          {...form.bindSelect("recipientId")}
        />
      </Fieldset>

      <Fieldset legend={LABELS.notes}>
        <Textarea
          aria-label={LABELS.notes}
          description="Anything else worth knowing, e.g. which data they pass on and how often."
          autosize
          minRows={3}
          maxRows={12}
          {...form.bind("notes")}
        />
      </Fieldset>
    </ListedRecordFormLayout>
  );
}
