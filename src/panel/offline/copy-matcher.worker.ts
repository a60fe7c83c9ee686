// The copy's matcher, off the panel's main thread: holds the matrix, answers nearest rows.
import { InThreadMatcher } from "../../lib/catalog/offline/copy-matcher";
import type { MatcherRequest, MatcherResponse } from "./matcher-protocol";

const matcher = new InThreadMatcher();
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<MatcherRequest>) => void) | null;
  postMessage(message: MatcherResponse): void;
};

scope.onmessage = async ({ data }) => {
  try {
    if (data.kind === "load") {
      await matcher.load(data.matrix);
      scope.postMessage({ id: data.id, ok: true });
    } else {
      const started = performance.now();
      const hits = await matcher.match(data.queries, data.k, data.rows);
      scope.postMessage({ id: data.id, ok: true, hits, ms: performance.now() - started });
    }
  } catch (e) {
    scope.postMessage({ id: data.id, ok: false, message: (e as Error).message ?? String(e) });
  }
};
