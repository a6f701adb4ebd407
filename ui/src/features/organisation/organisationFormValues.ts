// The organisation form's values: how they are filled from the saved profile, which of them
// have an input on screen, and how they are turned into the command input.
import { type FormFields, formFields } from "../../components/formFields";
import type {
  ConfirmedNone,
  GdprReach,
  Organisation,
  OrganisationInput,
  OtherDisclosure,
  SecurityMeasure,
} from "../../ipc";

export interface OrganisationFormValues {
  legalName: string;
  address: string;
  /** ISO code; "" when not recorded. */
  country: string;
  /** A GdprReach; "" when not recorded. */
  gdprReach: string;
  contactEmail: string;
  dpoName: string;
  dpoContact: string;
  euRepresentative: string;
  supervisoryAuthority: string;
  /** As the number input holds it; "" when not recorded. */
  employeeCount: string;
  securityMeasures: SecurityMeasure[];
  securityNotes: string;
  /** The websites, apps and events the privacy policy covers, one tag each. */
  policyScope: string[];
  /** YYYY-MM-DD as typed; "" when not recorded. */
  policyEffectiveDate: string;
  /** As the number input holds it; "" when not recorded. */
  minimumAge: string;
  /** As the number input holds it; "" for the legal maximum of one month. */
  rightsResponseDays: string;
  breachNotification: string;
  cookieControls: string;
  communicationsOptOut: string;
  deidentifiedData: string;
  policyChangeNotice: string;
  otherDisclosures: OtherDisclosure[];
  confirmedNone: ConfirmedNone[];
}

/** The values that are a list shown by one input (a checkbox group or a tags input), which
 *  shows the messages about the list and about any one of its items. */
export type OrganisationListField =
  | "securityMeasures"
  | "policyScope"
  | "otherDisclosures"
  | "confirmedNone";

const LIST_FIELDS: readonly OrganisationListField[] = [
  "securityMeasures",
  "policyScope",
  "otherDisclosures",
  "confirmedNone",
];

const INPUTS = formFields<OrganisationFormValues>([
  "legalName",
  "address",
  "country",
  "gdprReach",
  "contactEmail",
  "dpoName",
  "dpoContact",
  "euRepresentative",
  "supervisoryAuthority",
  "employeeCount",
  "securityNotes",
  "policyEffectiveDate",
  "minimumAge",
  "rightsResponseDays",
  "breachNotification",
  "cookieControls",
  "communicationsOptOut",
  "deidentifiedData",
  "policyChangeNotice",
]);

function isAbout(list: OrganisationListField, field: string): boolean {
  return field === list || field.startsWith(`${list}[`);
}

/** Every value has an input; each list is one input that shows the messages about the
 *  list and about any one of its items (e.g. "policyScope[1]"). */
export const ORGANISATION_FIELDS: FormFields<OrganisationFormValues> = {
  comparable: INPUTS.comparable,
  snapshot: INPUTS.snapshot,
  hasInput: (values, field) =>
    INPUTS.hasInput(values, field) || LIST_FIELDS.some((list) => isAbout(list, field)),
};

/** The message for a list's input: about the list, or about any of its items. */
export function listError(
  fields: Readonly<Record<string, string>>,
  list: OrganisationListField,
): string | undefined {
  const messages = Object.entries(fields)
    .filter(([field]) => isAbout(list, field))
    .map(([, message]) => message);
  return messages.length > 0 ? messages.join(" ") : undefined;
}

/** The message for the checkbox group of the security measures. */
export function securityMeasuresError(fields: Readonly<Record<string, string>>) {
  return listError(fields, "securityMeasures");
}

function numberText(value: number | null): string {
  return value === null ? "" : String(value);
}

export function organisationFormValues(organisation: Organisation): OrganisationFormValues {
  return {
    legalName: organisation.legalName,
    address: organisation.address,
    country: organisation.country,
    gdprReach: organisation.gdprReach ?? "",
    contactEmail: organisation.contactEmail,
    dpoName: organisation.dpoName,
    dpoContact: organisation.dpoContact,
    euRepresentative: organisation.euRepresentative,
    supervisoryAuthority: organisation.supervisoryAuthority,
    employeeCount: numberText(organisation.employeeCount),
    securityMeasures: [...organisation.securityMeasures],
    securityNotes: organisation.securityNotes,
    policyScope: [...organisation.policyScope],
    policyEffectiveDate: organisation.policyEffectiveDate ?? "",
    minimumAge: numberText(organisation.minimumAge),
    rightsResponseDays: numberText(organisation.rightsResponseDays),
    breachNotification: organisation.breachNotification,
    cookieControls: organisation.cookieControls,
    communicationsOptOut: organisation.communicationsOptOut,
    deidentifiedData: organisation.deidentifiedData,
    policyChangeNotice: organisation.policyChangeNotice,
    otherDisclosures: [...organisation.otherDisclosures],
    confirmedNone: [...organisation.confirmedNone],
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

/** Trimmed text, or null when nothing is left. */
function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

const GDPR_REACHES: readonly GdprReach[] = [
  "euEstablishment",
  "offersToPeopleInEu",
  "monitorsPeopleInEu",
  "offersAndMonitors",
  "notApplicable",
];

/** The select's value as a reach, or null for "not recorded". */
function parseGdprReach(value: string): GdprReach | null {
  return GDPR_REACHES.find((reach) => reach === value) ?? null;
}

/** Builds the command input: trimmed text, and numbers and the date or null. */
export function toOrganisationInput(values: OrganisationFormValues): OrganisationInput {
  return {
    legalName: values.legalName.trim(),
    address: values.address.trim(),
    country: values.country.trim(),
    gdprReach: parseGdprReach(values.gdprReach),
    contactEmail: values.contactEmail.trim(),
    dpoName: values.dpoName.trim(),
    dpoContact: values.dpoContact.trim(),
    euRepresentative: values.euRepresentative.trim(),
    supervisoryAuthority: values.supervisoryAuthority.trim(),
    employeeCount: countOrNull(values.employeeCount),
    securityMeasures: [...values.securityMeasures],
    securityNotes: values.securityNotes.trim(),
    // Every tag, in order, so that the server's "policyScope[1]" names the second one.
    policyScope: values.policyScope.map((item) => item.trim()),
    policyEffectiveDate: textOrNull(values.policyEffectiveDate),
    minimumAge: countOrNull(values.minimumAge),
    rightsResponseDays: countOrNull(values.rightsResponseDays),
    breachNotification: values.breachNotification.trim(),
    cookieControls: values.cookieControls.trim(),
    communicationsOptOut: values.communicationsOptOut.trim(),
    deidentifiedData: values.deidentifiedData.trim(),
    policyChangeNotice: values.policyChangeNotice.trim(),
    otherDisclosures: [...values.otherDisclosures],
    confirmedNone: [...values.confirmedNone],
  };
}
