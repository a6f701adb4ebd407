// How one group of a section's blocks reads in the draft: a paragraph, a subheading or a
// list. A fact the register lacks shows as a highlighted placeholder that leads to its
// checklist entry; after each clause, small links name the register entries it comes from,
// and a clause a person wrote says so quietly. Everything is rendered as text: neither the
// register's words nor a person's become markup.
import { Anchor, Mark, Text, UnstyledButton } from "@mantine/core";
import { Fragment } from "react";
import { Link } from "react-router";
import type { PolicyBlock, PolicyGap, RecordLink, Span } from "../../ipc";
import { type BlockGroup, keyed } from "./policyBlocks";
import { RECORD_KIND_LABELS, recordLinkName, recordLinkPath } from "./recordLink";

export interface GapProps {
  checklist: readonly PolicyGap[];
  /** Shows the checklist entry of a placeholder (its index in the checklist). */
  onShowGap: (gap: number) => void;
}

export function BlockGroupView({ group, ...gaps }: GapProps & { group: BlockGroup }) {
  switch (group.kind) {
    case "list":
      return (
        <ul>
          {group.items.map(({ key, value }) => (
            <li key={key}>
              <Spans spans={value.spans} {...gaps} />
              <Sources block={value} />
            </li>
          ))}
        </ul>
      );
    case "subheading":
      // The sources go below the heading, so that they are not part of its name.
      return (
        <>
          <h3>
            <Spans spans={group.block.spans} {...gaps} />
          </h3>
          {group.block.sources.length > 0 ? (
            <p>
              <Sources block={group.block} />
            </p>
          ) : null}
        </>
      );
    case "paragraph":
      return (
        <p>
          <Spans spans={group.block.spans} {...gaps} />
          <Sources block={group.block} />
        </p>
      );
  }
}

function Spans({ spans, checklist, onShowGap }: GapProps & { spans: readonly Span[] }) {
  return keyed(spans, "s").map(({ key, value: span }) =>
    span.gap === null ? (
      <Fragment key={key}>{span.text}</Fragment>
    ) : (
      <Placeholder
        key={key}
        text={span.text}
        gap={span.gap}
        entry={checklist[span.gap]}
        onShowGap={onShowGap}
      />
    ),
  );
}

interface PlaceholderProps {
  text: string;
  gap: number;
  entry: PolicyGap | undefined;
  onShowGap: (gap: number) => void;
}

/** A missing fact, highlighted; clicking it shows its entry in the checklist. */
function Placeholder({ text, gap, entry, onShowGap }: PlaceholderProps) {
  const mark = (
    <Mark color="yellow" px={2} data-testid="policy-placeholder" data-gap={gap}>
      {text}
    </Mark>
  );
  if (!entry) {
    return mark;
  }
  return (
    <UnstyledButton
      onClick={() => onShowGap(gap)}
      title={`Missing from the register (${entry.element}): ${entry.message}`}
      style={{ fontSize: "inherit", fontWeight: "inherit", lineHeight: "inherit" }}
    >
      {mark}
    </UnstyledButton>
  );
}

/** The register entries a clause comes from, as quiet links after its text; a clause a
 *  person wrote links nowhere and just says it is their text. */
function Sources({ block }: { block: PolicyBlock }) {
  if (block.sources.length === 0) {
    return null;
  }
  if (block.sources.some((source) => source.kind === "policyEdit")) {
    return (
      <Text span size="xs" c="dimmed" ml={6} data-testid="policy-source-own">
        your text
      </Text>
    );
  }
  return (
    <Text span size="xs" c="dimmed" ml={6} data-testid="policy-sources">
      {"from "}
      {keyed(block.sources, "r").map(({ key, value }, index) => (
        <Fragment key={key}>
          {index > 0 ? ", " : null}
          <SourceLink link={value} />
        </Fragment>
      ))}
    </Text>
  );
}

function SourceLink({ link }: { link: RecordLink }) {
  return (
    <Anchor
      component={Link}
      to={recordLinkPath(link)}
      size="xs"
      c="dimmed"
      title={`${RECORD_KIND_LABELS[link.kind]}: open it to change this clause`}
      data-testid="policy-source"
    >
      {recordLinkName(link)}
    </Anchor>
  );
}
