// The recipient form's values: how they are filled from a saved recipient, compared for
// unsaved changes, turned into the command input, and which server field names have an
// input on screen.
import {
  type TextListItem,
  textListHasInput,
  textListItems,
  textListRawValues,
  textListValues,
} from "../../components/textList";
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
  subProcessors: TextListItem[];
  dpf: string;
  dpfVerified: string;
  notes: string;
  /** Not editable: sent back unchanged so the link to the catalogue entry survives. */
  catalogueId: string | null;
}

/** The fields edited with one text input, textarea or select. */
export type RecipientTextField = Exclude<
  keyof RecipientFormValues,
  "subProcessors" | "catalogueId"
>;

const TEXT_FIELDS: ReadonlySet<string> = new Set<RecipientTextField>([
  "legalName",
  "tradingName",
  "country",
  "address",
  "contact",
  "privacyPolicyUrl",
  "dpaStatus",
  "dpaSigned",
  "dpaExpires",
  "dpf",
  "dpfVerified",
  "notes",
]);

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
    subProcessors: textListItems(recipient?.subProcessors ?? []),
    dpf: recipient?.dpf ?? "unknown",
    dpfVerified: recipient?.dpfVerified ?? "",
    notes: recipient?.notes ?? "",
    catalogueId: recipient?.catalogueId ?? null,
  };
}

/** What is compared to decide whether the form has unsaved changes. */
export function recipientSnapshot(values: RecipientFormValues): string {
  return JSON.stringify({ ...values, subProcessors: textListRawValues(values.subProcessors) });
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
    subProcessors: textListValues(values.subProcessors),
    dpf: parseDpf(values.dpf),
    dpfVerified: dateOrNull(values.dpfVerified),
    notes: values.notes.trim(),
    catalogueId: values.catalogueId,
  };
}

/** Whether a server field name has an input on screen that can show its message. */
export function recipientFieldHasInput(values: RecipientFormValues, field: string): boolean {
  return (
    TEXT_FIELDS.has(field) || textListHasInput("subProcessors", values.subProcessors.length, field)
  );
}
