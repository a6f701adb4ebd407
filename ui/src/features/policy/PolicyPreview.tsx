// The draft privacy policy as it reads: each section with its heading, paragraphs,
// subheadings and lists (see PolicyBlockView), and next to each heading a button that opens
// the editor of the person's own text for that section. Below the sections, the person may
// write a section the register says nothing for. One editor is open at a time.
import { Badge, Button, Card, Group, Text, Typography } from "@mantine/core";
import { useId, useRef, useState } from "react";
import type { PolicyGap, PolicySection, SectionRef } from "../../ipc";
import { PolicyAddSection } from "./PolicyAddSection";
import { BlockGroupView, type GapProps } from "./PolicyBlockView";
import { EDITED_BADGES, PolicyEditForm } from "./PolicyEditForm";
import { groupBlocks } from "./policyBlocks";

export interface PolicyPreviewProps {
  sections: readonly PolicySection[];
  /** The sections the register says nothing for, which the person may write. */
  unwrittenSections: readonly SectionRef[];
  checklist: readonly PolicyGap[];
  /** Shows the checklist entry of a placeholder (its index in the checklist). */
  onShowGap: (gap: number) => void;
}

export function PolicyPreview({
  sections,
  unwrittenSections,
  checklist,
  onShowGap,
}: PolicyPreviewProps) {
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <Card
      withBorder
      padding="xl"
      component="article"
      aria-label="Draft of the privacy policy"
      data-testid="policy-preview"
    >
      {sections.length === 0 ? (
        <Text size="sm" c="dimmed">
          The register has nothing to draft a policy from yet.
        </Text>
      ) : (
        <Typography>
          {sections.map((section, index) => (
            <SectionView
              key={section.id}
              section={section}
              first={index === 0}
              editing={editing === section.id}
              onEdit={(open) => setEditing(open ? section.id : null)}
              checklist={checklist}
              onShowGap={onShowGap}
            />
          ))}
        </Typography>
      )}
      <PolicyAddSection
        unwrittenSections={unwrittenSections}
        editing={editing}
        onEdit={setEditing}
      />
    </Card>
  );
}

interface SectionViewProps extends GapProps {
  section: PolicySection;
  /** The first section has no space above it. */
  first: boolean;
  /** Whether the editor of the person's text is open in this section. */
  editing: boolean;
  onEdit: (open: boolean) => void;
}

function SectionView({ section, first, editing, onEdit, ...gaps }: SectionViewProps) {
  const editButton = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const { edit } = section;

  function close() {
    onEdit(false);
    editButton.current?.focus();
  }

  return (
    <section
      data-testid="policy-section"
      data-section-id={section.id}
      style={{ marginTop: first ? 0 : "var(--mantine-spacing-xl)" }}
    >
      <Group justify="space-between" align="baseline" wrap="nowrap" gap="sm">
        <h2 id={headingId} style={{ marginTop: 0 }}>
          {section.heading}
        </h2>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          {edit ? (
            <Badge variant="light" color="blue" tt="none" data-testid="policy-section-edited">
              {EDITED_BADGES[edit.mode]}
            </Badge>
          ) : null}
          <Button
            ref={editButton}
            size="compact-xs"
            variant="subtle"
            onClick={() => onEdit(!editing)}
            aria-expanded={editing}
            aria-describedby={headingId}
            data-testid="policy-section-edit"
          >
            {edit ? "Edit your text" : "Add your text"}
          </Button>
        </Group>
      </Group>
      {editing ? (
        <PolicyEditForm
          sectionId={section.id}
          heading={section.heading}
          edit={edit}
          onClose={close}
        />
      ) : null}
      {groupBlocks(section.blocks).map((group) => (
        <BlockGroupView key={group.key} group={group} {...gaps} />
      ))}
    </section>
  );
}
