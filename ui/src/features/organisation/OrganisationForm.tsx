// The organisation profile form. The server validates; messages land on the inputs they
// name, anything else in the alert at the top. Nothing typed is lost on an error.
import { Fieldset, Stack, Textarea, TextInput } from "@mantine/core";
import { formFields } from "../../components/formFields";
import { RecordFormLayout, SaveActions } from "../../components/RecordFormLayout";
import { useRecordForm } from "../../components/useRecordForm";
import type { Organisation, OrganisationInput } from "../../ipc";
import { useUpdateOrganisation } from "./queries";

type Field = keyof OrganisationInput;

const FIELDS: readonly Field[] = [
  "legalName",
  "address",
  "contactEmail",
  "dpoName",
  "dpoContact",
  "euRepresentative",
  "supervisoryAuthority",
];

const ORGANISATION_FIELDS = formFields<OrganisationInput>(FIELDS);

function valuesFrom(organisation: Organisation): OrganisationInput {
  return {
    legalName: organisation.legalName,
    address: organisation.address,
    contactEmail: organisation.contactEmail,
    dpoName: organisation.dpoName,
    dpoContact: organisation.dpoContact,
    euRepresentative: organisation.euRepresentative,
    supervisoryAuthority: organisation.supervisoryAuthority,
  };
}

export function toOrganisationInput(values: OrganisationInput): OrganisationInput {
  const trimmed = { ...values };
  for (const field of FIELDS) {
    trimmed[field] = values[field].trim();
  }
  return trimmed;
}

export interface OrganisationFormProps {
  organisation: Organisation;
}

export function OrganisationForm({ organisation }: OrganisationFormProps) {
  const form = useRecordForm({
    initialValues: () => valuesFrom(organisation),
    fields: ORGANISATION_FIELDS,
    toInput: toOrganisationInput,
    mutation: useUpdateOrganisation(),
    afterSave: { showSaved: valuesFrom },
    savedMessage: () => "Organisation profile saved",
    testId: "org",
  });
  const { bind } = form;

  return (
    <RecordFormLayout
      form={form}
      label="Organisation profile"
      actions={<SaveActions form={form} />}
    >
      <Fieldset legend="Controller">
        <Stack gap="md">
          <TextInput
            label="Legal name"
            description="The organisation's full registered name: the controller responsible for the processing."
            autoComplete="organization"
            {...bind("legalName")}
          />
          <Textarea
            label="Address"
            description="Postal address of the registered office."
            autosize
            minRows={2}
            maxRows={6}
            {...bind("address")}
          />
          <TextInput
            label="Contact email"
            description="Where people and the supervisory authority can reach you about data protection."
            type="email"
            autoComplete="email"
            {...bind("contactEmail")}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend="Data protection officer">
        <Stack gap="md">
          <TextInput
            label="DPO name"
            description="Your data protection officer, if you have appointed one (Art. 37 GDPR). Leave empty if not."
            {...bind("dpoName")}
          />
          <TextInput
            label="DPO contact"
            description="How to reach the DPO: an email address or phone number."
            {...bind("dpoContact")}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend="Representation and supervision">
        <Stack gap="md">
          <Textarea
            label="EU representative"
            description="Art. 27 representative, if your organisation is outside the EU but serves people in it. Name and contact details."
            autosize
            minRows={2}
            maxRows={6}
            {...bind("euRepresentative")}
          />
          <TextInput
            label="Supervisory authority"
            description="The data protection authority responsible for you, e.g. your national or regional authority."
            {...bind("supervisoryAuthority")}
          />
        </Stack>
      </Fieldset>
    </RecordFormLayout>
  );
}
