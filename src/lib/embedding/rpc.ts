// The encoder's threads speak the shared worker RPC (src/lib/worker-rpc) with load progress as
// their progress messages and EmbeddingErrors as their errors.
import * as core from "../worker-rpc/rpc";
import type { LoadProgress } from "./clip-model";
import { EmbeddingError, type EmbeddingErrorCode } from "./embedding-error";

export type { RpcMap, RpcPort } from "../worker-rpc/rpc";
export type RpcRequest<M extends core.RpcMap> = core.RpcRequest<M>;
export type RpcResponse<M extends core.RpcMap> = core.RpcResponse<M, LoadProgress>;
export type RpcHandlers<M extends core.RpcMap> = core.RpcHandlers<M, LoadProgress>;

const toEmbeddingError = (code: string, message: string) => new EmbeddingError(code as EmbeddingErrorCode, message);

export class RpcClient<M extends core.RpcMap> extends core.RpcClient<M, LoadProgress> {
  constructor(port: core.RpcPort, failureCode: EmbeddingErrorCode = "INFERENCE_FAILED") {
    super(port, {
      failureCode,
      stopped: { code: "INFERENCE_FAILED", message: "The embedder was stopped." },
      toError: toEmbeddingError,
    });
  }
}

/** The thread's side: an EmbeddingError keeps its code, anything else is INFERENCE_FAILED. */
export function answerRpc<M extends core.RpcMap>(
  request: RpcRequest<M>,
  handlers: RpcHandlers<M>,
  post: (message: RpcResponse<M>, transfer?: Transferable[]) => void,
): Promise<void> {
  return core.answerRpc(request, handlers, post, (e) => (e instanceof EmbeddingError ? e.code : "INFERENCE_FAILED"));
}
