// The website third party form's values: how they are filled from a saved one, which of
// them have an input on screen, and how they are turned into the command input.
import { formFields } from "../../components/formFields";
import type { WebsiteThirdParty, WebsiteThirdPartyInput } from "../../ipc";
import { parseThirdPartyKind } from "./labels";

export interface WebsiteFormValues {
  provider: string;
  kind: string;
  purpose: string;
  dataCollected: string;
  duration: string;
  consentRequired: boolean;
  privacyPolicyUrl: string;
  notes: string;
  /** The linked recipient's id; "" for no link. */
  recipientId: string;
}

export const WEBSITE_FIELDS = formFields<WebsiteFormValues>([
  "provider",
  "kind",
  "purpose",
  "dataCollected",
  "duration",
  "consentRequired",
  "privacyPolicyUrl",
  "notes",
  "recipientId",
]);

/** A new one starts as a cookie that needs consent: most of what a site embeds does
 *  (ePrivacy Art. 5(3)); only what is strictly necessary is exempt. */
export function websiteFormValues(thirdParty: WebsiteThirdParty | null): WebsiteFormValues {
  return {
    provider: thirdParty?.provider ?? "",
    kind: thirdParty?.kind ?? "cookie",
    purpose: thirdParty?.purpose ?? "",
    dataCollected: thirdParty?.dataCollected ?? "",
    duration: thirdParty?.duration ?? "",
    consentRequired: thirdParty?.consentRequired ?? true,
    privacyPolicyUrl: thirdParty?.privacyPolicyUrl ?? "",
    notes: thirdParty?.notes ?? "",
    recipientId: thirdParty?.recipientId ?? "",
  };
}

/** Builds the command input: trimmed text, null for no linked recipient. */
export function toWebsiteInput(values: WebsiteFormValues): WebsiteThirdPartyInput {
  return {
    provider: values.provider.trim(),
    kind: parseThirdPartyKind(values.kind),
    purpose: values.purpose.trim(),
    dataCollected: values.dataCollected.trim(),
    duration: values.duration.trim(),
    consentRequired: values.consentRequired,
    privacyPolicyUrl: values.privacyPolicyUrl.trim(),
    notes: values.notes.trim(),
    recipientId: values.recipientId || null,
  };
}
