// The panel's side of the copy's matcher worker (copy-matcher.worker.ts), over the shared worker
// RPC: answers are paired with their requests, and if the worker dies every match still waiting
// is rejected with the reason (and later ones at once), never left hanging.
import type { CopyMatcher, MatrixHit } from "../../lib/catalog/offline";
import { RpcClient, webWorkerPort, type RpcPort } from "../../lib/worker-rpc";
import { MATCHER_STOPPED, type MatcherCalls } from "./matcher-protocol";

/** An error of the copy's matcher: one it answered with, or its worker's death (MATCHER_STOPPED). */
export class CopyMatcherError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(
      code === MATCHER_STOPPED
        ? `copy matcher: ${message}. Matching from the offline copy needs it: reopen the panel.`
        : `copy matcher: ${message}`,
    );
    this.name = "CopyMatcherError";
  }
}

const isWorker = (port: Worker | RpcPort): port is Worker => "postMessage" in port;

export class WorkerMatcher implements CopyMatcher {
  private readonly rpc: RpcClient<MatcherCalls>;
  /** the worker's own time for the last match, in ms (the bench reads it) */
  lastMatchMs = 0;

  /** a Worker running copy-matcher.worker.ts, or any port to one (tests) */
  constructor(worker: Worker | RpcPort) {
    const port = isWorker(worker) ? webWorkerPort(worker, "the offline copy's matcher worker") : worker;
    this.rpc = new RpcClient<MatcherCalls>(port, {
      failureCode: MATCHER_STOPPED,
      stopped: { code: MATCHER_STOPPED, message: "the matcher worker was stopped" },
      toError: (code, message) => new CopyMatcherError(code, message),
    });
  }

  async load(matrix: Float32Array): Promise<void> {
    await this.rpc.call("load", { matrix }, { transfer: [matrix.buffer] });
  }

  async match(queries: Float32Array[], k: number, rows?: number[]): Promise<MatrixHit[][]> {
    const { hits, ms } = await this.rpc.call("match", { queries, k, rows });
    this.lastMatchMs = ms;
    return hits;
  }

  /** Stops the worker; matches still waiting are rejected. */
  terminate(): void {
    this.rpc.terminate();
  }
}
