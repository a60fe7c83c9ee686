// The copy's matcher: the brute-force scan against a full sort, its row filter, and the worker
// protocol's request/answer pairing (a stand-in port running the same matcher).
import { describe, expect, it } from "vitest";
import { InThreadMatcher, nearestRows, normalisedMatrix } from "../../src/lib/catalog/offline";
import { answerRpc, type RpcPort, type RpcRequest, type RpcResponse } from "../../src/lib/worker-rpc";
import type { MatcherCalls } from "../../src/panel/offline/matcher-protocol";
import { WorkerMatcher } from "../../src/panel/offline/worker-matcher";
import { unitNear } from "../helpers/offline-copy";

const rows = Array.from({ length: 300 }, (_, i) => unitNear(i % 40, i));
const matrix = normalisedMatrix(rows);
const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i], 0);

/** The worker's side in this process: the same handlers over an InThreadMatcher, answering a
 * match later the smaller its k (out of order, as a busy worker's replies could interleave), or
 * never (a worker that hangs, to be killed by the test). */
function matcherThread(silent = false) {
  const inner = new InThreadMatcher();
  let listener: (message: unknown) => void = () => {};
  let failure: (reason: string) => void = () => {};
  const answer = (request: RpcRequest<MatcherCalls>) =>
    answerRpc<MatcherCalls>(
      request,
      {
        load: async ({ matrix }) => (await inner.load(matrix), { result: null }),
        match: async ({ queries, k, rows }) => {
          if (k < 1) throw new Error("k must be at least 1");
          return { result: { hits: await inner.match(queries, k, rows), ms: 1 } };
        },
      },
      (message: RpcResponse<MatcherCalls>) => listener(message),
      () => "COPY_MATCHER_FAILED",
    );
  const port: RpcPort = {
    post(message) {
      const request = message as RpcRequest<MatcherCalls>;
      if (silent && request.type === "match") return;
      setTimeout(() => void answer(request), request.type === "match" ? 20 - request.k : 0);
    },
    onMessage: (l) => (listener = l),
    onFailure: (l) => (failure = l),
    terminate: () => undefined,
  };
  return { port, die: (reason: string) => failure(reason) };
}

describe("the copy's matcher", () => {
  it("finds the same k rows, in the same order, as sorting every similarity", () => {
    const query = unitNear(7, 12345);
    const exact = rows
      .map((r, index) => ({ index, similarity: dot(r, query) }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, 10);
    const found = nearestRows(matrix, query, 10);
    expect(found.map((h) => h.index)).toEqual(exact.map((h) => h.index));
    found.forEach((h, i) => expect(h.similarity).toBeCloseTo(exact[i].similarity, 5));
  });

  it("searches only the rows it is given", () => {
    const only = new Set([3, 43, 83]);
    const found = nearestRows(matrix, unitNear(3, 1), 10, (i) => only.has(i));
    expect(found.map((h) => h.index).sort((a, b) => a - b)).toEqual([3, 43, 83]);
  });

  it("pairs each worker answer with its request, and turns a worker failure into an error", async () => {
    const { port } = matcherThread();
    const matcher = new WorkerMatcher(port);
    await matcher.load(normalisedMatrix(rows));
    const [three, five] = await Promise.all([matcher.match([unitNear(1, 9)], 3), matcher.match([unitNear(2, 9)], 5)]);
    expect(three[0]).toHaveLength(3);
    expect(five[0]).toHaveLength(5);
    expect(rows[three[0][0].index][1]).toBeGreaterThan(0.9);
    await expect(matcher.match([unitNear(1, 9)], 0)).rejects.toThrow("copy matcher: k must be at least 1");
  });

  it("rejects the matches still waiting when its worker dies, with the reason, and later ones at once", async () => {
    const { port, die } = matcherThread(true);
    const matcher = new WorkerMatcher(port);
    await matcher.load(normalisedMatrix(rows));
    const waiting = [matcher.match([unitNear(1, 9)], 3), matcher.match([unitNear(2, 9)], 5)];
    die("the offline copy's matcher worker failed: out of memory");
    for (const match of waiting)
      await expect(match).rejects.toMatchObject({
        code: "COPY_MATCHER_STOPPED",
        message: expect.stringMatching(/^copy matcher: .*out of memory.*reopen the panel/),
      });
    await expect(matcher.match([unitNear(1, 9)], 3)).rejects.toThrow(/out of memory/);
  });
});
