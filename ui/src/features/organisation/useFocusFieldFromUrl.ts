// `/organisation?field=minimumAge`: the page opens at that input and focuses it, so that a
// link from the privacy policy's checklist lands where the missing fact is recorded.
import { type RefObject, useEffect } from "react";
import { useSearchParams } from "react-router";

/** The input for a field name as the API spells it ("policyScope" or "policyScope[1]"):
 *  the form's own test ids name the inputs, a checklist's first checkbox stands for it. */
export function findFieldInput(form: HTMLElement, field: string): HTMLElement | null {
  // Only plain camelCase names reach the selector; a list item is its list's input.
  const name = /^([A-Za-z]+)(\[\d+\])?$/.exec(field)?.[1];
  if (!name) {
    return null;
  }
  return form.querySelector<HTMLElement>(
    [
      `[data-testid="org-${name}"]`,
      `[data-testid="organisation-${name}"]`,
      `[data-testid^="organisation-${name}-"]`,
    ].join(", "),
  );
}

export function useFocusFieldFromUrl(formRef: RefObject<HTMLFormElement | null>) {
  const [searchParams] = useSearchParams();
  const field = searchParams.get("field");

  useEffect(() => {
    const form = formRef.current;
    if (!field || !form) {
      return;
    }
    const input = findFieldInput(form, field);
    if (input) {
      input.scrollIntoView({ block: "center" });
      input.focus({ preventScroll: true });
    }
  }, [field, formRef]);
}
