// How a section's blocks are laid out: a run of list items becomes one list, every other
// block stands alone. Each part gets a key from its place, as blocks carry no id.
import type { PolicyBlock } from "../../ipc";

export interface Keyed<T> {
  key: string;
  value: T;
}

/** Pairs each item with a key made from its position (the items never move). */
export function keyed<T>(items: readonly T[], prefix: string): Keyed<T>[] {
  const result: Keyed<T>[] = [];
  for (const [index, value] of items.entries()) {
    result.push({ key: `${prefix}${index}`, value });
  }
  return result;
}

export type BlockGroup =
  | { kind: "list"; key: string; items: Keyed<PolicyBlock>[] }
  | { kind: "paragraph" | "subheading"; key: string; block: PolicyBlock };

/** The blocks in order, with consecutive items gathered into one list. */
export function groupBlocks(blocks: readonly PolicyBlock[]): BlockGroup[] {
  const groups: BlockGroup[] = [];
  for (const { key, value: block } of keyed(blocks, "b")) {
    if (block.kind === "item") {
      const last = groups.at(-1);
      if (last?.kind === "list") {
        last.items.push({ key, value: block });
      } else {
        groups.push({ kind: "list", key, items: [{ key, value: block }] });
      }
    } else {
      groups.push({ kind: block.kind, key, block });
    }
  }
  return groups;
}
