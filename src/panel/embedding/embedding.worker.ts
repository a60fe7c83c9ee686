// One onnxruntime-web worker of the panel's WASM pool: model loading and inference off the UI
// thread. onnxruntime-web's WASM files come from the extension itself (../ort/), never a CDN;
// one thread unless the page is cross-origin isolated (CEP pages are not: SharedArrayBuffer
// there can blank a panel).
import { env } from "@xenova/transformers";
import { ClipModel } from "../../lib/embedding/clip-model";
import { decodeBlobForClip } from "../../lib/embedding/browser/decode-image";
import { EmbeddingError } from "../../lib/embedding/embedding-error";
import { requiredModelFiles } from "../../lib/embedding/model-source";
import type { PreprocessorConfig } from "../../lib/embedding/pixels";
import { answerRpc, type RpcHandlers } from "../../lib/embedding/rpc";
import { ModelFileCache, toModelUrl } from "./model-file-cache";
import type { EncoderWorkerCalls, WorkerRequest, WorkerResponse } from "./protocol";
import { wasmSimdSupported } from "./wasm-features";

// The parts of DedicatedWorkerGlobalScope used here (the DOM and WebWorker libs cannot both be on).
const scope = self as unknown as {
  crossOriginIsolated: boolean;
  location: Location;
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};
const threads = scope.crossOriginIsolated ? Math.min(2, navigator.hardwareConcurrency || 1) : 1;
const wasm = env.backends.onnx.wasm as { wasmPaths: string; numThreads: number; proxy: boolean; simd: boolean };
wasm.wasmPaths = new URL("../ort/", scope.location.href).toString();
wasm.numThreads = threads;
wasm.proxy = false;

let model: ClipModel | null = null;
const loaded = () => {
  if (!model) throw new EmbeddingError("MODEL_UNAVAILABLE", "No model is loaded yet.");
  return model;
};

const handlers: RpcHandlers<EncoderWorkerCalls> = {
  async load({ options, wasm: wanted, textEncoder }, progress) {
    // CEP 11 (Chromium 88) has no usable WASM SIMD; benchmarks can ask for the plain build explicitly
    wasm.simd = wanted?.simd !== false && wasmSimdSupported();
    // model files: file:// (Premiere) through XHR, http(s) through fetch, hub downloads cached
    const files = await ModelFileCache.open(scope.location.href);
    env.useBrowserCache = false;
    env.useCustomCache = true;
    (env as unknown as { customCache: ModelFileCache }).customCache = files;
    const source =
      options.source.kind === "hub"
        ? options.source
        : { ...options.source, path: toModelUrl(options.source.path, scope.location.protocol) };
    const folder = source.kind === "hub" ? null : source.path.replace(/\/$/, "");
    const sizes = new Map<string, number>();
    model = await ClipModel.load({
      ...options,
      source,
      textEncoder,
      onProgress: (p) => {
        if (p.total) sizes.set(p.file, p.total);
        progress(p);
      },
      // check a folder's files before loading anything
      fileExists: folder ? (rel) => files.exists(`${folder}/${rel}`) : undefined,
    });
    const sum = (files: string[]) => files.reduce((total, f) => total + (sizes.get(f) ?? 0), 0);
    const info = { modelVersion: model.modelVersion, preprocess: model.preprocess, threads, simd: wasm.simd };
    const quantized = options.quantized ?? true;
    return {
      result: {
        ...info,
        modelBytes: sum([...sizes.keys()]),
        imageEncoderBytes: sum(requiredModelFiles(quantized, false)),
      },
    };
  },
  async embedImages({ images, labels }) {
    const encoder = loaded();
    const t0 = performance.now();
    const pixels = await decodeAll(images, labels, encoder.preprocess);
    const t1 = performance.now();
    const frames = await encoder.embedImages(pixels);
    const result = { frames, decodeMs: t1 - t0, inferenceMs: performance.now() - t1 };
    return { result, transfer: frames.map((f) => f.buffer as ArrayBuffer) };
  },
  async embedTexts({ texts }) {
    return { result: await loaded().embedTexts(texts) };
  },
  async decodeImages({ images, labels, preprocess }) {
    const pixels = await decodeAll(images, labels, preprocess);
    return { result: pixels, transfer: pixels.map((p) => p.buffer as ArrayBuffer) };
  },
};

async function decodeAll(images: Blob[], labels: string[] | undefined, cfg: PreprocessorConfig) {
  const pixels: Float32Array[] = [];
  for (let i = 0; i < images.length; i++)
    pixels.push(await decodeBlobForClip(images[i], cfg, labels?.[i] ?? `frame ${i + 1}`));
  return pixels;
}

scope.onmessage = (event) =>
  void answerRpc(event.data, handlers, (message: WorkerResponse, transfer = []) =>
    scope.postMessage(message, transfer),
  );
