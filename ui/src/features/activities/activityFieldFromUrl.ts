// `/activities/act-1?field=owner`: the activity's page opens at what the URL names, so that
// a link from the dashboard or the privacy policy's checklist lands where the fact is
// recorded. A field of the activity's own form gets the focus; a field of its rows (a
// purpose's legal basis, a source's notice, ...) brings that section into view and
// highlights it for a moment.
import { type RefObject, useEffect, useState } from "react";
import {
  type FieldInputs,
  fieldName,
  findFieldInput,
  focusFieldInput,
  useFieldFromUrl,
} from "../../components/useFocusFieldFromUrl";

/** The test id prefix of each section below the form (see parts/ActivityParts). */
export type ActivitySection =
  | "purpose"
  | "subjectGroup"
  | "activitySource"
  | "activityRecipient"
  | "transfer"
  | "retentionRule";

/** The section that records each field of the activity's rows, by the names the checks,
 *  the review and the privacy policy use. */
const SECTION_OF_FIELD: Readonly<Record<string, ActivitySection>> = {
  purposes: "purpose",
  legalBasis: "purpose",
  legitimateInterest: "purpose",
  liaReference: "purpose",
  consentRecord: "purpose",
  subjects: "subjectGroup",
  subjectGroups: "subjectGroup",
  subjectCategory: "subjectGroup",
  art9Condition: "subjectGroup",
  art10Basis: "subjectGroup",
  dataCategories: "subjectGroup",
  sources: "activitySource",
  notice: "activitySource",
  sourceOrganisationId: "activitySource",
  context: "activitySource",
  publiclyAccessible: "activitySource",
  recipients: "activityRecipient",
  recipientId: "activityRecipient",
  internalTeam: "activityRecipient",
  arrangement: "activityRecipient",
  transfers: "transfer",
  transferMechanism: "transfer",
  mechanism: "transfer",
  country: "transfer",
  tiaDone: "transfer",
  tiaDate: "transfer",
  safeguards: "transfer",
  retention: "retentionRule",
  retentionRules: "retentionRule",
  justification: "retentionRule",
  period: "retentionRule",
  periodValue: "retentionRule",
  periodUnit: "retentionRule",
  criterion: "retentionRule",
  trigger: "retentionRule",
  triggerEvent: "retentionRule",
  endAction: "retentionRule",
  dataCategory: "retentionRule",
};

/** The activity form's inputs are `activity-<field>`; the review's "security" is its
 *  checklist of measures, and the systems are a text list (`activity-system-0`). */
const FIELD_INPUTS: FieldInputs = {
  prefixes: ["activity"],
  aliases: { security: "securityMeasures", systems: "system" },
};

/** How long a section stays highlighted. */
export const HIGHLIGHT_MS = 2500;

/** The section that records a field of the activity's rows, or null for any other field. */
export function sectionOfField(field: string): ActivitySection | null {
  const name = fieldName(field);
  return name && Object.hasOwn(SECTION_OF_FIELD, name) ? (SECTION_OF_FIELD[name] ?? null) : null;
}

/** The element of a section below the form (see PartSection's test ids). */
export function sectionElement(container: ParentNode, section: ActivitySection) {
  return container.querySelector<HTMLElement>(`[data-testid="${section}-section"]`);
}

/** Acts on `?field=` once the activity's page is on screen: focuses the form's input, or
 *  scrolls to the section of the rows and returns it while it is highlighted. */
export function useActivityFieldFromUrl(
  containerRef: RefObject<HTMLElement | null>,
): ActivitySection | null {
  const field = useFieldFromUrl();
  const [highlighted, setHighlighted] = useState<ActivitySection | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!field || !container) {
      return;
    }
    const section = sectionOfField(field);
    if (!section) {
      const input = findFieldInput(container, field, FIELD_INPUTS);
      if (input) {
        focusFieldInput(input);
      }
      return;
    }
    const element = sectionElement(container, section);
    if (!element) {
      return;
    }
    element.scrollIntoView({ block: "start", behavior: "smooth" });
    element.focus({ preventScroll: true });
    setHighlighted(section);
    const timer = window.setTimeout(() => setHighlighted(null), HIGHLIGHT_MS);
    return () => window.clearTimeout(timer);
  }, [field, containerRef]);

  return highlighted;
}
