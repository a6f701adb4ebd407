// Tests for the layout of a section's blocks: runs of items become one list each.
import { describe, expect, it } from "vitest";
import type { BlockKind, PolicyBlock } from "../../ipc";
import { groupBlocks } from "./policyBlocks";

function block(kind: BlockKind, text: string): PolicyBlock {
  return { kind, spans: [{ text, gap: null }], sources: [] };
}

describe("groupBlocks", () => {
  it("gathers each run of items into one list, in order", () => {
    const groups = groupBlocks([
      block("subheading", "Members"),
      block("item", "one"),
      block("item", "two"),
      block("paragraph", "between"),
      block("item", "three"),
    ]);

    expect(groups.map((group) => group.kind)).toEqual(["subheading", "list", "paragraph", "list"]);
    const lists = groups.filter((group) => group.kind === "list");
    expect(lists.map((list) => list.items.map((item) => item.value.spans[0]?.text))).toEqual([
      ["one", "two"],
      ["three"],
    ]);
    expect(new Set(groups.map((group) => group.key)).size).toBe(groups.length);
  });

  it("has nothing to lay out for no blocks", () => {
    expect(groupBlocks([])).toEqual([]);
  });
});
