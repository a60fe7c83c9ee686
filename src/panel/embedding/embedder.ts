// What the panel store calls to embed frames and texts, whichever path runs underneath:
// onnxruntime-node in CEP's Node ("native") or a pool of onnxruntime-web workers ("wasm-pool").
import type { ClipEmbedding, LoadProgress } from "../../lib/embedding/clip-model";
import type { ModelOptions } from "../../lib/embedding/model-source";

export type EmbedderPath = "native" | "wasm-pool";

export interface EmbedderInfo {
  modelVersion: string;
  /** inference threads in use: onnxruntime-node's own, or one per pool worker */
  threads: number;
  path: EmbedderPath;
  /** why the native path is not the one running */
  reason?: string;
}

export interface ClipResult extends ClipEmbedding {
  timings: { decodeMs: number; inferenceMs: number };
}

/** Fires as soon as one frame's embedding is ready (frames may finish out of order). */
export type OnFrame = (index: number, embedding: Float32Array) => void;

export interface Embedder {
  readonly path: EmbedderPath;
  /** one human line: "native (onnxruntime-node)", "WASM, 2 workers, no SIMD (native: …)" */
  readonly detail: string;
  /** why this path stopped for good (its thread died), or null/undefined while it can run */
  readonly failure?: string | null;
  load(options: ModelOptions, onProgress?: (p: LoadProgress) => void): Promise<EmbedderInfo>;
  embedClip(images: Blob[], labels?: string[], onFrame?: OnFrame): Promise<ClipResult>;
  embedTexts(texts: string[]): Promise<Float32Array[]>;
  terminate(): void;
}
