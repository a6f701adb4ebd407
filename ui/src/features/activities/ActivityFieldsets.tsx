// The groups of inputs of the activity form, one per part of the record: what the activity
// is, the organisation's role, providing the data, automated decisions, the DPIA, whether
// Art. 30 requires the record, and the security measures. The form owns the values and
// the messages; the two checklists are bound with `bindChoices`.
import {
  Alert,
  Anchor,
  Checkbox,
  Fieldset,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { Link } from "react-router";
import { TextListInput } from "../../components/TextListInput";
import type { RecordFormFields } from "../../components/useRecordForm";
import { WithMarks } from "../../components/WithMarks";
import {
  type ActivityFormValues,
  bindChoices,
  type ChoiceField,
  splitChoices,
} from "./activityFormValues";
import {
  DPIA_CRITERION_OPTIONS,
  DPIA_LIKELY_FROM,
  DPIA_STATUS_OPTIONS,
  ACTIVITY_FIELD_LABELS as LABELS,
  type Option,
  PROVISION_OPTIONS,
  provisionIsRequired,
  ROLE_OPTIONS,
  SECURITY_MEASURE_OPTIONS,
  STATUS_OPTIONS,
} from "./labels";

export interface ActivityFieldsetProps {
  form: RecordFormFields<ActivityFormValues>;
}

const selectData = (options: ReadonlyArray<Option<string>>) =>
  options.map(({ value, label }) => ({ value, label }));

export function AboutFieldset({ form }: ActivityFieldsetProps) {
  return (
    <Fieldset legend="About the activity">
      <Stack gap="md">
        <TextInput
          label={LABELS.name}
          description="A short name people in your organisation recognise, e.g. 'Member administration'."
          required
          autoComplete="off"
          {...form.bind("name")}
        />
        <Textarea
          label={LABELS.description}
          description="What happens with the data, in a few sentences."
          autosize
          minRows={3}
          maxRows={12}
          {...form.bind("description")}
        />
        <NativeSelect
          label={LABELS.status}
          description="Draft while you are still describing it; Retired once you no longer process data this way."
          data={selectData(STATUS_OPTIONS)}
          {...form.bind("status")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={LABELS.businessFunction}
            description="The team or area, e.g. 'Events' or 'Fundraising'."
            autoComplete="off"
            {...form.bind("businessFunction")}
          />
          <TextInput
            label={LABELS.owner}
            description="Who answers for it: a person or a role."
            autoComplete="off"
            {...form.bind("owner")}
          />
        </SimpleGrid>
        <TextListInput
          {...form.bindTextList("systems")}
          itemLabel="System"
          addLabel="Add system"
          itemName="system"
          description="The software and services used, one per line, e.g. 'CiviCRM' or 'Mailchimp'."
          placeholder="e.g. CiviCRM"
        />
        <Textarea
          label={LABELS.dataLocation}
          description="Where the data is kept, e.g. 'Hetzner data centre, Germany' or 'Paper files in the office'."
          autosize
          minRows={1}
          maxRows={6}
          {...form.bind("dataLocation")}
        />
        <TextInput
          label={LABELS.nextReview}
          description="When to check this entry again."
          type="date"
          maw={260}
          {...form.bind("nextReview")}
        />
      </Stack>
    </Fieldset>
  );
}

export function RoleFieldset({ form }: ActivityFieldsetProps) {
  const processor = form.values.role === "processor";
  return (
    <Fieldset legend="Role">
      <Stack gap="md">
        <NativeSelect
          label={LABELS.role}
          description="Most activities are your own. As a processor you keep a shorter record (Art. 30(2))."
          data={selectData(ROLE_OPTIONS)}
          {...form.bind("role")}
        />
        {processor ? (
          <>
            <TextInput
              label={LABELS.controllerName}
              description="The organisation on whose behalf you carry out this activity (Art. 30(2)(a))."
              required
              autoComplete="off"
              {...form.bind("controllerName")}
            />
            <Textarea
              label={LABELS.controllerContact}
              description="How to reach the controller, and its data protection officer if it has one."
              autosize
              minRows={2}
              maxRows={6}
              {...form.bind("controllerContact")}
            />
          </>
        ) : null}
      </Stack>
    </Fieldset>
  );
}

export function ProvisionFieldset({ form }: ActivityFieldsetProps) {
  return (
    <Fieldset legend="Providing the data">
      <Stack gap="md">
        <NativeSelect
          label={LABELS.provisionRequirement}
          description="Your privacy notice must say whether people have to give you the data (Art. 13(2)(e))."
          data={selectData(PROVISION_OPTIONS)}
          {...form.bind("provisionRequirement")}
        />
        <Textarea
          label={LABELS.provisionConsequence}
          description="What happens if people do not provide the data, e.g. 'we cannot register the membership'."
          required={provisionIsRequired(form.values.provisionRequirement)}
          autosize
          minRows={2}
          maxRows={6}
          {...form.bind("provisionConsequence")}
        />
      </Stack>
    </Fieldset>
  );
}

export function AutomatedDecisionsFieldset({ form }: ActivityFieldsetProps) {
  const { automatedDecisions, profiling, admLogic } = form.values;
  return (
    <Fieldset legend="Automated decisions">
      <Stack gap="md">
        <WithMarks marks={form.marksOf("automatedDecisions")}>
          <Switch
            label={LABELS.automatedDecisions}
            description="A computer decides about people without anyone reviewing the decision, with legal or similarly significant effects (Art. 22)."
            {...form.bindChecked("automatedDecisions")}
          />
        </WithMarks>
        <WithMarks marks={form.marksOf("profiling")}>
          <Switch
            label={LABELS.profiling}
            description="Automated evaluation of people's interests, behaviour, reliability and the like (Art. 4(4))."
            {...form.bindChecked("profiling")}
          />
        </WithMarks>
        {automatedDecisions || profiling || admLogic !== "" ? (
          <Textarea
            label={LABELS.admLogic}
            description="The logic involved, what it means for people and what consequences it has for them (Art. 13(2)(f))."
            required={automatedDecisions}
            autosize
            minRows={3}
            maxRows={10}
            {...form.bind("admLogic")}
          />
        ) : null}
      </Stack>
    </Fieldset>
  );
}

/** A checkbox group for a checklist value; test ids `activity-<field>` on the group and
 *  `activity-<field>-<value>` on each checkbox. */
function Checklist({
  form,
  field,
  options,
  label,
  description,
}: ActivityFieldsetProps & {
  field: ChoiceField;
  options: ReadonlyArray<Option<string>>;
  label: string;
  description: string;
}) {
  return (
    <Checkbox.Group
      label={label}
      description={description}
      {...bindChoices(form, field, options)}
      inputContainer={form.containerOf(field)}
      data-testid={`activity-${field}`}
    >
      <Stack gap="xs" mt="xs">
        {options.map(({ value, label: optionLabel }) => (
          <Checkbox
            key={value}
            value={value}
            label={optionLabel}
            data-testid={`activity-${field}-${value}`}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

export function DpiaFieldset({ form }: ActivityFieldsetProps) {
  const met = splitChoices(form.values.dpiaCriteria, DPIA_CRITERION_OPTIONS).length;
  return (
    <Fieldset legend="DPIA">
      <Stack gap="md">
        <Checklist
          form={form}
          field="dpiaCriteria"
          options={DPIA_CRITERION_OPTIONS}
          label="Which of these apply?"
          description="The nine criteria of the European guidelines on data protection impact assessments (WP248). Tick every one that fits."
        />
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="activity-dpia-count">
          {`${met} of ${DPIA_CRITERION_OPTIONS.length} criteria apply.`}
        </Text>
        {met >= DPIA_LIKELY_FROM ? (
          <Alert color="yellow" variant="light" data-testid="activity-dpia-hint">
            {`${DPIA_LIKELY_FROM} or more: a DPIA is likely required (Art. 35). Carry one out before the processing starts, or explain in the notes why it is not needed.`}
          </Alert>
        ) : null}
        <NativeSelect
          label={LABELS.dpiaStatus}
          description="Where the data protection impact assessment stands."
          data={selectData(DPIA_STATUS_OPTIONS)}
          {...form.bind("dpiaStatus")}
        />
        <TextInput
          label={LABELS.dpiaReference}
          description="Where the DPIA is kept: a link or a file reference."
          required={form.values.dpiaStatus === "completed"}
          autoComplete="off"
          {...form.bind("dpiaReference")}
        />
        <Textarea
          label={LABELS.dpiaNotes}
          description="The outcome of the screening, or why no DPIA is needed."
          autosize
          minRows={2}
          maxRows={10}
          {...form.bind("dpiaNotes")}
        />
      </Stack>
    </Fieldset>
  );
}

export function RecordRequiredFieldset({ form }: ActivityFieldsetProps) {
  return (
    <Fieldset legend="Is the record required? (Art. 30(5))">
      <Stack gap="md">
        <Text size="sm">
          An organisation with fewer than 250 employees need not record an activity that is
          occasional, unlikely to result in a risk to people, and includes no special-category or
          criminal-offence data. Keeping it in the record is still good practice.
        </Text>
        <WithMarks marks={form.marksOf("occasional")}>
          <Switch
            label="The processing is occasional"
            description="It happens now and then, not as a regular part of your work."
            {...form.bindChecked("occasional")}
          />
        </WithMarks>
        <WithMarks marks={form.marksOf("riskToRights")}>
          <Switch
            label="It is likely to result in a risk to people's rights and freedoms"
            description="For example because of the kind of data, the number of people or how it is used."
            {...form.bindChecked("riskToRights")}
          />
        </WithMarks>
      </Stack>
    </Fieldset>
  );
}

export function SecurityFieldset({ form }: ActivityFieldsetProps) {
  const other = splitChoices(form.values.securityMeasures, SECURITY_MEASURE_OPTIONS).includes(
    "other",
  );
  return (
    <Fieldset legend="Security measures">
      <Stack gap="md">
        <Text size="sm">
          Tick what protects this activity's data in particular. Measures that apply to the whole
          organisation are set on the{" "}
          <Anchor component={Link} to="/organisation" inherit>
            Organisation page
          </Anchor>{" "}
          and count for every activity.
        </Text>
        <Checklist
          form={form}
          field="securityMeasures"
          options={SECURITY_MEASURE_OPTIONS}
          label="Measures for this activity"
          description="The technical and organisational measures of Art. 32 (Art. 30(1)(g))."
        />
        <Textarea
          label={LABELS.securityNotes}
          description="Details, and what the other measures are if you ticked 'Other measures'."
          required={other}
          autosize
          minRows={2}
          maxRows={10}
          {...form.bind("securityNotes")}
        />
      </Stack>
    </Fieldset>
  );
}
