// Human-readable labels for the enums of an activity's parts (purposes, people and
// their data, sources, recipients, transfers, retention), as option arrays for the
// selects and helpers for the tables.
import type {
  Art9Condition,
  EndAction,
  LegalBasis,
  PeriodUnit,
  RecipientRole,
  SourceKind,
  TransferMechanism,
} from "../../../ipc";

export interface Option<T extends string> {
  value: T;
  label: string;
}

/** The Art. 6(1) bases a purpose can rest on (each purpose has its own). */
export const LEGAL_BASIS_OPTIONS: ReadonlyArray<Option<LegalBasis> & { short: string }> = [
  { value: "consent", label: "Consent — Art. 6(1)(a)", short: "Consent" },
  { value: "contract", label: "Contract — Art. 6(1)(b)", short: "Contract" },
  { value: "legalObligation", label: "Legal obligation — Art. 6(1)(c)", short: "Legal obligation" },
  { value: "vitalInterests", label: "Vital interests — Art. 6(1)(d)", short: "Vital interests" },
  { value: "publicTask", label: "Public task — Art. 6(1)(e)", short: "Public task" },
  {
    value: "legitimateInterests",
    label: "Legitimate interests — Art. 6(1)(f)",
    short: "Legitimate interests",
  },
];

export const NOT_DECIDED_LABEL = "— not yet decided —";

/** The basis with its article, e.g. "Contract — Art. 6(1)(b)"; "" for none. */
export function legalBasisLabel(value: LegalBasis | null | undefined): string {
  if (!value) return "";
  return LEGAL_BASIS_OPTIONS.find((option) => option.value === value)?.label ?? value;
}

export function parseLegalBasis(value: string): LegalBasis | null {
  return LEGAL_BASIS_OPTIONS.find((option) => option.value === value)?.value ?? null;
}

/** A transfer mechanism's option, with the group of Chapter V it belongs to. */
export interface TransferMechanismOption extends Option<TransferMechanism> {
  /** Its name without the article, for tables. */
  short: string;
  article: string;
  group: string;
}

function mechanism(
  value: TransferMechanism,
  short: string,
  article: string,
  group: string,
): TransferMechanismOption {
  return { value, short, article, group, label: `${short} — ${article}` };
}

const ADEQUACY = "Adequacy decision (Art. 45)";
const SAFEGUARDS = "Appropriate safeguards (Art. 46)";
const DEROGATIONS = "Derogations for specific situations (Art. 49)";

/** All 18 Chapter V mechanisms, in the order of the GDPR, grouped by article. */
export const TRANSFER_MECHANISM_OPTIONS: ReadonlyArray<TransferMechanismOption> = [
  mechanism("adequacy", "Adequacy decision", "Art. 45", ADEQUACY),
  mechanism("dpf", "EU-U.S. Data Privacy Framework", "Art. 45", ADEQUACY),
  mechanism(
    "publicAuthorityInstrument",
    "Legally binding instrument between public authorities",
    "Art. 46(2)(a)",
    SAFEGUARDS,
  ),
  mechanism("bcrs", "Binding corporate rules", "Art. 46(2)(b), Art. 47", SAFEGUARDS),
  mechanism("sccs", "Standard contractual clauses", "Art. 46(2)(c)", SAFEGUARDS),
  mechanism(
    "supervisoryAuthorityClauses",
    "Clauses adopted by a supervisory authority",
    "Art. 46(2)(d)",
    SAFEGUARDS,
  ),
  mechanism("codeOfConduct", "Approved code of conduct", "Art. 46(2)(e)", SAFEGUARDS),
  mechanism("certification", "Approved certification mechanism", "Art. 46(2)(f)", SAFEGUARDS),
  mechanism(
    "authorisedContractualClauses",
    "Contractual clauses authorised by the supervisory authority",
    "Art. 46(3)(a)",
    SAFEGUARDS,
  ),
  mechanism(
    "administrativeArrangement",
    "Administrative arrangement between public authorities",
    "Art. 46(3)(b)",
    SAFEGUARDS,
  ),
  mechanism("explicitConsent", "Explicit consent of the person", "Art. 49(1)(a)", DEROGATIONS),
  mechanism(
    "contractWithSubject",
    "Necessary for a contract with the person",
    "Art. 49(1)(b)",
    DEROGATIONS,
  ),
  mechanism(
    "contractInSubjectsInterest",
    "Necessary for a contract in the person's interest",
    "Art. 49(1)(c)",
    DEROGATIONS,
  ),
  mechanism("publicInterest", "Important reasons of public interest", "Art. 49(1)(d)", DEROGATIONS),
  mechanism("legalClaims", "Legal claims", "Art. 49(1)(e)", DEROGATIONS),
  mechanism("vitalInterests", "Vital interests", "Art. 49(1)(f)", DEROGATIONS),
  mechanism("publicRegister", "Transfer from a public register", "Art. 49(1)(g)", DEROGATIONS),
  mechanism(
    "compellingLegitimateInterests",
    "Compelling legitimate interests",
    "Art. 49(1), second subparagraph",
    DEROGATIONS,
  ),
];

/** The mechanisms grouped by article, for a select with option groups. */
export const TRANSFER_MECHANISM_GROUPS: ReadonlyArray<{
  group: string;
  options: ReadonlyArray<TransferMechanismOption>;
}> = [ADEQUACY, SAFEGUARDS, DEROGATIONS].map((group) => ({
  group,
  options: TRANSFER_MECHANISM_OPTIONS.filter((option) => option.group === group),
}));

/** The mechanism with its article, e.g. "Standard contractual clauses — Art. 46(2)(c)". */
export function transferMechanismLabel(value: TransferMechanism | null | undefined): string {
  if (!value) return "";
  return TRANSFER_MECHANISM_OPTIONS.find((option) => option.value === value)?.label ?? value;
}

export function parseTransferMechanism(value: string): TransferMechanism | null {
  return TRANSFER_MECHANISM_OPTIONS.find((option) => option.value === value)?.value ?? null;
}

export const RECIPIENT_ROLE_OPTIONS: ReadonlyArray<Option<RecipientRole>> = [
  { value: "processor", label: "Processor" },
  { value: "subProcessor", label: "Sub-processor" },
  { value: "jointController", label: "Joint controller (Art. 26)" },
  { value: "independentController", label: "Independent controller" },
  { value: "publicAuthority", label: "Public authority" },
  { value: "internal", label: "Internal team" },
];

export function recipientRoleLabel(value: RecipientRole | null | undefined): string {
  if (!value) return "";
  return RECIPIENT_ROLE_OPTIONS.find((option) => option.value === value)?.label ?? value;
}

export function parseRecipientRole(value: string): RecipientRole {
  return RECIPIENT_ROLE_OPTIONS.find((option) => option.value === value)?.value ?? "processor";
}

export const PERIOD_UNIT_OPTIONS: ReadonlyArray<Option<PeriodUnit>> = [
  { value: "days", label: "Days" },
  { value: "weeks", label: "Weeks" },
  { value: "months", label: "Months" },
  { value: "years", label: "Years" },
];

export function parsePeriodUnit(value: string): PeriodUnit | null {
  return PERIOD_UNIT_OPTIONS.find((option) => option.value === value)?.value ?? null;
}

const UNIT_WORDS: Record<PeriodUnit, [string, string]> = {
  days: ["day", "days"],
  weeks: ["week", "weeks"],
  months: ["month", "months"],
  years: ["year", "years"],
};

/** A period in words, e.g. "2 years", "1 month"; "" when there is no period. */
export function periodText(
  value: number | bigint | null | undefined,
  unit: PeriodUnit | null | undefined,
): string {
  if (value === null || value === undefined) return "";
  const count = Number(value);
  if (!unit) return String(count);
  const [one, many] = UNIT_WORDS[unit] ?? [unit, unit];
  return `${count} ${count === 1 ? one : many}`;
}

export const END_ACTION_OPTIONS: ReadonlyArray<Option<EndAction>> = [
  { value: "erase", label: "Erase" },
  { value: "anonymise", label: "Anonymise" },
  { value: "review", label: "Review, then erase or keep with a new justification" },
];

export function endActionLabel(value: EndAction | null | undefined): string {
  if (!value) return "";
  return END_ACTION_OPTIONS.find((option) => option.value === value)?.label ?? value;
}

export function parseEndAction(value: string): EndAction {
  return END_ACTION_OPTIONS.find((option) => option.value === value)?.value ?? "erase";
}

export const ART9_CONDITION_OPTIONS: ReadonlyArray<Option<Art9Condition>> = [
  { value: "explicitConsent", label: "Explicit consent — Art. 9(2)(a)" },
  {
    value: "employmentSocialSecurity",
    label: "Employment and social security law — Art. 9(2)(b)",
  },
  { value: "vitalInterests", label: "Vital interests — Art. 9(2)(c)" },
  {
    value: "notForProfitBody",
    label: "Members of a not-for-profit body — Art. 9(2)(d)",
  },
  { value: "manifestlyMadePublic", label: "Manifestly made public by the person — Art. 9(2)(e)" },
  { value: "legalClaims", label: "Legal claims — Art. 9(2)(f)" },
  { value: "substantialPublicInterest", label: "Substantial public interest — Art. 9(2)(g)" },
  { value: "healthOrSocialCare", label: "Health or social care — Art. 9(2)(h)" },
  { value: "publicHealth", label: "Public health — Art. 9(2)(i)" },
  {
    value: "archivingResearchStatistics",
    label: "Archiving, research or statistics — Art. 9(2)(j)",
  },
];

export function art9ConditionLabel(value: Art9Condition | null | undefined): string {
  if (!value) return "";
  return ART9_CONDITION_OPTIONS.find((option) => option.value === value)?.label ?? value;
}

export function parseArt9Condition(value: string): Art9Condition | null {
  return ART9_CONDITION_OPTIONS.find((option) => option.value === value)?.value ?? null;
}

export const SOURCE_KIND_OPTIONS: ReadonlyArray<Option<SourceKind>> = [
  { value: "dataSubject", label: "From the people themselves (Art. 13)" },
  { value: "organisation", label: "Received from an organisation (Art. 14)" },
];

export function sourceKindLabel(value: SourceKind | null | undefined): string {
  if (!value) return "";
  return SOURCE_KIND_OPTIONS.find((option) => option.value === value)?.label ?? value;
}

export function parseSourceKind(value: string): SourceKind {
  return SOURCE_KIND_OPTIONS.find((option) => option.value === value)?.value ?? "dataSubject";
}
