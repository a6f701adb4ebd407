// `?field=<name>` in a record page's URL, e.g. `/organisation?field=minimumAge` or
// `/recipients/rec-1?field=dpaStatus`: the page opens at that input and focuses it, so that
// a link from the privacy policy's checklist or the dashboard lands where the missing fact
// is recorded. The inputs are found by their test ids (`<prefix>-<field>`).
import { type RefObject, useEffect } from "react";
import { useSearchParams } from "react-router";

/** How a form names its inputs. */
export interface FieldInputs {
  /** The prefixes of the inputs' test ids, e.g. "activity" for `activity-owner`. */
  prefixes: readonly string[];
  /** The name in the test id where it differs from the field's, e.g. the first item of a
   *  text list: `systems` → `system` (`activity-system-0`). */
  aliases?: Readonly<Record<string, string>>;
}

const FOCUSABLE = "input:not([type=hidden]), textarea, select, button";

/** The field's plain camelCase name, or null for anything else; a list item
 *  ("policyScope[1]") stands for its list. Only such names reach a selector. */
export function fieldName(field: string): string | null {
  return /^([A-Za-z][A-Za-z0-9]*)(\[\d+\])?$/.exec(field)?.[1] ?? null;
}

/** The input for a field name as the API spells it ("policyScope" or "policyScope[1]"): the
 *  form's own test ids name the inputs (`<prefix>-<name>`), and the first input of a
 *  checklist or list (`<prefix>-<name>-…`) stands for it. Null when no input matches. */
export function findFieldInput(
  container: ParentNode,
  field: string,
  { prefixes, aliases = {} }: FieldInputs,
): HTMLElement | null {
  const plain = fieldName(field);
  if (!plain) {
    return null;
  }
  const name = Object.hasOwn(aliases, plain) ? aliases[plain] : plain;
  const selector = prefixes
    .flatMap((prefix) => [
      `[data-testid="${prefix}-${name}"]`,
      `[data-testid^="${prefix}-${name}-"]`,
    ])
    .join(", ");
  for (const candidate of container.querySelectorAll<HTMLElement>(selector)) {
    // A group (a checklist's wrapper) stands for its first input.
    const input = candidate.matches(FOCUSABLE)
      ? candidate
      : candidate.querySelector<HTMLElement>(FOCUSABLE);
    if (input) {
      return input;
    }
  }
  return null;
}

/** Brings an input into view, in the middle of the page, and focuses it. */
export function focusFieldInput(input: HTMLElement) {
  input.scrollIntoView({ block: "center" });
  input.focus({ preventScroll: true });
}

/** The `field` named in the URL's query, or null. */
export function useFieldFromUrl(): string | null {
  const [searchParams] = useSearchParams();
  return searchParams.get("field");
}

/** Focuses the input that `?field=` names, once the form is on screen. `inputs` should be
 *  a constant of the form (it is a dependency of the effect). */
export function useFocusFieldFromUrl(formRef: RefObject<HTMLElement | null>, inputs: FieldInputs) {
  const field = useFieldFromUrl();

  useEffect(() => {
    const form = formRef.current;
    if (!field || !form) {
      return;
    }
    const input = findFieldInput(form, field, inputs);
    if (input) {
      focusFieldInput(input);
    }
  }, [field, formRef, inputs]);
}
