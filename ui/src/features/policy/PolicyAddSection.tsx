// Writing a section the register says nothing for, e.g. "Cookies" on a site without any:
// pick it and write it; once saved, it appears in the draft with the person's text.
import { Button, Group, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { SectionRef } from "../../ipc";
import { PolicyEditForm } from "./PolicyEditForm";

export interface PolicyAddSectionProps {
  unwrittenSections: readonly SectionRef[];
  /** The section whose editor is open, if any (on the page, only one is). */
  editing: string | null;
  onEdit: (sectionId: string | null) => void;
}

export function PolicyAddSection({ unwrittenSections, editing, onEdit }: PolicyAddSectionProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  const chosenSection = unwrittenSections.find((section) => section.id === chosen) ?? null;
  const writing = unwrittenSections.find((section) => section.id === editing) ?? null;

  if (unwrittenSections.length === 0) {
    return null;
  }
  return (
    <Stack gap="sm" mt="xl" data-testid="policy-add-section-area">
      <Group align="flex-end" gap="sm">
        <Select
          label="Write a section the register does not cover"
          placeholder="Choose a section"
          data={unwrittenSections.map((section) => ({ value: section.id, label: section.heading }))}
          value={chosenSection?.id ?? null}
          onChange={setChosen}
          allowDeselect={false}
          style={{ flex: 1 }}
          data-testid="policy-add-section"
        />
        <Button
          variant="light"
          disabled={!chosenSection}
          onClick={() => onEdit(chosenSection?.id ?? null)}
          data-testid="policy-add-section-write"
        >
          Write it
        </Button>
      </Group>
      {writing ? (
        <div>
          <Text fw={600}>{writing.heading}</Text>
          <PolicyEditForm
            key={writing.id}
            sectionId={writing.id}
            heading={writing.heading}
            edit={null}
            onClose={() => onEdit(null)}
          />
        </div>
      ) : null}
    </Stack>
  );
}
