// The native path: onnxruntime-node in a Node worker_threads Worker started from the panel
// page in CEP. A Web Worker decodes the frames (the same canvas code as the WASM path) and the
// page passes their pixels on; the thread runs the image encoder on the batch, so the page's
// event loop stays free while frames decode and the encoder infers. One thread for the page's
// life (docs/adr/0021): onnxruntime-node 1.14's binding registers once per process, so a second
// thread could not load it; a model change loads inside the same thread.
import type { LoadProgress } from "../../../lib/embedding/clip-model";
import { EmbeddingError } from "../../../lib/embedding/embedding-error";
import type { ModelOptions } from "../../../lib/embedding/model-source";
import type { NativeLoaded, NativeThreadCalls } from "../../../lib/embedding/native-protocol";
import type { PreprocessorConfig } from "../../../lib/embedding/pixels";
import { meanEmbedding } from "../../../lib/embedding/pooling";
import { RpcClient, type RpcPort } from "../../../lib/embedding/rpc";
import type { ClipResult, Embedder, EmbedderInfo, OnFrame } from "../embedder";
import { nativeFiles, type PageNode } from "./page-node";

/** Frames → CHW pixels for the encoder (a Web Worker's canvas in the panel, sharp in tests). */
export type DecodeFrames = (images: Blob[], labels: string[], cfg: PreprocessorConfig) => Promise<Float32Array[]>;

/** Resolves a model source to a folder on disk (hub models are downloaded there first). */
export type ModelFolder = (options: ModelOptions, onProgress?: (p: LoadProgress) => void) => Promise<string>;

export interface NativeEmbedderOptions {
  node: PageNode;
  pageUrl: string;
  decode: DecodeFrames;
  modelFolder: ModelFolder;
  /** stops what the decoder started */
  onTerminate?: () => void;
}

type NodeWorker = {
  on(event: "message", l: (m: unknown) => void): void;
  on(event: "error", l: (e: Error) => void): void;
  on(event: "exit", l: (code: number) => void): void;
  postMessage(m: unknown, transfer?: unknown[]): void;
  terminate(): Promise<number>;
};
type WorkerThreads = { Worker: new (file: string) => NodeWorker };

export class NativeEmbedder implements Embedder {
  readonly path = "native" as const;
  readonly detail = "native (onnxruntime-node)";
  private client: RpcClient<NativeThreadCalls> | null = null;
  private model: NativeLoaded | null = null;
  private stopped = false;

  constructor(private readonly options: NativeEmbedderOptions) {}

  /** Loads a model in the thread, started on the first load; a later load replaces the model.
   * A thread that died (BACKEND_UNAVAILABLE) is not started again: the binding would refuse. */
  async load(options: ModelOptions, onProgress?: (p: LoadProgress) => void): Promise<EmbedderInfo> {
    if (this.stopped)
      throw new EmbeddingError("BACKEND_UNAVAILABLE", "the native encoder thread was stopped for this panel session");
    this.model = null;
    const modelDir = await this.options.modelFolder(options, onProgress);
    const client = this.thread();
    // a hub model keeps its hub id (so its model_version matches the WASM path's)
    const { modelId } = options.source;
    const model = await client.call(
      "load",
      { modelDir, modelId, quantized: options.quantized ?? true },
      { onProgress },
    );
    this.model = model;
    return { modelVersion: model.modelVersion, threads: model.threads, path: this.path };
  }

  /** why the thread is gone (it crashed or exited), or null while it runs or before it starts */
  get failure(): string | null {
    return this.client?.failed ?? null;
  }

  private thread(): RpcClient<NativeThreadCalls> {
    if (this.client) return this.client;
    const { node, pageUrl } = this.options;
    const { Worker } = node.require("worker_threads") as WorkerThreads;
    // a binary that cannot load (missing library, refused ABI) fails the thread at start-up
    this.client = new RpcClient(
      nodeWorkerPort(new Worker(nativeFiles(node, pageUrl).threadScript)),
      "BACKEND_UNAVAILABLE",
    );
    return this.client;
  }

  /** The first frame goes alone, so that its suggestion can start while the others decode;
   * the rest go as one batch. */
  async embedClip(images: Blob[], labels?: string[], onFrame?: OnFrame): Promise<ClipResult> {
    const { model } = this.loaded();
    if (images.length === 0) throw new EmbeddingError("IMAGE_UNREADABLE", "A clip needs at least one frame.");
    const names = images.map((_, i) => labels?.[i] ?? `frame ${i + 1}`);
    const timings = { decodeMs: 0, inferenceMs: 0 };
    const decode = async (from: number, to: number) => {
      const t = performance.now();
      const pixels = await this.options.decode(images.slice(from, to), names.slice(from, to), model.preprocess);
      timings.decodeMs += performance.now() - t;
      return pixels;
    };
    const first = await decode(0, 1);
    const rest = images.length > 1 ? decode(1, images.length) : Promise.resolve([]);
    rest.catch(() => {}); // its error is thrown where it is awaited below
    const frames = await this.infer(first, 0, timings, onFrame);
    frames.push(...(await this.infer(await rest, 1, timings, onFrame)));
    return { modelVersion: model.modelVersion, frames, clip: meanEmbedding(frames), timings };
  }

  private async infer(pixels: Float32Array[], offset: number, timings: ClipResult["timings"], onFrame?: OnFrame) {
    if (pixels.length === 0) return [];
    const transfer = pixels.map((p) => p.buffer as ArrayBuffer);
    const { frames, inferenceMs } = await this.loaded().client.call("embedPixels", { pixels }, { transfer });
    timings.inferenceMs += inferenceMs;
    frames.forEach((f, i) => onFrame?.(offset + i, f));
    return frames;
  }

  async embedTexts(texts: string[]): Promise<Float32Array[]> {
    return this.loaded().client.call("embedTexts", { texts });
  }

  /** Stops the thread for good: this page cannot start another one (see load). */
  terminate(): void {
    this.options.onTerminate?.();
    this.stopped = true;
    this.client?.terminate();
    this.client = null;
    this.model = null;
  }

  private loaded() {
    if (!this.client || !this.model) throw new EmbeddingError("MODEL_UNAVAILABLE", "No model is loaded yet.");
    return { client: this.client, model: this.model };
  }
}

function nodeWorkerPort(worker: NodeWorker): RpcPort {
  let stopping = false;
  return {
    post: (message, transfer = []) => worker.postMessage(message, transfer),
    onMessage: (listener) => worker.on("message", listener),
    onFailure: (listener) => {
      worker.on("error", (e) => listener(`the native encoder thread failed: ${e.message}`));
      worker.on("exit", (code) => {
        if (!stopping) listener(`the native encoder thread exited (code ${code})`);
      });
    },
    terminate: () => {
      stopping = true;
      void worker.terminate();
    },
  };
}
