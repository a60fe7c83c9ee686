// The panel's CLIP worker: model loading and inference off the UI thread. onnxruntime-web's
// WASM files come from the extension itself (../ort/), never a CDN; one thread unless the page
// is cross-origin isolated (CEP pages are not: SharedArrayBuffer there can blank a panel).
import { env } from "@xenova/transformers";
import { ClipModel } from "../../lib/embedding/clip-model";
import { decodeBlobForClip } from "../../lib/embedding/browser/decode-image";
import { EmbeddingError } from "../../lib/embedding/embedding-error";
import { ModelFileCache, toModelUrl } from "./model-file-cache";
import type { ClipResult, LoadedModelInfo, WorkerRequest, WorkerResponse } from "./protocol";

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
const post = (message: WorkerResponse, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.type) {
    case "load": {
      const options = request.options;
      // CEP 11 (Chromium 88) has no WASM SIMD; benchmarks can ask for the plain build explicitly
      if (request.wasm?.simd === false) wasm.simd = false;
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
      model = await ClipModel.load({
        ...options,
        source,
        onProgress: (progress) => post({ id: request.id, progress }),
        // check a folder's files before loading anything
        fileExists: folder ? (rel) => files.exists(`${folder}/${rel}`) : undefined,
      });
      const info: LoadedModelInfo = { modelVersion: model.modelVersion, preprocess: model.preprocess, threads };
      return info;
    }
    case "embedClip": {
      if (!model) throw new EmbeddingError("MODEL_UNAVAILABLE", "No model is loaded yet.");
      const t0 = performance.now();
      const pixels = [];
      for (let i = 0; i < request.images.length; i++) {
        pixels.push(
          await decodeBlobForClip(request.images[i], model.preprocess, request.labels?.[i] ?? `frame ${i + 1}`),
        );
      }
      const t1 = performance.now();
      const embedded = await model.embedClip(pixels);
      const result: ClipResult = { ...embedded, timings: { decodeMs: t1 - t0, inferenceMs: performance.now() - t1 } };
      return result;
    }
    case "embedTexts": {
      if (!model) throw new EmbeddingError("MODEL_UNAVAILABLE", "No model is loaded yet.");
      return model.embedTexts(request.texts);
    }
  }
}

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    const result = await handle(request);
    post({ id: request.id, ok: true, result });
  } catch (e) {
    const code = e instanceof EmbeddingError ? e.code : "INFERENCE_FAILED";
    post({ id: request.id, ok: false, error: { code, message: (e as Error)?.message ?? String(e) } });
  }
};
