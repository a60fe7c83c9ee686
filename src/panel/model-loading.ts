// Which model the panel loads, and how its download progress adds up across files.
import type { LoadProgress } from "../lib/embedding/clip-model";
import { DEFAULT_MODEL_ID, type ModelSource } from "../lib/embedding/model-source";
import type { StudioConfig } from "../lib/studio-config";

/** The studio config's model section as a source; the hub's CLIP ViT-B/32 by default. */
export function modelSourceFrom(config: StudioConfig | null): ModelSource {
  const m = config?.model;
  if (m?.source === "folder" && m.path) return { kind: "folder", path: m.path, modelId: m.modelId };
  if (m?.source === "bundled") return { kind: "bundled", path: m.path ?? "../model", modelId: m.modelId };
  return { kind: "hub", modelId: m?.modelId ?? DEFAULT_MODEL_ID };
}

/** Overall download progress across the model's files, 0..100. */
export function progressTracker(): (p: LoadProgress) => number {
  const files = new Map<string, { loaded: number; total: number }>();
  return (p) => {
    if (p.total) files.set(p.file, { loaded: p.status === "done" ? p.total : (p.loaded ?? 0), total: p.total });
    else if (p.status === "done" && files.has(p.file)) files.get(p.file)!.loaded = files.get(p.file)!.total;
    let loaded = 0;
    let total = 0;
    for (const f of files.values()) {
      loaded += f.loaded;
      total += f.total;
    }
    return total ? Math.round((100 * loaded) / total) : 0;
  };
}
