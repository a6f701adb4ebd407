// Human-readable labels for the kinds of website third party and their consent, the
// form's labels by field, and the words the shared record pages, form, list and history
// use for a website third party.
import type { FieldLabels } from "../../components/historyText";
import type { RecordKind } from "../../components/recordKind";
import type { ThirdPartyKind, WebsiteThirdParty } from "../../ipc";

/** The form's labels by field; the form and the history both use them. */
export const WEBSITE_FIELD_LABELS = {
  provider: "Provider",
  kind: "Type",
  purpose: "Purpose",
  dataCollected: "Data collected",
  duration: "Duration",
  consentRequired: "Needs the visitor's consent",
  privacyPolicyUrl: "Privacy policy URL",
  notes: "Notes",
  recipientId: "Same organisation in the recipients register",
} as const satisfies FieldLabels;

export const WEBSITE_KIND: RecordKind<WebsiteThirdParty> = {
  noun: "website third party",
  plural: "website third parties",
  list: { to: "/website", label: "Website third parties" },
  nameOf: (thirdParty) => thirdParty.provider,
  testId: "website",
  history: { kind: "websiteThirdParty", labels: WEBSITE_FIELD_LABELS },
};

export const THIRD_PARTY_KIND_OPTIONS: ReadonlyArray<{
  value: ThirdPartyKind;
  label: string;
  color: string;
}> = [
  { value: "cookie", label: "Cookie", color: "blue" },
  { value: "pixel", label: "Tracking pixel", color: "grape" },
  { value: "embed", label: "Embedded content", color: "cyan" },
  { value: "script", label: "Script", color: "indigo" },
  { value: "other", label: "Other", color: "gray" },
];

export function thirdPartyKindOption(value: ThirdPartyKind) {
  return (
    THIRD_PARTY_KIND_OPTIONS.find((option) => option.value === value) ?? {
      value,
      label: value,
      color: "gray",
    }
  );
}

export function parseThirdPartyKind(value: string): ThirdPartyKind {
  return THIRD_PARTY_KIND_OPTIONS.find((option) => option.value === value)?.value ?? "other";
}

export function consentLabel(consentRequired: boolean): string {
  return consentRequired ? "Consent needed" : "No consent needed";
}
