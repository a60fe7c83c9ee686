// A typed request/response channel between a thread and its caller (Web Worker or Node
// worker_threads). Each call name maps to its params and its result type, so neither side
// handles `unknown` results. Load progress travels as messages tagged with the request's id.
import type { LoadProgress } from "./clip-model";
import { EmbeddingError, type EmbeddingErrorCode } from "./embedding-error";

/** call name → { params; result } */
export type RpcMap = Record<string, { params: object; result: unknown }>;

export type RpcRequest<M extends RpcMap> = {
  [K in keyof M & string]: { id: number; type: K } & M[K]["params"];
}[keyof M & string];

export type RpcResponse<M extends RpcMap> =
  | { [K in keyof M & string]: { id: number; type: K; ok: true; result: M[K]["result"] } }[keyof M & string]
  | { id: number; ok: false; error: { code: EmbeddingErrorCode; message: string } }
  | { id: number; progress: LoadProgress };

/** What both a Web Worker and a Node worker_threads Worker can be adapted to. */
export interface RpcPort {
  post(message: unknown, transfer?: Transferable[]): void;
  /** called with each message from the thread */
  onMessage(listener: (message: unknown) => void): void;
  /** called once when the thread dies (uncaught error, exit, crash) */
  onFailure(listener: (reason: string) => void): void;
  terminate(): void;
}

type Pending = { resolve: (v: never) => void; reject: (e: unknown) => void; onProgress?: (p: LoadProgress) => void };

export class RpcClient<M extends RpcMap> {
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private failure: string | null = null;

  constructor(
    private readonly port: RpcPort,
    private readonly failureCode: EmbeddingErrorCode = "INFERENCE_FAILED",
  ) {
    port.onMessage((data) => {
      const message = data as RpcResponse<M>;
      const entry = this.pending.get(message.id);
      if (!entry) return;
      if ("progress" in message) return entry.onProgress?.(message.progress);
      this.pending.delete(message.id);
      if (message.ok) entry.resolve(message.result as never);
      else entry.reject(new EmbeddingError(message.error.code, message.error.message));
    });
    port.onFailure((reason) => this.fail(new EmbeddingError(this.failureCode, reason)));
  }

  private fail(error: EmbeddingError): void {
    this.failure ??= error.message;
    for (const [, entry] of this.pending) entry.reject(error);
    this.pending.clear();
  }

  /** the reason the thread died, or null while it lives */
  get failed(): string | null {
    return this.failure;
  }

  call<K extends keyof M & string>(
    type: K,
    params: M[K]["params"],
    options: { transfer?: Transferable[]; onProgress?: (p: LoadProgress) => void } = {},
  ): Promise<M[K]["result"]> {
    if (this.failure) return Promise.reject(new EmbeddingError(this.failureCode, this.failure));
    const id = this.nextId++;
    return new Promise<M[K]["result"]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: never) => void, reject, onProgress: options.onProgress });
      this.port.post({ ...params, type, id }, options.transfer);
    });
  }

  /** Stops the thread; calls still waiting are rejected, never left hanging. */
  terminate(): void {
    this.port.terminate();
    this.fail(new EmbeddingError("INFERENCE_FAILED", "The embedder was stopped."));
  }
}

export type RpcHandlers<M extends RpcMap> = {
  [K in keyof M & string]: (
    request: { id: number; type: K } & M[K]["params"],
    progress: (p: LoadProgress) => void,
  ) => Promise<{ result: M[K]["result"]; transfer?: Transferable[] }>;
};

/** The thread's side: runs one handler per request and answers with its result or its error. */
export async function answerRpc<M extends RpcMap>(
  request: RpcRequest<M>,
  handlers: RpcHandlers<M>,
  post: (message: RpcResponse<M>, transfer?: Transferable[]) => void,
): Promise<void> {
  const { id, type } = request;
  try {
    const handler = handlers[type] as (
      r: typeof request,
      progress: (p: LoadProgress) => void,
    ) => Promise<{ result: unknown; transfer?: Transferable[] }>;
    const { result, transfer } = await handler(request, (progress) => post({ id, progress }));
    post({ id, type, ok: true, result } as RpcResponse<M>, transfer);
  } catch (e) {
    const code = e instanceof EmbeddingError ? e.code : "INFERENCE_FAILED";
    post({ id, ok: false, error: { code, message: (e as Error)?.message ?? String(e) } });
  }
}
