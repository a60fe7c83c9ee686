// Chooses the inference path at load time: native first (17× faster than the best WASM path,
// bench/results/embed-*.json), the WASM pool when native cannot run, and a clear error when
// neither can. Only a model folder missing files stops the search: WASM would refuse it too.
// The native embedder is made once per session, because its thread is (docs/adr/0021): a
// model change reloads inside it. If that thread dies, the session goes on with the WASM pool,
// the call that was running is answered by the pool, and `detail` says why.
import type { LoadProgress } from "../../lib/embedding/clip-model";
import { EmbeddingError } from "../../lib/embedding/embedding-error";
import type { ModelOptions } from "../../lib/embedding/model-source";
import type { ClipResult, Embedder, EmbedderInfo, EmbedderPath, OnFrame } from "./embedder";

export interface EmbedderCandidates {
  /** the native embedder, or why it cannot be tried here; asked once per session */
  native: () => Embedder | string;
  pool: () => Embedder;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const isModelProblem = (e: unknown) =>
  e instanceof EmbeddingError && (e.code === "MODEL_INCOMPLETE" || e.code === "MODEL_UNAVAILABLE");

export class SelectingEmbedder implements Embedder {
  private current: Embedder | null = null;
  private reason: string | undefined;
  /** this session's native embedder, or why there is none (not tried yet: undefined) */
  private native: Embedder | string | undefined;
  private pool: Embedder | null = null;
  private options: ModelOptions | null = null;
  /** the switch to WASM after the native thread died, shared by the calls that saw it die */
  private switching: Promise<Embedder> | null = null;

  constructor(private readonly candidates: EmbedderCandidates) {}

  get path(): EmbedderPath {
    return this.current?.path ?? "wasm-pool";
  }

  get detail(): string {
    if (!this.current) return "not loaded";
    return this.reason ? `${this.current.detail} (native not used: ${this.reason})` : this.current.detail;
  }

  async load(options: ModelOptions, onProgress?: (p: LoadProgress) => void): Promise<EmbedderInfo> {
    this.current = null;
    this.options = options;
    this.switching = null;
    this.native ??= this.candidates.native();
    const native = this.native;
    let reason: string;
    if (typeof native === "string") reason = native;
    else {
      try {
        const info = await native.load(options, onProgress);
        this.stopPool();
        this.current = native;
        this.reason = undefined;
        return info;
      } catch (e) {
        if (e instanceof EmbeddingError && e.code === "MODEL_INCOMPLETE") throw e;
        reason = message(e);
        // a thread that died is not started again: WASM for the rest of the session
        if (native.failure) this.dropNative(reason);
      }
    }
    return this.loadPool(options, onProgress, reason);
  }

  private async loadPool(
    options: ModelOptions,
    onProgress: ((p: LoadProgress) => void) | undefined,
    reason: string,
  ): Promise<EmbedderInfo> {
    this.stopPool();
    const pool = this.candidates.pool();
    try {
      const info = await pool.load(options, onProgress);
      this.pool = pool;
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
    const current = this.loaded();
    try {
      return await current.embedClip(images, labels, onFrame);
    } catch (e) {
      return (await this.afterDeath(current, e)).embedClip(images, labels, onFrame);
    }
  }

  async embedTexts(texts: string[]): Promise<Float32Array[]> {
    const current = this.loaded();
    try {
      return await current.embedTexts(texts);
    } catch (e) {
      return (await this.afterDeath(current, e)).embedTexts(texts);
    }
  }

  /** The pool, loaded with the session's model, when `used` is the native thread that died;
   * otherwise the error stands. */
  private async afterDeath(used: Embedder, error: unknown): Promise<Embedder> {
    const failure = used.path === "native" ? used.failure : null;
    if (!failure || !this.options) throw error;
    const options = this.options;
    this.switching ??= (async () => {
      const reason = `${failure}; WASM for the rest of this session`;
      this.dropNative(reason);
      await this.loadPool(options, undefined, reason);
      return this.loaded();
    })();
    return this.switching;
  }

  private dropNative(reason: string): void {
    if (typeof this.native === "object") this.native.terminate();
    this.native = reason;
    this.current = null;
  }

  private stopPool(): void {
    this.pool?.terminate();
    this.pool = null;
  }

  /** The end of the session: the native thread cannot be started again after this. */
  terminate(): void {
    this.stopPool();
    if (typeof this.native === "object") this.native.terminate();
    this.current = null;
  }

  private loaded(): Embedder {
    if (!this.current) throw new EmbeddingError("MODEL_UNAVAILABLE", "No model is loaded yet.");
    return this.current;
  }
}
