// The form for creating and editing one recipient or processor. The server validates;
// this form trims the text, sends empty dates as null, drops empty trailing
// sub-processors, and puts each message the server sends next to the input it names.
// Nothing the user typed is lost on an error. `?field=<name>` in the URL focuses that input
// (see useFocusFieldFromUrl), e.g. `dpaStatus` from the dashboard's findings.
import { Fieldset, Text, Textarea } from "@mantine/core";
import { ListedRecordFormLayout } from "../../components/RecordFormLayout";
import { TextListInput } from "../../components/TextListInput";
import { type FieldInputs, useFocusFieldFromUrl } from "../../components/useFocusFieldFromUrl";
import { useListedRecordForm } from "../../components/useListedRecordForm";
import type { Recipient } from "../../ipc";
import { RECIPIENT_KIND } from "./labels";
import {
  restoreRecipientOptions,
  useCreateRecipient,
  useDeleteRecipient,
  useUpdateRecipient,
} from "./queries";
import { DpaFieldset, OrganisationFieldset, TransfersFieldset } from "./RecipientFieldsets";
import { RECIPIENT_FIELDS, recipientFormValues, toRecipientInput } from "./recipientFormValues";

/** The inputs' test ids are `recipient-<field>`; the sub-processors' are
 *  `recipient-subProcessor-<i>`. */
const FIELD_INPUTS: FieldInputs = {
  prefixes: ["recipient"],
  aliases: { subProcessors: "subProcessor" },
};

export interface RecipientFormProps {
  /** The saved recipient when editing; null for a new one. */
  recipient: Recipient | null;
}

export function RecipientForm({ recipient }: RecipientFormProps) {
  const form = useListedRecordForm({
    kind: RECIPIENT_KIND,
    record: recipient,
    valuesOf: recipientFormValues,
    fields: RECIPIENT_FIELDS,
    toInput: toRecipientInput,
    create: useCreateRecipient(),
    update: useUpdateRecipient(recipient?.id ?? ""),
    remove: useDeleteRecipient(),
    restore: restoreRecipientOptions,
  });
  useFocusFieldFromUrl(form.formRef, FIELD_INPUTS);

  return (
    <ListedRecordFormLayout form={form} label="Recipient">
      {form.values.catalogueId ? (
        <Text size="xs" c="dimmed" data-testid="recipient-catalogue-note">
          {`Created from the processor catalogue entry '${form.values.catalogueId}'`}
        </Text>
      ) : null}

      <OrganisationFieldset form={form} />
      <DpaFieldset form={form} />

      <Fieldset legend="Sub-processors">
        <TextListInput
          {...form.bindTextList("subProcessors")}
          itemLabel="Sub-processor"
          addLabel="Add sub-processor"
          itemName="subProcessor"
          description="The processors this recipient engages in turn, by name (Art. 28(2) and (4))."
          placeholder="e.g. Amazon Web Services"
        />
      </Fieldset>

      <TransfersFieldset form={form} />

      <Fieldset legend="Notes">
        <Textarea
          aria-label="Notes"
          description="Anything else worth knowing, e.g. who at the recipient you deal with."
          autosize
          minRows={3}
          maxRows={12}
          {...form.bind("notes")}
        />
      </Fieldset>
    </ListedRecordFormLayout>
  );
}
