// Text search: references whose images match a text query, through CLIP's shared space.
import type { ReferenceMatch } from "../../lib/catalog";
import { toPanelError, type PanelError } from "./panel-error";
import type { Slice } from "./slice";

export interface TextSearch {
  query: string;
  state: "idle" | "searching" | "done" | "error";
  results: ReferenceMatch[];
  error?: PanelError;
}

export interface SearchSlice {
  search: TextSearch;
  searchByText(query: string): Promise<void>;
}

export const searchSlice: Slice<SearchSlice> = (set, get, services) => ({
  search: { query: "", state: "idle", results: [] },
  async searchByText(query) {
    const { modelStatus } = get();
    const { embedder, catalog } = services;
    const trimmed = query.trim();
    if (!trimmed) return set({ search: { query, state: "idle", results: [] } });
    if (!embedder || modelStatus.state !== "ready" || !catalog) {
      const detail = !catalog ? "The reference catalog is not configured." : "The CLIP model is not loaded yet.";
      return set({ search: { query, state: "error", results: [], error: { title: "Search unavailable", detail } } });
    }
    set({ search: { query, state: "searching", results: [] } });
    try {
      const [vector] = await embedder.embedTexts([trimmed]).finally(() => get().refreshModelDetail());
      const results = await catalog.match(vector, { k: 10, modelVersion: modelStatus.modelVersion });
      // a newer query may have started meanwhile: only the latest one shows
      if (get().search.query === query) set({ search: { query, state: "done", results } });
    } catch (e) {
      if (get().search.query === query)
        set({ search: { query, state: "error", results: [], error: toPanelError("Searching the catalog", e) } });
    }
  },
});
