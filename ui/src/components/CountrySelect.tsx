// A searchable country picker over the ISO 3166-1 list: shows "Name (CODE)", holds the code.
// Spread a form's `bindSelect("country")` onto it.

import type { CountryOption } from "../ipc";
import { useCountries } from "./countries";
import type { InputContainer } from "./RecordMarks";
import { ReferenceSelect } from "./ReferenceSelect";

export interface CountrySelectProps {
  /** ISO code, or null for none. */
  value: string | null;
  onChange: (code: string | null) => void;
  error?: string;
  "data-testid"?: string;
  /** The field's marks beside the input (see RecordMarks), from the form's binding. */
  inputContainer?: InputContainer;
  /** What the country stands for; "Where the organisation is established." by default. */
  description?: string;
}

function countryOption({ code, name }: CountryOption) {
  return { value: code, label: `${name} (${code})` };
}

export function CountrySelect({
  description = "Where the organisation is established.",
  ...binding
}: CountrySelectProps) {
  return (
    <ReferenceSelect
      {...binding}
      query={useCountries()}
      toOption={countryOption}
      label="Country"
      description={description}
      loadingPlaceholder="Loading the countries…"
      placeholder="Type to search by name or code"
      nothingFoundMessage="No country matches"
      loadFailed="The country list could not be loaded"
      clearLabel="Clear the country"
    />
  );
}
