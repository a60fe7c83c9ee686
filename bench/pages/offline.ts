// Bundled for the offline bench page (bench/offline.ts): the panel's own copy (IndexedDB through
// idb), its sync and its matcher worker, reachable from page.evaluate as globalThis.offlineBench.
import { CatalogClient } from "../../src/lib/catalog";
import { CatalogCopy, openCopyDatabase, syncCopy } from "../../src/lib/catalog/offline";
import { WorkerMatcher } from "../../src/panel/offline/worker-matcher";

let copy: CatalogCopy;
let matcher: WorkerMatcher;
let client: CatalogClient;

async function start(url: string, anonKey: string, workerUrl: string) {
  client = new CatalogClient({ url, anonKey });
  matcher = new WorkerMatcher(new Worker(workerUrl));
  copy = new CatalogCopy(await openCopyDatabase(), matcher);
}

/** One sync; its wall time in the page, and what it changed. */
async function sync(modelVersion: string) {
  const t = performance.now();
  const result = await syncCopy(copy.db, client, modelVersion, { defaultModelVersion: modelVersion });
  copy.invalidate();
  return { ms: performance.now() - t, upserted: result.upserted, removed: result.removed };
}

async function storage() {
  const estimate = await navigator.storage.estimate();
  return { usageBytes: estimate.usage ?? 0 };
}

/** Each query matched alone (one frame, k 8, as the queue asks): worker time and round trip. */
async function matches(modelVersion: string, queries: number[][]) {
  const t0 = performance.now();
  await copy.matchFrames([queries[0]], { k: 8, modelVersion }); // loads the matrix into the worker
  const loadMs = performance.now() - t0;
  const workerMs: number[] = [];
  const roundTripMs: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    await copy.matchFrames([q], { k: 8, modelVersion });
    roundTripMs.push(performance.now() - t);
    workerMs.push(matcher.lastMatchMs);
  }
  return { loadMs, workerMs, roundTripMs, count: await copy.count(modelVersion) };
}

(globalThis as unknown as { offlineBench: unknown }).offlineBench = { start, sync, storage, matches };
