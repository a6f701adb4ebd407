// Search and grouping of the processor catalogue's entries, as pure functions.
import type { CatalogueEntry } from "../../ipc";
import { CATEGORY_LABELS, categoryLabel } from "./labels";

export interface CatalogueGroup {
  category: string;
  label: string;
  entries: CatalogueEntry[];
}

/** Matches the name, legal entity, service or category, ignoring case. */
export function matchesCatalogueSearch(entry: CatalogueEntry, search: string): boolean {
  const needle = search.trim().toLocaleLowerCase();
  if (!needle) {
    return true;
  }
  return [entry.name, entry.legalEntity ?? "", entry.service, categoryLabel(entry.category)].some(
    (text) => text.toLocaleLowerCase().includes(needle),
  );
}

/** Groups the entries by category, in the catalogue's category order (unknown ones last),
 *  each group sorted by name. Empty groups are left out. */
export function groupCatalogue(entries: readonly CatalogueEntry[]): CatalogueGroup[] {
  const order = new Map(CATEGORY_LABELS.map(({ value }, index) => [value, index]));
  const byCategory = new Map<string, CatalogueEntry[]>();
  for (const entry of entries) {
    const list = byCategory.get(entry.category) ?? [];
    list.push(entry);
    byCategory.set(entry.category, list);
  }
  return [...byCategory.entries()]
    .map(([category, list]) => ({
      category,
      label: categoryLabel(category),
      entries: [...list].sort((a, b) => a.name.localeCompare(b.name)),
    }))
    .sort(
      (a, b) =>
        (order.get(a.category) ?? order.size) - (order.get(b.category) ?? order.size) ||
        a.label.localeCompare(b.label),
    );
}
