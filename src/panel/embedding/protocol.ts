// Messages between the panel and its embedding worker.
import type { LoadProgress } from "../../lib/embedding/clip-model";
import type { ModelOptions } from "../../lib/embedding/model-source";
import type { PreprocessorConfig } from "../../lib/embedding/pixels";

export type WorkerRequest =
  | { id: number; type: "load"; options: ModelOptions; wasm?: { simd?: boolean } }
  | { id: number; type: "embedClip"; images: Blob[]; labels?: string[] }
  | { id: number; type: "embedTexts"; texts: string[] };

export interface LoadedModelInfo {
  modelVersion: string;
  preprocess: PreprocessorConfig;
  threads: number;
}

export interface ClipResult {
  modelVersion: string;
  frames: Float32Array[];
  clip: Float32Array;
  timings: { decodeMs: number; inferenceMs: number };
}

export type WorkerResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { code: string; message: string } }
  | { id: number; progress: LoadProgress };
