// The organisation form's values: how they are filled from the saved profile, which of them
// have an input on screen, and how they are turned into the command input.
import { type FormFields, formFields } from "../../components/formFields";
import type { Organisation, OrganisationInput, SecurityMeasure } from "../../ipc";

export interface OrganisationFormValues {
  legalName: string;
  address: string;
  contactEmail: string;
  dpoName: string;
  dpoContact: string;
  euRepresentative: string;
  supervisoryAuthority: string;
  /** As the number input holds it; "" when not recorded. */
  employeeCount: string;
  securityMeasures: SecurityMeasure[];
  securityNotes: string;
}

const INPUTS = formFields<OrganisationFormValues>([
  "legalName",
  "address",
  "contactEmail",
  "dpoName",
  "dpoContact",
  "euRepresentative",
  "supervisoryAuthority",
  "employeeCount",
  "securityNotes",
]);

/** Every value has an input; the ticked measures are one checkbox group, which shows the
 *  messages about the list and about any one of its items. */
export const ORGANISATION_FIELDS: FormFields<OrganisationFormValues> = {
  snapshot: INPUTS.snapshot,
  hasInput: (values, field) =>
    INPUTS.hasInput(values, field) ||
    field === "securityMeasures" ||
    field.startsWith("securityMeasures["),
};

/** The message for the checkbox group: about the list, or about one of its items. */
export function securityMeasuresError(fields: Readonly<Record<string, string>>) {
  const messages = Object.entries(fields)
    .filter(([field]) => field === "securityMeasures" || field.startsWith("securityMeasures["))
    .map(([, message]) => message);
  return messages.length > 0 ? messages.join(" ") : undefined;
}

export function organisationFormValues(organisation: Organisation): OrganisationFormValues {
  return {
    legalName: organisation.legalName,
    address: organisation.address,
    contactEmail: organisation.contactEmail,
    dpoName: organisation.dpoName,
    dpoContact: organisation.dpoContact,
    euRepresentative: organisation.euRepresentative,
    supervisoryAuthority: organisation.supervisoryAuthority,
    employeeCount: organisation.employeeCount === null ? "" : String(organisation.employeeCount),
    securityMeasures: [...organisation.securityMeasures],
    securityNotes: organisation.securityNotes,
  };
}

/** An empty input is "not recorded" (null); anything else goes to the server as a number,
 *  which checks it. */
function countOrNull(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === "") {
    return null;
  }
  const count = Number(trimmed);
  return Number.isFinite(count) ? count : null;
}

/** Builds the command input: trimmed text, the count as a number or null. */
export function toOrganisationInput(values: OrganisationFormValues): OrganisationInput {
  return {
    legalName: values.legalName.trim(),
    address: values.address.trim(),
    contactEmail: values.contactEmail.trim(),
    dpoName: values.dpoName.trim(),
    dpoContact: values.dpoContact.trim(),
    euRepresentative: values.euRepresentative.trim(),
    supervisoryAuthority: values.supervisoryAuthority.trim(),
    employeeCount: countOrNull(values.employeeCount),
    securityMeasures: [...values.securityMeasures],
    securityNotes: values.securityNotes.trim(),
  };
}
