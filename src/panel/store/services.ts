// What the store talks to, injected so that slices are tested with fakes and so that clients
// stay out of the reactive state (a progress tick never re-renders on a client swap).
import type { HostClient } from "../../lib/bridge";
import type { CatalogClient, OutboxStorage } from "../../lib/catalog";
import type { CatalogCopy } from "../../lib/catalog/offline";
import type { LoadProgress } from "../../lib/embedding/clip-model";
import type { ModelOptions } from "../../lib/embedding/model-source";
import type { MediaAccess } from "../frames/media-access";
import type { GrabbedFrames } from "../frames/grab-frames";
import type { ProjectItemRecord } from "../../shared/bridge/contract";
import type { SelfCheckServices } from "../self-check/self-check-services";

/** The encoder as the store uses it (src/panel/embedding/embedder.ts has the full interface:
 * the native path or the WASM pool); tests give fakes of just this. */
export interface Embedder {
  /** which path runs and why, for the details line */
  readonly detail?: string;
  /** which inference path runs: onnxruntime-node ("native") or the WASM pool */
  readonly path?: "native" | "wasm-pool";
  load(
    options: ModelOptions,
    onProgress?: (p: LoadProgress) => void,
  ): Promise<{ modelVersion: string; threads: number; path?: "native" | "wasm-pool"; reason?: string }>;
  embedClip(
    images: Blob[],
    labels?: string[],
    /** fires as each frame's embedding is ready, for progressive suggestions */
    onFrame?: (index: number, embedding: Float32Array) => void,
  ): Promise<{ modelVersion: string; frames: Float32Array[]; clip: Float32Array }>;
  embedTexts(texts: string[]): Promise<Float32Array[]>;
}

export interface PanelServices {
  host: HostClient;
  media?: MediaAccess;
  embedder?: Embedder;
  /** set when a catalog is configured; replaced on reconnect */
  catalog: CatalogClient | null;
  /** where the queue survives reloads (localStorage in the panel) */
  storage?: Pick<Storage, "getItem" | "setItem">;
  /** frame grabbing, replaceable in tests; fractions: where in the clip (the settings' frames per clip) */
  grab?: (clip: ProjectItemRecord, fractions: number[]) => Promise<GrabbedFrames>;
  /** where saves wait until the catalog acknowledges them (localStorage in the panel) */
  outboxStorage?: OutboxStorage;
  /** the clock a batch's rate and ETA are measured by (Date.now in the panel) */
  now?: () => number;
  /** the offline copy of the catalog: with it, the catalog client answers from it when offline */
  catalogCopy?: CatalogCopy;
  /** how often an OfflineCatalog answering from its copy asks the catalog again (default 10 s) */
  probeMs?: number;
  /** a JPEG of about 320 px of a frame, for a reference's thumbnail */
  thumbnail?: (frame: Blob) => Promise<Blob>;
  /** what "Check this Premiere" needs from the page (absent: the check is not offered) */
  selfCheck?: SelfCheckServices;
}
