// The recipient form's values: how they are filled from a saved recipient, which of them
// have an input on screen, and how they are turned into the command input.
import { formFields } from "../../components/formFields";
import { type TextListItem, textListItems, textListValues } from "../../components/textList";
import type { Recipient, RecipientInput } from "../../ipc";
import { parseDpaStatus, parseDpf } from "./labels";

export interface RecipientFormValues {
  legalName: string;
  tradingName: string;
  /** ISO 3166-1 alpha-2 code; "" when not chosen. */
  country: string;
  address: string;
  contact: string;
  privacyPolicyUrl: string;
  dpaStatus: string;
  /** Dates as the date inputs hold them: YYYY-MM-DD, or "" when empty. */
  dpaSigned: string;
  dpaExpires: string;
  /** Where the signed agreement is kept: a link or a file reference. */
  dpaReference: string;
  subProcessors: TextListItem[];
  dpf: string;
  dpfVerified: string;
  notes: string;
  /** Not editable: sent back unchanged so the link to the catalogue entry survives. */
  catalogueId: string | null;
}

/** The catalogue id has no input: a message about it goes to the alert at the top. */
export const RECIPIENT_FIELDS = formFields<RecipientFormValues>(
  [
    "legalName",
    "tradingName",
    "country",
    "address",
    "contact",
    "privacyPolicyUrl",
    "dpaStatus",
    "dpaSigned",
    "dpaExpires",
    "dpaReference",
    "dpf",
    "dpfVerified",
    "notes",
  ],
  ["subProcessors"],
);

export function recipientFormValues(recipient: Recipient | null): RecipientFormValues {
  return {
    legalName: recipient?.legalName ?? "",
    tradingName: recipient?.tradingName ?? "",
    country: recipient?.country ?? "",
    address: recipient?.address ?? "",
    contact: recipient?.contact ?? "",
    privacyPolicyUrl: recipient?.privacyPolicyUrl ?? "",
    dpaStatus: recipient?.dpaStatus ?? "missing",
    dpaSigned: recipient?.dpaSigned ?? "",
    dpaExpires: recipient?.dpaExpires ?? "",
    dpaReference: recipient?.dpaReference ?? "",
    subProcessors: textListItems(recipient?.subProcessors ?? []),
    dpf: recipient?.dpf ?? "unknown",
    dpfVerified: recipient?.dpfVerified ?? "",
    notes: recipient?.notes ?? "",
    catalogueId: recipient?.catalogueId ?? null,
  };
}

/** An empty date input means "not recorded", which the command takes as null. */
function dateOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** Builds the command input: trimmed text, null for empty dates, empty trailing
 *  sub-processors dropped, the catalogue id unchanged. */
export function toRecipientInput(values: RecipientFormValues): RecipientInput {
  return {
    legalName: values.legalName.trim(),
    tradingName: values.tradingName.trim(),
    country: values.country.trim(),
    address: values.address.trim(),
    contact: values.contact.trim(),
    privacyPolicyUrl: values.privacyPolicyUrl.trim(),
    dpaStatus: parseDpaStatus(values.dpaStatus),
    dpaSigned: dateOrNull(values.dpaSigned),
    dpaExpires: dateOrNull(values.dpaExpires),
    dpaReference: values.dpaReference.trim(),
    subProcessors: textListValues(values.subProcessors),
    dpf: parseDpf(values.dpf),
    dpfVerified: dateOrNull(values.dpfVerified),
    notes: values.notes.trim(),
    catalogueId: values.catalogueId,
  };
}
