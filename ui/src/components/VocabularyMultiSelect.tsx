// A tags input with suggestions from one of the register's vocabularies, for a list of
// values that are vocabulary entries' ids or the user's own words (e.g. the categories of
// data kept about a group of people). Pills show the entries' labels and marks (e.g.
// "Art. 9"); typed text that matches an entry's label is stored as its id, other text as
// typed. Enter, or leaving the input, adds what was typed.

import { Badge, Pill, TagsInput } from "@mantine/core";
import { useMemo } from "react";
import type { InputContainer } from "./RecordMarks";
import {
  type VocabularyOption,
  VocabularyOptionContent,
  vocabularyLabel,
  vocabularyValue,
} from "./VocabularySelect";

export interface VocabularyMultiSelectProps {
  options: readonly VocabularyOption[];
  /** Vocabulary ids or the user's own words. */
  value: readonly string[];
  onChange: (value: string[]) => void;
  label: string;
  description?: string;
  placeholder?: string;
  error?: string;
  required?: boolean;
  "data-testid"?: string;
  "data-autofocus"?: boolean;
  maw?: number;
  /** The field's marks beside the input (see RecordMarks), from the form's binding. */
  inputContainer?: InputContainer;
}

export function VocabularyMultiSelect({
  options,
  value,
  onChange,
  "data-testid": testId,
  ...input
}: VocabularyMultiSelectProps) {
  const byValue = useMemo(
    () => new Map(options.map((option) => [option.value, option])),
    [options],
  );
  // The entries not chosen yet (TagsInput would compare the chosen ids with the labels).
  const data = useMemo(
    () =>
      options
        .filter((option) => !value.includes(option.value))
        .map((option) => ({ value: option.value, label: option.label })),
    [options, value],
  );
  const normalised = (text: string) => vocabularyValue(options, text).trim().toLocaleLowerCase();

  return (
    <TagsInput
      {...input}
      data={data}
      value={[...value]}
      onChange={(next) => onChange(next.map((text) => vocabularyValue(options, text).trim()))}
      isDuplicate={(text, current) =>
        current.some((existing) => normalised(existing) === normalised(text))
      }
      // Own words may contain commas ("name, address and phone"): only Enter adds a tag.
      splitChars={[]}
      renderOption={({ option }) => {
        const entry = byValue.get(option.value);
        return entry ? <VocabularyOptionContent option={entry} /> : option.value;
      }}
      renderPill={({ value: item = "", onRemove, disabled }) => {
        const entry = byValue.get(item);
        const label = vocabularyLabel(options, item);
        return (
          <Pill
            withRemoveButton={!disabled}
            onRemove={onRemove}
            removeButtonProps={{ "aria-label": `Remove ${label}` }}
            title={entry?.description}
          >
            {label}
            {entry?.badge ? (
              <Badge size="xs" color="orange" variant="light" ml={4} component="span">
                {entry.badge}
              </Badge>
            ) : null}
          </Pill>
        );
      }}
      maxDropdownHeight={280}
      autoComplete="off"
      data-testid={testId}
    />
  );
}
