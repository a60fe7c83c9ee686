// Calls between the panel page and the native encoder thread (a Node worker_threads Worker
// running onnxruntime-node inside CEP's Node). Frames arrive decoded: the page decodes them on
// its canvas exactly as the WASM workers do, so both paths see the same pixels.
import type { PreprocessorConfig } from "./pixels";

export interface NativeLoaded {
  modelVersion: string;
  preprocess: PreprocessorConfig;
  /** onnxruntime-node's intra-op threads (half the cores: node/intra-op-threads.ts) */
  threads: number;
}

export type NativeThreadCalls = {
  /** modelDir is an OS path the thread reads with fs */
  load: { params: { modelDir: string; modelId?: string; quantized: boolean }; result: NativeLoaded };
  /** one batch: CHW float32 frames of crop×crop */
  embedPixels: { params: { pixels: Float32Array[] }; result: { frames: Float32Array[]; inferenceMs: number } };
  embedTexts: { params: { texts: string[] }; result: Float32Array[] };
};
