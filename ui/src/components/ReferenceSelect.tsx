// A searchable, clearable picker over a list read from the database (the countries, the
// recipients register): it says while the list loads and when it failed, and keeps a value
// that is not in the list visible rather than lose it.

import { type ComboboxItem, Select } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { useMemo } from "react";
import type { InputContainer } from "./RecordMarks";

export interface ReferenceSelectProps<TItem> {
  /** The list to choose from. */
  query: UseQueryResult<readonly TItem[], Error>;
  /** The option for one item: its value (code or id) and what people read. */
  toOption: (item: TItem) => ComboboxItem;
  /** The label of a value that is not in the list (or not loaded yet). */
  unknownLabel?: (value: string) => string;
  /** The chosen value, or null for none. */
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  "data-testid"?: string;
  label: string;
  description: string;
  /** Shown while the list loads, e.g. "Loading the countries…". */
  loadingPlaceholder: string;
  placeholder: string;
  nothingFoundMessage: string;
  /** The description when the list could not be read, before the reason, e.g. "The
   *  country list could not be loaded". */
  loadFailed: string;
  /** The name (and tooltip) of the button that clears the choice. Mantine keeps that button
   *  out of the tab order; from the keyboard, choosing the selected option again clears it. */
  clearLabel: string;
  maw?: number;
  /** The field's marks beside the input (see RecordMarks), from the form's binding. */
  inputContainer?: InputContainer;
}

const valueItself = (value: string) => value;

export function ReferenceSelect<TItem>({
  query,
  toOption,
  unknownLabel = valueItself,
  value,
  onChange,
  error,
  "data-testid": testId,
  label,
  description,
  loadingPlaceholder,
  placeholder,
  nothingFoundMessage,
  loadFailed,
  clearLabel,
  maw = 420,
  inputContainer,
}: ReferenceSelectProps<TItem>) {
  const data = useMemo(() => {
    const options = (query.data ?? []).map(toOption);
    if (value && !options.some((option) => option.value === value)) {
      options.unshift({ value, label: unknownLabel(value) });
    }
    return options;
  }, [query.data, toOption, unknownLabel, value]);

  return (
    <Select
      label={label}
      description={query.isError ? `${loadFailed}: ${query.error.message}` : description}
      placeholder={query.isPending ? loadingPlaceholder : placeholder}
      searchable
      clearable
      clearButtonProps={{ "aria-label": clearLabel, title: clearLabel }}
      data={data}
      value={value || null}
      onChange={(next) => onChange(next || null)}
      nothingFoundMessage={nothingFoundMessage}
      error={error}
      maw={maw}
      inputContainer={inputContainer}
      data-testid={testId}
    />
  );
}
