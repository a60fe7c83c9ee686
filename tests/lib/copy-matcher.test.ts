// The copy's matcher: the brute-force scan against a full sort, its row filter, and the worker
// protocol's request/answer pairing (a stand-in port running the same matcher).
import { describe, expect, it } from "vitest";
import { InThreadMatcher, nearestRows, normalisedMatrix } from "../../src/lib/catalog/offline";
import type { MatcherRequest, MatcherResponse } from "../../src/panel/offline/matcher-protocol";
import { WorkerMatcher, type MatcherPort } from "../../src/panel/offline/worker-matcher";
import { unitNear } from "../helpers/offline-copy";

const rows = Array.from({ length: 300 }, (_, i) => unitNear(i % 40, i));
const matrix = normalisedMatrix(rows);
const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i], 0);

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
    const inner = new InThreadMatcher();
    const listeners: Array<(e: MessageEvent<MatcherResponse>) => void> = [];
    const answer = (data: MatcherResponse) => listeners.forEach((l) => l({ data } as MessageEvent<MatcherResponse>));
    const port: MatcherPort = {
      addEventListener: (_type, l) => void listeners.push(l),
      postMessage(request: MatcherRequest) {
        // answers out of order, as a busy worker's replies could interleave with ours
        setTimeout(
          async () => {
            if (request.kind === "load") return answer({ id: request.id, ok: true });
            if (request.k < 1) return answer({ id: request.id, ok: false, message: "k must be at least 1" });
            answer({ id: request.id, ok: true, hits: await inner.match(request.queries, request.k), ms: 1 });
          },
          request.kind === "match" ? 20 - request.k : 0,
        );
        if (request.kind === "load") void inner.load(request.matrix);
      },
    };
    const matcher = new WorkerMatcher(port);
    await matcher.load(normalisedMatrix(rows));
    const [three, five] = await Promise.all([matcher.match([unitNear(1, 9)], 3), matcher.match([unitNear(2, 9)], 5)]);
    expect(three[0]).toHaveLength(3);
    expect(five[0]).toHaveLength(5);
    expect(rows[three[0][0].index][1]).toBeGreaterThan(0.9);
    await expect(matcher.match([unitNear(1, 9)], 0)).rejects.toThrow("copy matcher: k must be at least 1");
  });
});
