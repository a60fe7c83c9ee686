// The WASM path: several onnxruntime-web workers with one WASM thread each (CEP pages are not
// cross-origin isolated), each frame a job for the next free worker, results put back in frame
// order. Only the first worker loads the text encoder (each worker holds its own copy of what
// it loads). A worker that dies is replaced and its frame tried once more.
import type { LoadProgress } from "../../lib/embedding/clip-model";
import { EmbeddingError } from "../../lib/embedding/embedding-error";
import type { ModelOptions } from "../../lib/embedding/model-source";
import { meanEmbedding } from "../../lib/embedding/pooling";
import { RpcClient, type RpcPort } from "../../lib/embedding/rpc";
import { webWorkerPort as workerPort } from "../../lib/worker-rpc";
import type { ClipResult, Embedder, EmbedderInfo, OnFrame } from "./embedder";
import { poolSize, type PoolSize } from "./pool-size";
import type { EncoderWorkerCalls, LoadedModelInfo } from "./protocol";

export interface WasmPoolOptions {
  /** starts one worker (a Web Worker in the panel, a fake in tests) */
  createPort: () => RpcPort;
  maxWorkers?: number;
  hardwareConcurrency?: number;
  deviceMemoryGb?: number;
  /** false forces onnxruntime-web's plain build, as on CEP 11 */
  simd?: boolean;
}

type FrameResult = { frame: Float32Array; decodeMs: number; inferenceMs: number };
interface Job {
  blob: Blob;
  label: string;
  retried: boolean;
  resolve: (r: FrameResult) => void;
  reject: (e: unknown) => void;
}
interface Slot {
  client: RpcClient<EncoderWorkerCalls>;
  busy: boolean;
  /** whether this worker loaded the text encoder */
  text: boolean;
}

export class WasmPoolEmbedder implements Embedder {
  readonly path = "wasm-pool" as const;
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private model: { options: ModelOptions; info: LoadedModelInfo; size: PoolSize } | null = null;
  private replacing = 0;
  /** bumped by terminate(): workers that finish loading for an older generation are stopped */
  private generation = 0;

  constructor(private readonly options: WasmPoolOptions) {}

  get detail(): string {
    if (!this.model) return "WASM (not loaded)";
    const n = this.slots.length;
    return `WASM, ${n} worker${n === 1 ? "" : "s"}, ${this.model.info.simd ? "SIMD" : "no SIMD"}`;
  }

  /** the size chosen at load and why (cores, memory or the setting) */
  get size(): PoolSize | null {
    return this.model?.size ?? null;
  }

  async load(options: ModelOptions, onProgress?: (p: LoadProgress) => void): Promise<EmbedderInfo> {
    this.terminate();
    const generation = this.generation;
    const stopped = () => new EmbeddingError("INFERENCE_FAILED", "The embedder was stopped while loading.");
    // the first worker reports progress and the model's size; the others start once it is known
    const first = await this.startWorker(options, true, onProgress);
    if (generation !== this.generation) {
      first.slot.client.terminate();
      throw stopped();
    }
    const size = poolSize({
      hardwareConcurrency: this.options.hardwareConcurrency,
      deviceMemoryGb: this.options.deviceMemoryGb,
      maxWorkers: this.options.maxWorkers,
      modelBytes: first.info.modelBytes,
      imageEncoderBytes: first.info.imageEncoderBytes,
    });
    this.model = { options, info: first.info, size };
    this.slots.push(first.slot);
    // a worker that cannot start leaves a smaller pool, not a failed one
    const others = await Promise.allSettled(
      Array.from({ length: size.workers - 1 }, () => this.startWorker(options, false)),
    );
    const started = others.flatMap((o) => (o.status === "fulfilled" ? [o.value.slot] : []));
    if (generation !== this.generation) {
      for (const slot of started) slot.client.terminate();
      throw stopped();
    }
    this.slots.push(...started);
    return {
      modelVersion: first.info.modelVersion,
      threads: this.slots.length * first.info.threads,
      path: this.path,
    };
  }

  async embedClip(images: Blob[], labels?: string[], onFrame?: OnFrame): Promise<ClipResult> {
    const model = this.loaded();
    if (images.length === 0) throw new EmbeddingError("IMAGE_UNREADABLE", "A clip needs at least one frame.");
    const results = await Promise.all(
      images.map((blob, i) =>
        this.enqueue(blob, labels?.[i] ?? `frame ${i + 1}`).then((r) => {
          onFrame?.(i, r.frame);
          return r;
        }),
      ),
    );
    const frames = results.map((r) => r.frame);
    return {
      modelVersion: model.info.modelVersion,
      frames,
      pooled: meanEmbedding(frames),
      // summed over frames: with several workers the wall time is shorter
      timings: {
        decodeMs: results.reduce((s, r) => s + r.decodeMs, 0),
        inferenceMs: results.reduce((s, r) => s + r.inferenceMs, 0),
      },
    };
  }

  async embedTexts(texts: string[]): Promise<Float32Array[]> {
    this.loaded();
    const slot = this.slots.find((s) => s.text && !s.client.failed);
    if (!slot) throw new EmbeddingError("INFERENCE_FAILED", "The text encoder's worker is restarting: try again.");
    return slot.client.call("embedTexts", { texts });
  }

  terminate(): void {
    this.generation++;
    for (const slot of this.slots) slot.client.terminate();
    this.slots = [];
    this.model = null;
    const stopped = new EmbeddingError("INFERENCE_FAILED", "The embedder was stopped.");
    for (const job of this.queue.splice(0)) job.reject(stopped);
  }

  private loaded() {
    if (!this.model) throw new EmbeddingError("MODEL_UNAVAILABLE", "No model is loaded yet.");
    return this.model;
  }

  private async startWorker(options: ModelOptions, text: boolean, onProgress?: (p: LoadProgress) => void) {
    const client = new RpcClient<EncoderWorkerCalls>(this.options.createPort(), "BACKEND_UNAVAILABLE");
    try {
      const wasm = { simd: this.options.simd };
      const info = await client.call("load", { options, wasm, textEncoder: text }, { onProgress });
      return { info, slot: { client, busy: false, text } };
    } catch (e) {
      client.terminate();
      throw e;
    }
  }

  private enqueue(blob: Blob, label: string): Promise<FrameResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ blob, label, retried: false, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of [...this.slots]) {
      if (slot.client.failed) this.replace(slot);
      else if (!slot.busy && this.queue.length) void this.run(slot, this.queue.shift()!);
    }
  }

  private async run(slot: Slot, job: Job): Promise<void> {
    slot.busy = true;
    try {
      const r = await slot.client.call("embedImages", { images: [job.blob], labels: [job.label] });
      job.resolve({ frame: r.frames[0], decodeMs: r.decodeMs, inferenceMs: r.inferenceMs });
    } catch (e) {
      const died = slot.client.failed;
      if (!died)
        job.reject(e); // the worker answered: a bad image is not retried
      else if (job.retried)
        job.reject(new EmbeddingError("INFERENCE_FAILED", `${job.label}: the embedding worker died twice (${died})`));
      else this.queue.unshift({ ...job, retried: true });
    } finally {
      slot.busy = false;
      this.pump();
    }
  }

  /** Drops a dead worker and starts another with the same model; the queue waits for it. */
  private replace(dead: Slot): void {
    this.slots = this.slots.filter((s) => s !== dead);
    dead.client.terminate();
    const model = this.model;
    if (!model) return;
    this.replacing++;
    this.startWorker(model.options, dead.text).then(
      ({ slot }) => {
        this.replacing--;
        if (this.model !== model) return slot.client.terminate(); // reloaded or stopped meanwhile
        this.slots.push(slot);
        this.pump();
      },
      (e) => {
        this.replacing--;
        if (this.slots.length === 0 && this.replacing === 0) for (const job of this.queue.splice(0)) job.reject(e);
      },
    );
  }
}

/** An embedding worker as an RPC port (its death rejects the calls waiting on it). */
export const webWorkerPort = (worker: Worker): RpcPort => workerPort(worker, "embedding worker");
