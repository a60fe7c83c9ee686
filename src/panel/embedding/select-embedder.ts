// Chooses the inference path at load time: native first (17× faster than the best WASM path,
// bench/results/embed-*.json), the WASM pool when native cannot run, and a clear error when
// neither can. Only a model folder missing files stops the search: WASM would refuse it too.
import type { LoadProgress } from "../../lib/embedding/clip-model";
import { EmbeddingError } from "../../lib/embedding/embedding-error";
import type { ModelOptions } from "../../lib/embedding/model-source";
import type { ClipResult, Embedder, EmbedderInfo, EmbedderPath, OnFrame } from "./embedder";

export interface EmbedderCandidates {
  /** the native embedder, or why it cannot be tried here */
  native: () => Embedder | string;
  pool: () => Embedder;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const isModelProblem = (e: unknown) =>
  e instanceof EmbeddingError && (e.code === "MODEL_INCOMPLETE" || e.code === "MODEL_UNAVAILABLE");

export class SelectingEmbedder implements Embedder {
  private current: Embedder | null = null;
  private reason: string | undefined;

  constructor(private readonly candidates: EmbedderCandidates) {}

  get path(): EmbedderPath {
    return this.current?.path ?? "wasm-pool";
  }

  get detail(): string {
    if (!this.current) return "not loaded";
    return this.reason ? `${this.current.detail} (native not used: ${this.reason})` : this.current.detail;
  }

  async load(options: ModelOptions, onProgress?: (p: LoadProgress) => void): Promise<EmbedderInfo> {
    this.terminate();
    let reason: string;
    const native = this.candidates.native();
    if (typeof native === "string") reason = native;
    else {
      try {
        const info = await native.load(options, onProgress);
        this.current = native;
        this.reason = undefined;
        return info;
      } catch (e) {
        native.terminate();
        if (e instanceof EmbeddingError && e.code === "MODEL_INCOMPLETE") throw e;
        reason = message(e);
      }
    }
    const pool = this.candidates.pool();
    try {
      const info = await pool.load(options, onProgress);
      this.current = pool;
      this.reason = reason;
      return { ...info, reason };
    } catch (e) {
      pool.terminate();
      if (isModelProblem(e)) throw e;
      throw new EmbeddingError(
        "BACKEND_UNAVAILABLE",
        `No inference path runs here. Native: ${reason}. WASM: ${message(e)}. ` +
          "Update Premiere Pro, or report this with the panel's log to your admin.",
      );
    }
  }

  async embedClip(images: Blob[], labels?: string[], onFrame?: OnFrame): Promise<ClipResult> {
    return this.loaded().embedClip(images, labels, onFrame);
  }

  async embedTexts(texts: string[]): Promise<Float32Array[]> {
    return this.loaded().embedTexts(texts);
  }

  terminate(): void {
    this.current?.terminate();
    this.current = null;
  }

  private loaded(): Embedder {
    if (!this.current) throw new EmbeddingError("MODEL_UNAVAILABLE", "No model is loaded yet.");
    return this.current;
  }
}
