// One clip through the steps the panel's queue composes (src/panel/store/queue-slice.ts), timed:
// the embedder's embedClip with its onFrame callback, the first frame's embedding matched and
// voted at once (the early suggestion), then every frame matched and voted (the final one).
// Runs in Node (native path) and in the bench page (WASM pool). The clip's XMP is not read: the
// vote gets empty current metadata.
import type { CatalogClient } from "../../src/lib/catalog";
import { suggest, type Calibration } from "../../src/lib/suggestion";
import type { Embedder } from "../../src/panel/embedding/embedder";

const MATCHES_PER_FRAME = 8; // the queue's

export interface ClipTimes {
  /** from the frames in hand to the first frame's suggestion */
  firstSuggestionMs: number;
  /** every frame embedded */
  embeddedMs: number;
  /** the final suggestion over every frame */
  clipMs: number;
}

export interface ClipSteps {
  embedder: Pick<Embedder, "embedClip">;
  catalog: Pick<CatalogClient, "matchFrames">;
  modelVersion: string;
  calibration: Calibration;
  /** brackets the embedder's own work (the event-loop probe runs only then) */
  onEmbedding?: (running: boolean) => void;
}

export async function clipThroughQueueSteps(steps: ClipSteps, frames: Blob[], labels: string[]): Promise<ClipTimes> {
  const { embedder, catalog, modelVersion, calibration } = steps;
  const suggestFrom = async (queries: ArrayLike<number>[]) => {
    const neighbours = await catalog.matchFrames(queries, { k: MATCHES_PER_FRAME, modelVersion });
    return suggest({ modelVersion, frames: neighbours, current: {}, calibration });
  };
  const start = performance.now();
  let early: Promise<number> | null = null;
  steps.onEmbedding?.(true);
  const result = await embedder.embedClip(frames, labels, (_index, embedding) => {
    early ??= suggestFrom([embedding]).then(() => performance.now() - start);
  });
  steps.onEmbedding?.(false);
  const embeddedMs = performance.now() - start;
  const firstSuggestionMs = (await early) ?? embeddedMs;
  await suggestFrom(result.frames);
  return { firstSuggestionMs, embeddedMs, clipMs: performance.now() - start };
}
