// Calls between the panel and one onnxruntime-web worker: each name maps to its result type.
import type { ModelOptions } from "../../lib/embedding/model-source";
import type { PreprocessorConfig } from "../../lib/embedding/pixels";
import type { RpcRequest, RpcResponse } from "../../lib/embedding/rpc";

export interface LoadedModelInfo {
  modelVersion: string;
  preprocess: PreprocessorConfig;
  /** WASM threads in this worker: 1 unless the page is cross-origin isolated */
  threads: number;
  /** whether onnxruntime-web runs its SIMD build here */
  simd: boolean;
  /** bytes of the model files this worker read, for sizing the pool by memory */
  modelBytes: number;
  /** of which the image encoder's files: what a worker without the text encoder reads */
  imageEncoderBytes: number;
}

export interface EmbeddedImages {
  frames: Float32Array[];
  decodeMs: number;
  inferenceMs: number;
}

export type EncoderWorkerCalls = {
  load: {
    params: { options: ModelOptions; wasm?: { simd?: boolean }; textEncoder?: boolean };
    result: LoadedModelInfo;
  };
  embedImages: { params: { images: Blob[]; labels?: string[] }; result: EmbeddedImages };
  embedTexts: { params: { texts: string[] }; result: Float32Array[] };
  /** decoding only, no model needed: the native path's decoder, off the page's thread */
  decodeImages: {
    params: { images: Blob[]; labels: string[]; preprocess: PreprocessorConfig };
    result: Float32Array[];
  };
};

export type WorkerRequest = RpcRequest<EncoderWorkerCalls>;
export type WorkerResponse = RpcResponse<EncoderWorkerCalls>;
