// The organisation profile form. The server validates; messages land on the inputs they
// name, anything else in the alert at the top. Nothing typed is lost on an error.
import { Button, Fieldset, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { FormErrorAlert } from "../../components/FormErrorAlert";
import {
  NO_SERVER_ERRORS,
  type ServerErrors,
  splitServerErrors,
  withoutFieldError,
} from "../../components/serverErrors";
import { useUnsavedChangesGuard } from "../../components/UnsavedChangesGuard";
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

function isField(field: string): field is Field {
  return (FIELDS as readonly string[]).includes(field);
}

export interface OrganisationFormProps {
  organisation: Organisation;
}

export function OrganisationForm({ organisation }: OrganisationFormProps) {
  const mutation = useUpdateOrganisation();
  const [values, setValues] = useState<OrganisationInput>(() => valuesFrom(organisation));
  const [baseline, setBaseline] = useState(() => JSON.stringify(values));
  const [errors, setErrors] = useState<ServerErrors>(NO_SERVER_ERRORS);
  const [focusInvalid, setFocusInvalid] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const dirty = JSON.stringify(values) !== baseline;
  const { unsavedChangesModal } = useUnsavedChangesGuard(dirty);

  useEffect(() => {
    if (focusInvalid) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      setFocusInvalid(false);
    }
  }, [focusInvalid]);

  function setField(field: Field, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => withoutFieldError(current, field));
  }

  function save() {
    if (mutation.isPending) {
      return;
    }
    mutation.mutate(toOrganisationInput(values), {
      onSuccess: (saved) => {
        const next = valuesFrom(saved);
        setValues(next);
        setBaseline(JSON.stringify(next));
        setErrors(NO_SERVER_ERRORS);
        notifications.show({
          color: "teal",
          title: "Saved",
          message: "Organisation profile saved",
        });
      },
      onError: (error) => {
        const split = splitServerErrors(error, isField);
        setErrors(split);
        setFocusInvalid(Object.keys(split.fields).length > 0);
      },
    });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save();
  }

  useHotkeys([["mod+S", save]], []);

  /** The props every input shares: value, change handler, error and test id. */
  function bind(field: Field) {
    return {
      value: values[field],
      onChange: (event: { currentTarget: { value: string } }) =>
        setField(field, event.currentTarget.value),
      error: errors.fields[field],
      "data-testid": `org-${field}`,
    };
  }

  return (
    <>
      <form ref={formRef} onSubmit={handleSubmit} noValidate aria-label="Organisation profile">
        <Stack gap="lg" maw={760}>
          <FormErrorAlert messages={errors.general} />

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

          <Group gap="sm">
            <Button type="submit" loading={mutation.isPending} data-testid="org-save">
              Save
            </Button>
            <Text size="xs" c="dimmed">
              {dirty ? "Unsaved changes · Ctrl+S saves" : "Ctrl+S saves"}
            </Text>
          </Group>
        </Stack>
      </form>
      {unsavedChangesModal}
    </>
  );
}
