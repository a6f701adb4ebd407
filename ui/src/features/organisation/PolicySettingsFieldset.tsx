// The organisation profile's privacy policy settings: the facts a privacy policy states
// that belong to no one activity (what it covers, from when, children, how requests,
// breaches, cookies and emails are handled, and disclosures such as court orders).
import {
  Checkbox,
  Fieldset,
  NumberInput,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from "@mantine/core";
import type { RecordFormFields } from "../../components/useRecordForm";
import {
  CONFIRMED_NONE_OPTIONS,
  ORGANISATION_FIELD_LABELS as LABELS,
  OTHER_DISCLOSURE_OPTIONS,
} from "./labels";
import { listError, type OrganisationFormValues } from "./organisationFormValues";

type Form = RecordFormFields<OrganisationFormValues>;

/** The values edited with a NumberInput, held as the text it shows. */
export type OrganisationNumberField = "employeeCount" | "minimumAge" | "rightsResponseDays";

/** Value, change handler, message and test id (`organisation-<field>`) of a NumberInput. */
export function bindNumber(form: Form, field: OrganisationNumberField) {
  const value = form.values[field];
  return {
    value,
    onChange: (next: string | number) => {
      // The input reports its value again on blur: only a change clears the message.
      if (String(next) !== value) {
        form.setField(field, String(next));
      }
    },
    error: form.errors.fields[field],
    "data-testid": `organisation-${field}`,
    inputContainer: form.containerOf(field),
  };
}

/** The options ticked, in the checklist's order, so that ticking and unticking again
 *  leaves no unsaved change. */
function inOptionOrder<T extends string>(
  options: ReadonlyArray<{ value: T }>,
  ticked: readonly string[],
): T[] {
  return options.map(({ value }) => value).filter((value) => ticked.includes(value));
}

type PolicyTextField =
  | "breachNotification"
  | "cookieControls"
  | "communicationsOptOut"
  | "deidentifiedData"
  | "policyChangeNotice";

const TEXT_FIELDS: ReadonlyArray<{ field: PolicyTextField; description: string }> = [
  {
    field: "breachNotification",
    description:
      "E.g. 'We email everyone affected without undue delay and tell the supervisory authority within 72 hours.'",
  },
  {
    field: "cookieControls",
    description: "E.g. the cookie banner's settings link, or the browser settings that block them.",
  },
  {
    field: "communicationsOptOut",
    description:
      "E.g. the unsubscribe link in every newsletter, or an email to the contact address.",
  },
  {
    field: "deidentifiedData",
    description:
      "What you do with data that no longer identifies anyone, e.g. membership statistics.",
  },
  {
    field: "policyChangeNotice",
    description: "E.g. 'We publish the new version on the website and email members.'",
  },
];

export function PolicySettingsFieldset({ form }: { form: Form }) {
  const { values, errors } = form;

  return (
    <Fieldset legend="Privacy policy settings">
      <Stack gap="md">
        <TagsInput
          label={LABELS.policyScope}
          description="Each website, app or event the privacy policy applies to, e.g. 'riverside-garden.example'. Press Enter after each."
          value={values.policyScope}
          onChange={(tags) => form.setValue("policyScope", tags)}
          error={listError(errors.fields, "policyScope")}
          inputContainer={form.containerOf("policyScope")}
          clearable
          data-testid="organisation-policyScope"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <TextInput
            label={LABELS.policyEffectiveDate}
            description="From when the policy applies (YYYY-MM-DD)."
            placeholder="2026-03-01"
            autoComplete="off"
            {...form.bind("policyEffectiveDate")}
            data-testid="organisation-policyEffectiveDate"
          />
          <NumberInput
            label={LABELS.minimumAge}
            description="Below it, you do not knowingly collect data. Leave empty if none."
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator={false}
            hideControls
            {...bindNumber(form, "minimumAge")}
          />
          <NumberInput
            label={LABELS.rightsResponseDays}
            description="At most one month by law (Art. 12(3) GDPR)."
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator={false}
            hideControls
            {...bindNumber(form, "rightsResponseDays")}
          />
        </SimpleGrid>
        {TEXT_FIELDS.map(({ field, description }) => (
          <Textarea
            key={field}
            label={LABELS[field]}
            description={description}
            autosize
            minRows={2}
            maxRows={8}
            {...form.bind(field)}
            data-testid={`organisation-${field}`}
          />
        ))}
        <Checkbox.Group
          label="Other disclosures"
          description="Disclosures outside any one activity that the policy should mention. Tick those you may make."
          value={values.otherDisclosures}
          onChange={(ticked) =>
            form.setValue("otherDisclosures", inOptionOrder(OTHER_DISCLOSURE_OPTIONS, ticked))
          }
          error={listError(errors.fields, "otherDisclosures")}
          inputContainer={form.containerOf("otherDisclosures")}
        >
          <Stack gap="xs" mt="xs">
            {OTHER_DISCLOSURE_OPTIONS.map((option) => (
              <Checkbox
                key={option.value}
                value={option.value}
                label={option.label}
                data-testid={`organisation-otherDisclosures-${option.value}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Checkbox.Group
          label={LABELS.confirmedNone}
          description="The policy says the organisation does not do these only when you tick them here and no activity records otherwise; until then it shows a placeholder to complete."
          value={values.confirmedNone}
          onChange={(ticked) =>
            form.setValue("confirmedNone", inOptionOrder(CONFIRMED_NONE_OPTIONS, ticked))
          }
          error={listError(errors.fields, "confirmedNone")}
          inputContainer={form.containerOf("confirmedNone")}
        >
          <Stack gap="xs" mt="xs">
            {CONFIRMED_NONE_OPTIONS.map((option) => (
              <Checkbox
                key={option.value}
                value={option.value}
                label={option.label}
                data-testid={`organisation-confirmedNone-${option.value}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      </Stack>
    </Fieldset>
  );
}
