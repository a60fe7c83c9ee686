// Fakes of the panel's services for store tests: an embedder whose vectors follow the frames'
// bytes, and a catalog holding a few labelled references that can be switched off. The host is
// the real compiled bundle in the simulator (simulated-host.ts).
import { CatalogError, type Catalog, type KnownValues } from "../lib/catalog";
import type { LabeledReference, Neighbour } from "../lib/suggestion";
import type { LoadProgress } from "../lib/embedding/clip-model";
import type { Embedder } from "../panel/store";
import type { EmbedderPath } from "../panel/embedding/embedder";
import type { IaMetadata } from "../shared/metadata/ia-metadata";
import { unitVector } from "./vectors";

export const MODEL = "test/fake@q8";
/** what a fake encoder reports of its time */
export const NO_TIMINGS = { decodeMs: 0, inferenceMs: 0 };
const DIMS = 512;

/** A unit vector near axis `axis`: frames of one "look" land close together. */
export const vectorNear = (axis: number, jitter = 0): Float32Array =>
  unitVector({ axis, extra: [{ axis: (axis + 1) % DIMS, weight: jitter }] });

/** Frames are blobs whose text is the axis of their look. */
export const frameOfLook = (axis: number) => new Blob([String(axis)], { type: "image/png" });

export class FakeEmbedder implements Embedder {
  readonly path: EmbedderPath = "wasm-pool";
  detail = "a fake encoder";
  calls = 0;
  async load(_options?: unknown, _onProgress?: (p: LoadProgress) => void) {
    return { modelVersion: MODEL, threads: 1, path: this.path };
  }
  async embedClip(images: Blob[], _labels?: string[], _onFrame?: (index: number, e: Float32Array) => void) {
    this.calls++;
    const frames = await Promise.all(images.map(async (b, i) => vectorNear(Number(await b.text()), 0.05 * i)));
    return { modelVersion: MODEL, frames, pooled: frames[0], timings: NO_TIMINGS };
  }
  /** From now on, each clip's first frame is ready at once and the others only when `finish` is
   * called: the store shows an early suggestion meanwhile. */
  holdAfterFirstFrame(): { finish: () => void } {
    let finish!: () => void;
    const rest = new Promise<void>((r) => (finish = r));
    const plain = this.embedClip.bind(this);
    this.embedClip = async (images, labels, onFrame) => {
      const result = await plain(images, labels);
      onFrame?.(0, result.frames[0]);
      await rest;
      return result;
    };
    return { finish };
  }
  async embedTexts(texts: string[]) {
    return texts.map((_, i) => vectorNear(i));
  }
  terminate() {}
}

export interface FakeReference {
  axis: number;
  metadata: IaMetadata;
}

export class FakeCatalog implements Catalog {
  down = false;
  matchCalls = 0;
  constructor(private readonly references: FakeReference[]) {}
  private check() {
    if (this.down) throw new CatalogError("UNREACHABLE", "fetch failed: connection refused");
  }
  async defaultModelVersion() {
    this.check();
    return MODEL;
  }
  /** nobody signed in */
  async account() {
    return null;
  }
  async knownValues(): Promise<KnownValues> {
    return { location: ["kitchen"], subject: ["oven"], action: [], keywords: [] };
  }
  async referenceSample(): Promise<LabeledReference[]> {
    this.check();
    return this.references.map((r, i) => ({
      referenceId: `ref-${i}`,
      embedding: vectorNear(r.axis, 0.1 * (i % 3)),
      metadata: r.metadata,
      shot: null,
    }));
  }
  async matchFrames(embeddings: ArrayLike<number>[]): Promise<Neighbour[][]> {
    this.check();
    this.matchCalls++;
    return embeddings.map((f) =>
      this.references
        .map((r, i) => {
          const e = vectorNear(r.axis, 0.1 * (i % 3));
          let s = 0;
          for (let d = 0; d < e.length; d++) s += e[d] * f[d];
          return { referenceId: `ref-${i}`, similarity: s, metadata: r.metadata, shot: null, modelVersion: MODEL };
        })
        .sort((a, b) => b.similarity - a.similarity)
        .slice(0, 8),
    );
  }
  async match(): Promise<Neighbour[]> {
    this.check();
    return [];
  }
  // nobody signs in or saves here: the tests that do use the local catalog
  async listShots() {
    return [];
  }
  async signInSession(): Promise<never> {
    throw new CatalogError("AUTH", "The fake catalog has no accounts.");
  }
  async signOut() {}
  async accessToken() {
    return null;
  }
  async uploadThumbnail(): Promise<never> {
    this.check();
    throw new CatalogError("NOT_ALLOWED", "The fake catalog keeps no thumbnails.");
  }
  async saveReference(): Promise<never> {
    this.check();
    throw new CatalogError("NOT_ALLOWED", "The fake catalog keeps no references.");
  }
}

/** Four looks, each with references of one subject: enough to calibrate. */
export function sampleReferences(): FakeReference[] {
  const looks: Array<[number, Partial<IaMetadata>]> = [
    [10, { location: "kitchen", subject: "oven", shotType: "MID", keywords: ["steel"] }],
    [20, { location: "kitchen", subject: "hob", shotType: "CU" }],
    [30, { location: "bathroom", subject: "tap", shotType: "CU" }],
    [40, { location: "garden", subject: "lawn", shotType: "WS" }],
  ];
  return looks.flatMap(([axis, m]) =>
    [0, 1, 2, 3].map(() => ({ axis, metadata: { location: "", subject: "", shotType: "WS", ...m } as IaMetadata })),
  );
}

export { memoryStorage } from "./memory-storage";
