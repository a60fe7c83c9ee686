// A typed request/response channel between a thread and its caller (Web Worker or Node
// worker_threads). Each call name maps to its params and its result type, so neither side
// handles `unknown` results. Progress travels as messages tagged with the request's id. Used by
// the encoder's threads (src/lib/embedding/rpc.ts) and the offline copy's matcher worker.

/** call name → { params; result } */
export type RpcMap = Record<string, { params: object; result: unknown }>;

export type RpcRequest<M extends RpcMap> = {
  [K in keyof M & string]: { id: number; type: K } & M[K]["params"];
}[keyof M & string];

export type RpcResponse<M extends RpcMap, P = never> =
  | { [K in keyof M & string]: { id: number; type: K; ok: true; result: M[K]["result"] } }[keyof M & string]
  | { id: number; ok: false; error: { code: string; message: string } }
  | { id: number; progress: P };

/** What both a Web Worker and a Node worker_threads Worker can be adapted to. */
export interface RpcPort {
  post(message: unknown, transfer?: Transferable[]): void;
  /** called with each message from the thread */
  onMessage(listener: (message: unknown) => void): void;
  /** called once when the thread dies (uncaught error, exit, crash) */
  onFailure(listener: (reason: string) => void): void;
  terminate(): void;
}

export interface RpcClientOptions {
  /** the code of the error a call gets when the thread dies */
  failureCode: string;
  /** what a call still waiting gets when the caller stops the thread */
  stopped: { code: string; message: string };
  /** the error a call is rejected with: the thread's own, or one of the two above */
  toError(code: string, message: string): Error;
}

type Pending<P> = { resolve: (v: never) => void; reject: (e: unknown) => void; onProgress?: (p: P) => void };

export class RpcClient<M extends RpcMap, P = never> {
  private nextId = 1;
  private pending = new Map<number, Pending<P>>();
  private failure: string | null = null;

  constructor(
    private readonly port: RpcPort,
    private readonly options: RpcClientOptions,
  ) {
    port.onMessage((data) => {
      const message = data as RpcResponse<M, P>;
      const entry = this.pending.get(message.id);
      if (!entry) return;
      if ("progress" in message) return entry.onProgress?.(message.progress);
      this.pending.delete(message.id);
      if (message.ok) entry.resolve(message.result as never);
      else entry.reject(options.toError(message.error.code, message.error.message));
    });
    port.onFailure((reason) => this.fail(options.toError(options.failureCode, reason)));
  }

  private fail(error: Error): void {
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
    options: { transfer?: Transferable[]; onProgress?: (p: P) => void } = {},
  ): Promise<M[K]["result"]> {
    if (this.failure) return Promise.reject(this.options.toError(this.options.failureCode, this.failure));
    const id = this.nextId++;
    return new Promise<M[K]["result"]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: never) => void, reject, onProgress: options.onProgress });
      this.port.post({ ...params, type, id }, options.transfer);
    });
  }

  /** Stops the thread; calls still waiting are rejected, never left hanging. */
  terminate(): void {
    this.port.terminate();
    const { code, message } = this.options.stopped;
    this.fail(this.options.toError(code, message));
  }
}

export type RpcHandlers<M extends RpcMap, P = never> = {
  [K in keyof M & string]: (
    request: { id: number; type: K } & M[K]["params"],
    progress: (p: P) => void,
  ) => Promise<{ result: M[K]["result"]; transfer?: Transferable[] }>;
};

/** The thread's side: runs one handler per request and answers with its result or its error;
 * `codeOf` names a thrown error's code for the caller. */
export async function answerRpc<M extends RpcMap, P = never>(
  request: RpcRequest<M>,
  handlers: RpcHandlers<M, P>,
  post: (message: RpcResponse<M, P>, transfer?: Transferable[]) => void,
  codeOf: (e: unknown) => string,
): Promise<void> {
  const { id, type } = request;
  try {
    const handler = handlers[type] as (
      r: typeof request,
      progress: (p: P) => void,
    ) => Promise<{ result: unknown; transfer?: Transferable[] }>;
    const { result, transfer } = await handler(request, (progress) => post({ id, progress }));
    post({ id, type, ok: true, result } as RpcResponse<M, P>, transfer);
  } catch (e) {
    post({ id, ok: false, error: { code: codeOf(e), message: (e as Error)?.message ?? String(e) } });
  }
}
