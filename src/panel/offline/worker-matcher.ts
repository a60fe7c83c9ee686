// The panel's side of the copy's matcher worker (copy-matcher.worker.ts).
import type { CopyMatcher, MatrixHit } from "../../lib/catalog/offline";
import type { MatcherRequest, MatcherResponse } from "./matcher-protocol";

/** What the matcher needs of a Worker: a browser Worker, or a stand-in in tests. */
export interface MatcherPort {
  postMessage(message: MatcherRequest, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (e: MessageEvent<MatcherResponse>) => void): void;
}

export class WorkerMatcher implements CopyMatcher {
  private next = 1;
  private readonly waiting = new Map<number, (r: MatcherResponse) => void>();
  /** the worker's own time for the last match, in ms (the bench reads it) */
  lastMatchMs = 0;

  constructor(private readonly port: MatcherPort) {
    port.addEventListener("message", ({ data }) => {
      this.waiting.get(data.id)?.(data);
      this.waiting.delete(data.id);
    });
  }

  async load(matrix: Float32Array): Promise<void> {
    await this.call({ id: 0, kind: "load", matrix }, [matrix.buffer]);
  }

  async match(queries: Float32Array[], k: number, rows?: number[]): Promise<MatrixHit[][]> {
    const answer = await this.call({ id: 0, kind: "match", queries, k, rows });
    this.lastMatchMs = answer.ms ?? 0;
    return answer.hits ?? [];
  }

  private call(request: MatcherRequest, transfer: Transferable[] = []) {
    const id = this.next++;
    return new Promise<Extract<MatcherResponse, { ok: true }>>((resolve, reject) => {
      this.waiting.set(id, (r) => (r.ok ? resolve(r) : reject(new Error(`copy matcher: ${r.message}`))));
      this.port.postMessage({ ...request, id }, transfer);
    });
  }
}
