// Who the activity's data is disclosed to (Art. 30(1)(d)): recipients of the register with
// the role each plays for this activity, or a team inside the organisation; for joint
// controllers, the essence of their arrangement (Art. 26).
import { NativeSelect, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useMemo } from "react";
import {
  type ActivityRecipient,
  type ActivityRecipientInput,
  activityRecipients,
} from "../../../ipc";
import { useRecipientNames } from "../../recipients/queries";
import { RecipientSelect } from "../../recipients/RecipientSelect";
import { formatFields } from "./format";
import { parseRecipientRole, RECIPIENT_ROLE_OPTIONS, recipientRoleLabel } from "./labels";
import { type PartFormConfig, PartSection } from "./PartSection";
import type { PartFields } from "./usePartForm";

export interface ActivityRecipientValues {
  role: string;
  /** The recipient's id; "" for none. */
  recipientId: string;
  internalTeam: string;
  arrangement: string;
  purpose: string;
}

export const ACTIVITY_RECIPIENT_FIELD_LABELS = {
  role: "Role for this activity",
  recipientId: "Recipient",
  internalTeam: "Internal team",
  arrangement: "Arrangement between the joint controllers",
  purpose: "What they do with the data",
} as const;

const FIELDS: PartFields<ActivityRecipientValues> = {
  inputs: ["role", "recipientId", "internalTeam", "arrangement", "purpose"],
  shown: (values, field) => {
    const internal = values.role === "internal";
    if (field === "recipientId") return !internal;
    if (field === "internalTeam") return internal;
    if (field === "arrangement") return values.role === "jointController";
    return true;
  },
};

export function activityRecipientValues(link: ActivityRecipient | null): ActivityRecipientValues {
  return {
    role: link?.role ?? "processor",
    recipientId: link?.recipientId ?? "",
    internalTeam: link?.internalTeam ?? "",
    arrangement: link?.arrangement ?? "",
    purpose: link?.purpose ?? "",
  };
}

/** An internal team has no recipient of the register and an outside recipient no team;
 *  only joint controllers have an arrangement. What the role does not take is not sent. */
export function toActivityRecipientInput(
  values: ActivityRecipientValues,
  activityId: string,
): ActivityRecipientInput {
  const role = parseRecipientRole(values.role);
  const internal = role === "internal";
  return {
    activityId,
    recipientId: internal ? null : values.recipientId.trim() || null,
    internalTeam: internal ? values.internalTeam.trim() : "",
    role,
    arrangement: role === "jointController" ? values.arrangement.trim() : "",
    purpose: values.purpose.trim(),
  };
}

const ROLE_DATA = RECIPIENT_ROLE_OPTIONS.map(({ value, label }) => ({ value, label }));

function linkName(link: ActivityRecipient, names: ReadonlyMap<string, string>): string {
  if (link.role === "internal" || link.recipientId === null) {
    return link.internalTeam ? `${link.internalTeam} (internal)` : "An internal team";
  }
  return names.get(link.recipientId) ?? "A recipient no longer in the register";
}

export function RecipientLinkSection({ activityId }: { activityId: string }) {
  const names = useRecipientNames();
  const form = useMemo<
    PartFormConfig<ActivityRecipient, ActivityRecipientValues, ActivityRecipientInput>
  >(
    () => ({
      valuesOf: activityRecipientValues,
      fields: FIELDS,
      toInput: toActivityRecipientInput,
      historyLabels: ACTIVITY_RECIPIENT_FIELD_LABELS,
      formatValue: formatFields({
        recipientId: (id) => names.get(id) ?? id,
        role: (role) => recipientRoleLabel(parseRecipientRole(role)),
      }),
      renderFields: (form) => (
        <>
          <NativeSelect
            label={ACTIVITY_RECIPIENT_FIELD_LABELS.role}
            description="The role the recipient plays for this activity; the same organisation may play another for other activities."
            data={ROLE_DATA}
            {...form.bind("role")}
          />
          {form.values.role === "internal" ? (
            <TextInput
              label={ACTIVITY_RECIPIENT_FIELD_LABELS.internalTeam}
              description="The team inside the organisation that receives the data, e.g. 'Events team'."
              autoComplete="off"
              {...form.bind("internalTeam")}
            />
          ) : (
            <RecipientSelect
              label={ACTIVITY_RECIPIENT_FIELD_LABELS.recipientId}
              description="From the recipients register; add it there first if it is new."
              {...form.bindSelect("recipientId")}
            />
          )}
          {form.values.role === "jointController" ? (
            <Textarea
              label={ACTIVITY_RECIPIENT_FIELD_LABELS.arrangement}
              description="Joint controllers set out who does what (Art. 26): the essence of that arrangement, which people may ask to see."
              autosize
              minRows={2}
              maxRows={8}
              {...form.bind("arrangement")}
            />
          ) : null}
          <Textarea
            label={ACTIVITY_RECIPIENT_FIELD_LABELS.purpose}
            description="What the recipient does with the data for this activity, e.g. 'hosts the registration form'."
            autosize
            minRows={2}
            maxRows={6}
            {...form.bind("purpose")}
          />
        </>
      ),
    }),
    [names],
  );

  return (
    <PartSection
      activityId={activityId}
      commands={activityRecipients}
      testId="activityRecipient"
      title="Recipients"
      article="Art. 30(1)(d)"
      description="Who the data is disclosed to: processors, other controllers, authorities, and the teams inside the organisation that receive it."
      noun="recipient"
      emptyText="No recipient recorded yet. Add the processors and others who receive the data, or the internal teams."
      columns={["Recipient", "Role", "What they do"]}
      cells={(link) => [
        linkName(link, names),
        <Stack gap={0} key="role">
          <Text size="sm">{recipientRoleLabel(link.role)}</Text>
          {link.role === "jointController" && link.arrangement ? (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {link.arrangement}
            </Text>
          ) : null}
        </Stack>,
        link.purpose,
      ]}
      nameOf={(link) => linkName(link, names)}
      form={form}
    />
  );
}
