import { z } from "zod";
import { CatalogueEntry, type CatalogueEntryInput, type Tier } from "../model.js";
import { SHIPPED_CATALOGUE } from "./entries.js";

export interface Catalogue {
  readonly entries: readonly CatalogueEntry[];
  byId(id: string): CatalogueEntry | undefined;
  /** Case- and accent-insensitive search over vendor, product, plan and id. */
  search(query: string, filter?: { tier?: Tier }): CatalogueEntry[];
}

const fold = (s: string): string => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** Builds a catalogue from the shipped entries plus the business's own, whose ids must not clash. */
export function createCatalogue(custom: readonly CatalogueEntryInput[] = []): Catalogue {
  const shipped = z.array(CatalogueEntry).parse(SHIPPED_CATALOGUE);
  const own = z.array(CatalogueEntry).parse(custom.map((e) => ({ ...e, custom: true })));
  const entries = [...shipped, ...own];
  const index = new Map<string, CatalogueEntry>();
  for (const entry of entries) {
    if (index.has(entry.id)) {
      throw new Error(`Dubbele catalogus-id "${entry.id}" (duplicate catalogue id)`);
    }
    index.set(entry.id, entry);
  }
  return {
    entries,
    byId: (id) => index.get(id),
    search(query, filter) {
      const words = fold(query).split(/\s+/).filter(Boolean);
      return entries.filter((e) => {
        if (filter?.tier && e.tier !== filter.tier) return false;
        const haystack = fold(`${e.id} ${e.vendor} ${e.product} ${e.plan}`);
        return words.every((w) => haystack.includes(w));
      });
    },
  };
}

let shippedCatalogue: Catalogue | undefined;

/** The shipped catalogue, validated once. */
export function defaultCatalogue(): Catalogue {
  shippedCatalogue ??= createCatalogue();
  return shippedCatalogue;
}
