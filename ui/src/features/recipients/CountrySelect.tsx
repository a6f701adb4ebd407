// A searchable country picker over the ISO 3166-1 list: shows "Name (CODE)", holds the code.
import { Select } from "@mantine/core";
import { useMemo } from "react";
import { useCountries } from "./queries";

export interface CountrySelectProps {
  /** ISO code, or "" for none. */
  value: string;
  onChange: (code: string) => void;
  error?: string;
}

export function CountrySelect({ value, onChange, error }: CountrySelectProps) {
  const countries = useCountries();

  const data = useMemo(() => {
    const options = (countries.data ?? []).map(({ code, name }) => ({
      value: code,
      label: `${name} (${code})`,
    }));
    // Keep a code that is not in the list (or not loaded yet) visible rather than lose it.
    if (value && !options.some((option) => option.value === value)) {
      options.unshift({ value, label: value });
    }
    return options;
  }, [countries.data, value]);

  return (
    <Select
      label="Country"
      description={
        countries.isError
          ? `The country list could not be loaded: ${countries.error.message}`
          : "Where the organisation is established."
      }
      placeholder={
        countries.isPending ? "Loading the countries…" : "Type to search by name or code"
      }
      searchable
      clearable
      data={data}
      value={value || null}
      onChange={(code) => onChange(code ?? "")}
      nothingFoundMessage="No country matches"
      error={error}
      maw={420}
      data-testid="recipient-country"
    />
  );
}
