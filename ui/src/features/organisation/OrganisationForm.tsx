// The organisation profile form. The server validates; messages land on the inputs they
// name, anything else in the alert at the top. Nothing typed is lost on an error.
// `?field=<name>` in the URL focuses that input (see useFocusFieldFromUrl).
import {
  Checkbox,
  Fieldset,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { CountrySelect } from "../../components/CountrySelect";
import { RecordFormLayout, SaveActions } from "../../components/RecordFormLayout";
import { baseOf } from "../../components/recordBase";
import { type FieldInputs, useFocusFieldFromUrl } from "../../components/useFocusFieldFromUrl";
import { useRecordForm } from "../../components/useRecordForm";
import type { Organisation, SecurityMeasure } from "../../ipc";
import { GDPR_REACH_OPTIONS, ORGANISATION_FIELD_LABELS, SECURITY_MEASURE_OPTIONS } from "./labels";
import {
  ORGANISATION_FIELDS,
  organisationFormValues,
  securityMeasuresError,
  toOrganisationInput,
} from "./organisationFormValues";
import { bindNumber, PolicySettingsFieldset } from "./PolicySettingsFieldset";
import { useUpdateOrganisation } from "./queries";

/** The ticked measures in the checklist's order, so that ticking and unticking again
 *  leaves no unsaved change. */
function inChecklistOrder(ticked: readonly string[]): SecurityMeasure[] {
  return SECURITY_MEASURE_OPTIONS.map(({ value }) => value).filter((value) =>
    ticked.includes(value),
  );
}

/** The inputs' test ids: `org-<field>`, or `organisation-<field>` for the policy settings
 *  and the checklists' boxes (`organisation-<field>-<value>`). */
const FIELD_INPUTS: FieldInputs = { prefixes: ["org", "organisation"] };

export interface OrganisationFormProps {
  organisation: Organisation;
}

export function OrganisationForm({ organisation }: OrganisationFormProps) {
  const form = useRecordForm({
    initialValues: () => organisationFormValues(organisation),
    record: { base: baseOf(organisation), values: () => organisationFormValues(organisation) },
    // One profile per register, whose id the form does not know.
    marks: { kind: "organisation", id: null },
    labels: ORGANISATION_FIELD_LABELS,
    fields: ORGANISATION_FIELDS,
    toInput: toOrganisationInput,
    mutation: useUpdateOrganisation(),
    afterSave: { showSaved: organisationFormValues },
    savedMessage: () => "Organisation profile saved",
    testId: "org",
  });
  const { bind, values, errors } = form;
  useFocusFieldFromUrl(form.formRef, FIELD_INPUTS);

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
          <CountrySelect
            description="Where the organisation is established: its registered office or main place of business."
            {...form.bindSelect("country")}
          />
          <NativeSelect
            label={ORGANISATION_FIELD_LABELS.gdprReach}
            description="Art. 3 GDPR. It decides whether you need a representative in the EU, which authority leads for you and what the privacy policy says about where data goes."
            data={GDPR_REACH_OPTIONS.map(({ value, label }) => ({ value, label }))}
            {...bind("gdprReach")}
          />
          <TextInput
            label="Contact email"
            description="Where people and the supervisory authority can reach you about data protection."
            type="email"
            autoComplete="email"
            {...bind("contactEmail")}
          />
          <NumberInput
            label="Number of employees"
            description="With 250 or more, every processing activity must be recorded (Art. 30(5) GDPR). Leave empty if you do not know."
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator={false}
            hideControls
            maw={240}
            {...bindNumber(form, "employeeCount")}
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
            description="Required by Art. 27 when your organisation is outside the EU and offers its services to, or monitors, people in it. Name and contact details."
            autosize
            minRows={2}
            maxRows={6}
            {...bind("euRepresentative")}
          />
          <TextInput
            label="Supervisory authority"
            description="The data protection authority that leads for you, if you are established in the EU (Art. 56). Outside the EU you have none: the policy then names it only as one people may also contact."
            {...bind("supervisoryAuthority")}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend="Organisation-wide security measures (Art. 32)">
        <Stack gap="md">
          <Checkbox.Group
            label="Measures that protect all your processing"
            description="Tick what is in place across the organisation. Each activity's record refers to these and adds its own."
            value={values.securityMeasures}
            onChange={(ticked) => form.setValue("securityMeasures", inChecklistOrder(ticked))}
            error={securityMeasuresError(errors.fields)}
            inputContainer={form.containerOf("securityMeasures")}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm" mt="xs">
              {SECURITY_MEASURE_OPTIONS.map((option) => (
                <Checkbox
                  key={option.value}
                  value={option.value}
                  label={option.label}
                  description={option.description}
                  data-testid={`organisation-securityMeasures-${option.value}`}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea
            label="Security notes"
            description="Anything the checklist does not say, e.g. where backups are kept. Needed when you tick 'Other measures'."
            autosize
            minRows={2}
            maxRows={8}
            {...bind("securityNotes")}
            data-testid="organisation-securityNotes"
          />
        </Stack>
      </Fieldset>

      <PolicySettingsFieldset form={form} />
    </RecordFormLayout>
  );
}
