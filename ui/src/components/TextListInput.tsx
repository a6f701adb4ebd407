// A dynamic list of text inputs with add and remove buttons, e.g. an activity's purposes
// or a recipient's sub-processors. The form owns the items (see textList.ts); this
// component renders them, reports each change, and focuses a newly added input.
import { Button, CloseButton, Group, Input, Stack, TextInput } from "@mantine/core";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { type TextListChange, type TextListItem, textListItem } from "./textList";

export interface TextListInputProps {
  items: TextListItem[];
  onChange: (items: TextListItem[], change: TextListChange) => void;
  /** Names one item for people, e.g. "Purpose" → "Purpose 2", "Remove purpose 2". */
  itemLabel: string;
  /** The add button's text, e.g. "Add purpose". */
  addLabel: string;
  /** Test ids: `${testIdPrefix}-${itemName}-${i}`, `${testIdPrefix}-remove-${itemName}-${i}`
   *  and `${testIdPrefix}-add-${itemName}`. */
  testIdPrefix: string;
  itemName: string;
  description?: string;
  /** Placeholder of the first input. */
  placeholder?: string;
  /** The message for the list as a whole. */
  error?: string;
  /** The message for each item, by index. */
  itemErrors?: ReadonlyArray<string | undefined>;
  /** The list's marks (a conflict, a value a newer Steward wrote), above its inputs. */
  marks?: ReactNode;
}

export function TextListInput({
  items,
  onChange,
  itemLabel,
  addLabel,
  testIdPrefix,
  itemName,
  description,
  placeholder,
  error,
  itemErrors = [],
  marks,
}: TextListInputProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const itemTestId = (index: number) => `${testIdPrefix}-${itemName}-${index}`;
  const lowerLabel = itemLabel.toLocaleLowerCase();

  useEffect(() => {
    if (focusIndex === null) {
      return;
    }
    containerRef.current
      ?.querySelector<HTMLElement>(`[data-testid="${testIdPrefix}-${itemName}-${focusIndex}"]`)
      ?.focus();
    setFocusIndex(null);
  }, [focusIndex, testIdPrefix, itemName]);

  function edit(index: number, value: string) {
    onChange(
      items.map((item, i) => (i === index ? { ...item, value } : item)),
      { kind: "edit", index },
    );
  }

  function add() {
    onChange([...items, textListItem("")], { kind: "add" });
    setFocusIndex(items.length);
  }

  function remove(index: number) {
    const rest = items.filter((_, i) => i !== index);
    onChange(rest.length > 0 ? rest : [textListItem("")], { kind: "remove", index });
  }

  return (
    <Input.Wrapper labelElement="div" description={description} error={error}>
      <Stack gap="xs" mt="xs" ref={containerRef}>
        {marks ? <Group gap="xs">{marks}</Group> : null}
        {items.map((item, index) => (
          <Group key={item.key} gap="xs" wrap="nowrap" align="flex-start">
            <TextInput
              flex={1}
              aria-label={`${itemLabel} ${index + 1}`}
              placeholder={index === 0 ? placeholder : undefined}
              value={item.value}
              onChange={(event) => edit(index, event.currentTarget.value)}
              error={itemErrors[index]}
              data-testid={itemTestId(index)}
              autoComplete="off"
            />
            <CloseButton
              mt={4}
              aria-label={`Remove ${lowerLabel} ${index + 1}`}
              onClick={() => remove(index)}
              data-testid={`${testIdPrefix}-remove-${itemName}-${index}`}
            />
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={add}
            data-testid={`${testIdPrefix}-add-${itemName}`}
          >
            {addLabel}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
