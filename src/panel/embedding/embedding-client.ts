// The UI thread's handle on the embedding worker: promise per request, load progress as events.
import type { LoadProgress } from "../../lib/embedding/clip-model";
import { EmbeddingError, type EmbeddingErrorCode } from "../../lib/embedding/embedding-error";
import type { ModelOptions } from "../../lib/embedding/model-source";
import type { ClipResult, LoadedModelInfo, WorkerRequest, WorkerResponse } from "./protocol";
import workerPath from "./embedding.worker.ts?worker&url";

type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void; onProgress?: (p: LoadProgress) => void };
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

export class EmbeddingClient {
  private nextId = 1;
  private pending = new Map<number, Pending>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      const entry = this.pending.get(message.id);
      if (!entry) return;
      if ("progress" in message) return entry.onProgress?.(message.progress);
      this.pending.delete(message.id);
      if (message.ok) entry.resolve(message.result);
      else entry.reject(new EmbeddingError(message.error.code as EmbeddingErrorCode, message.error.message));
    };
    worker.onerror = (event) => {
      for (const [, entry] of this.pending)
        entry.reject(new EmbeddingError("INFERENCE_FAILED", `embedding worker failed: ${event.message}`));
      this.pending.clear();
    };
  }

  /** The built worker sits in assets/ beside the panel bundle; the page is main/index.html. The
   * bundle is CommonJS (no import.meta), so the URL is resolved against the page. */
  static start(pageUrl = document.baseURI): EmbeddingClient {
    const file = workerPath.slice(workerPath.lastIndexOf("assets/"));
    return new EmbeddingClient(new Worker(new URL(`../${file}`, pageUrl)));
  }

  private request<T>(
    message: DistributiveOmit<WorkerRequest, "id">,
    onProgress?: (p: LoadProgress) => void,
  ): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      this.worker.postMessage({ ...message, id });
    });
  }

  load(options: ModelOptions, onProgress?: (p: LoadProgress) => void): Promise<LoadedModelInfo> {
    return this.request({ type: "load", options }, onProgress);
  }

  embedClip(images: Blob[], labels?: string[]): Promise<ClipResult> {
    return this.request({ type: "embedClip", images, labels });
  }

  embedTexts(texts: string[]): Promise<Float32Array[]> {
    return this.request({ type: "embedTexts", texts });
  }

  terminate(): void {
    this.worker.terminate();
  }
}
