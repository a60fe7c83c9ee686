// The copy's matcher, off the panel's main thread: holds the matrix, answers nearest rows.
import { InThreadMatcher } from "../../lib/catalog/offline/copy-matcher";
import { answerRpc, type RpcHandlers, type RpcRequest, type RpcResponse } from "../../lib/worker-rpc";
import { MATCHER_FAILED, type MatcherCalls } from "./matcher-protocol";

const matcher = new InThreadMatcher();
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<RpcRequest<MatcherCalls>>) => void) | null;
  postMessage(message: RpcResponse<MatcherCalls>): void;
};

const handlers: RpcHandlers<MatcherCalls> = {
  async load({ matrix }) {
    await matcher.load(matrix);
    return { result: null };
  },
  async match({ queries, k, rows }) {
    const started = performance.now();
    const hits = await matcher.match(queries, k, rows);
    return { result: { hits, ms: performance.now() - started } };
  },
};

scope.onmessage = ({ data }) =>
  void answerRpc(
    data,
    handlers,
    (message) => scope.postMessage(message),
    () => MATCHER_FAILED,
  );
