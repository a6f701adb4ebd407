// The source organisation form's values: how they are filled from a saved one, which of
// them have an input on screen, and how they are turned into the command input.
import { formFields } from "../../components/formFields";
import type { SourceOrganisation, SourceOrganisationInput } from "../../ipc";

export interface SourceFormValues {
  name: string;
  /** ISO 3166-1 alpha-2 code; "" when not chosen. */
  country: string;
  contact: string;
  privacyPolicyUrl: string;
  notes: string;
  /** The linked recipient's id; "" for no link. */
  recipientId: string;
}

export const SOURCE_FIELDS = formFields<SourceFormValues>([
  "name",
  "country",
  "contact",
  "privacyPolicyUrl",
  "notes",
  "recipientId",
]);

export function sourceFormValues(source: SourceOrganisation | null): SourceFormValues {
  return {
    name: source?.name ?? "",
    country: source?.country ?? "",
    contact: source?.contact ?? "",
    privacyPolicyUrl: source?.privacyPolicyUrl ?? "",
    notes: source?.notes ?? "",
    recipientId: source?.recipientId ?? "",
  };
}

/** Builds the command input: trimmed text, null for no linked recipient. */
export function toSourceInput(values: SourceFormValues): SourceOrganisationInput {
  return {
    name: values.name.trim(),
    country: values.country.trim(),
    contact: values.contact.trim(),
    privacyPolicyUrl: values.privacyPolicyUrl.trim(),
    notes: values.notes.trim(),
    recipientId: values.recipientId || null,
  };
}
