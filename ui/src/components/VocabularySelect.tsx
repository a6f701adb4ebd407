// A text input with suggestions from one of the register's vocabularies (categories of
// people, categories of data), for a value that is a vocabulary entry's id or the user's own
// words. It shows an entry's label and holds its id; text that matches no entry is kept as
// typed. Options marked as special (e.g. "Art. 9") carry that mark in the list.

import { Autocomplete, Badge, Group, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import type { InputContainer } from "./RecordMarks";

/** One entry of a vocabulary as a picker offers it. */
export interface VocabularyOption {
  /** The entry's id, which the record stores. */
  value: string;
  label: string;
  /** A longer explanation, shown as the option's tooltip. */
  description?: string;
  /** A short mark shown next to the label, e.g. "Art. 9". */
  badge?: string;
}

/** What people read for a stored value: the entry's label, or the user's own words. */
export function vocabularyLabel(options: readonly VocabularyOption[], value: string): string {
  return options.find((option) => option.value === value)?.label ?? value;
}

/** The value to store for typed text: the id of the entry whose label (or id) it is,
 *  ignoring case and surrounding spaces, or else the text itself. */
export function vocabularyValue(options: readonly VocabularyOption[], text: string): string {
  const wanted = text.trim().toLocaleLowerCase();
  if (wanted === "") {
    return text;
  }
  const match = options.find(
    (option) =>
      option.label.toLocaleLowerCase() === wanted || option.value.toLocaleLowerCase() === wanted,
  );
  return match ? match.value : text;
}

/** The option's content in a dropdown: the label, and the mark if any. */
export function VocabularyOptionContent({ option }: { option: VocabularyOption }) {
  return (
    <Group gap="xs" wrap="nowrap" title={option.description}>
      <Text size="sm">{option.label}</Text>
      {option.badge ? (
        <Badge size="xs" color="orange" variant="light">
          {option.badge}
        </Badge>
      ) : null}
    </Group>
  );
}

export interface VocabularySelectProps {
  options: readonly VocabularyOption[];
  /** A vocabulary id, the user's own words, or "" for none. */
  value: string;
  onChange: (value: string) => void;
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

export function VocabularySelect({
  options,
  value,
  onChange,
  "data-testid": testId,
  ...input
}: VocabularySelectProps) {
  // While the user types, the input shows what they typed; otherwise the value's label.
  const [typed, setTyped] = useState<string | null>(null);
  const byValue = useMemo(
    () => new Map(options.map((option) => [option.value, option])),
    [options],
  );
  const data = useMemo(
    () => options.map((option) => ({ value: option.value, label: option.label })),
    [options],
  );

  function type(text: string) {
    setTyped(text);
    onChange(vocabularyValue(options, text));
  }

  return (
    <Autocomplete
      {...input}
      data={data}
      value={typed ?? vocabularyLabel(options, value)}
      onChange={type}
      onOptionSubmit={(chosen) => {
        setTyped(null);
        onChange(chosen);
      }}
      onBlur={() => setTyped(null)}
      renderOption={({ option }) => {
        const entry = byValue.get(option.value);
        return entry ? <VocabularyOptionContent option={entry} /> : option.value;
      }}
      maxDropdownHeight={280}
      autoComplete="off"
      data-testid={testId}
    />
  );
}
