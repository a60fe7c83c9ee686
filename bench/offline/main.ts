// npm run bench:offline — the panel's offline copy in Debian's headless Chromium (the preview's
// way): the first full sync of 10k references from the local catalog over HTTP into IndexedDB,
// an incremental sync after 100 changes, the storage the copy takes, and one-frame matches over
// the copy in its worker (p50/p95). Writes bench/results/offline-<date>.json.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import sirv from "sirv";
import { build } from "vite";
import { openCatalogDatabase } from "../../src/server/catalog/database";
import { startCatalogServer } from "../../src/server/catalog/server";
import { seedShots, seedUsers } from "../../src/server/catalog/seed";
import { launchChromium } from "../../src/testing/chromium";
import { clusteredSet, rng } from "../../src/testing/clustered-embeddings";
import { spread } from "../lib/stats";
import { loadClusteredCatalog } from "../lib/load-clustered-catalog";
import { ROOT } from "../lib/paths";

const PAGE_DIR = path.join(ROOT, ".cache/bench-offline-page");
const N = Number(process.env.BENCH_REFERENCES ?? 10_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const MODEL = "Xenova/clip-vit-base-patch32@q8";

type Bench = {
  start(url: string, anonKey: string, workerUrl: string): Promise<void>;
  sync(model: string): Promise<{ ms: number; upserted: number; removed: number }>;
  storage(): Promise<{ usageBytes: number }>;
  matches(
    model: string,
    queries: number[][],
  ): Promise<{ loadMs: number; workerMs: number[]; roundTripMs: number[]; count: number }>;
};

async function buildPage() {
  const lib = (entry: string, name: string, file: string) =>
    build({
      configFile: false,
      logLevel: "warn",
      build: {
        outDir: PAGE_DIR,
        emptyOutDir: false,
        target: "chrome88",
        lib: { entry: path.join(ROOT, entry), formats: ["iife"], name },
        rollupOptions: { output: { entryFileNames: file } },
      },
    });
  fs.rmSync(PAGE_DIR, { recursive: true, force: true });
  await lib("bench/pages/offline.ts", "offlineBenchLib", "offline-bench.js");
  await lib("src/panel/offline/copy-matcher.worker.ts", "copyMatcherWorker", "copy-matcher-worker.js");
  fs.writeFileSync(path.join(PAGE_DIR, "index.html"), '<!doctype html><script src="offline-bench.js"></script>');
}

const summary = (xs: number[]) => {
  const s = spread(xs, 2);
  return { p50: s.p50, p95: s.p95, max: s.max };
};

const log = (msg: string) => console.log(`[offline ${N}] ${msg}`);
await buildPage();
const db = await openCatalogDatabase();
await seedUsers(db);
const shotIds = [...(await seedShots(db)).values()];
const set = clusteredSet(N, Math.max(10, Math.round(N / 100)), 0.6);
await loadClusteredCatalog(db, set, shotIds, MODEL, log);
// the bulk load turns triggers off: record its references in the change feed as the migration does
await db.exec(
  "insert into media_references.reference_changes (reference_id) select id from media_references.reference_images",
);

const pages = http.createServer(sirv(PAGE_DIR, { dev: true }));
await new Promise<void>((r) => pages.listen(0, "127.0.0.1", r));
const pageOrigin = `http://127.0.0.1:${(pages.address() as { port: number }).port}`;
const catalog = await startCatalogServer({ db, seed: false, allowedOrigins: [pageOrigin] });
const browser = await launchChromium(chromium);
try {
  const page = await browser.newPage();
  await page.addInitScript("globalThis.__name = (f) => f"); // tsx's keepNames in evaluated functions
  await page.goto(`${pageOrigin}/index.html`);
  type G = { offlineBench: Bench };
  await page.evaluate(
    ([url, key, worker]) => (globalThis as unknown as G).offlineBench.start(url, key, worker),
    [catalog.url, catalog.anonKey, `${pageOrigin}/copy-matcher-worker.js`],
  );
  const sync = () => page.evaluate((m) => (globalThis as unknown as G).offlineBench.sync(m), MODEL);

  const full = await sync();
  log(`first full sync: ${full.upserted} references in ${(full.ms / 1000).toFixed(2)} s`);
  const storage = await page.evaluate(() => (globalThis as unknown as G).offlineBench.storage());
  log(`storage: ${(storage.usageBytes / 1e6).toFixed(1)} MB (navigator.storage.estimate)`);

  // 100 changes upstream: 50 corrections, 50 deletions
  await db.exec(`
    update media_references.reference_images set corrected_metadata = corrected_metadata || '{"action": "edited"}'
     where id in (select id from media_references.reference_images order by id limit 50);
    delete from media_references.reference_images
     where id in (select id from media_references.reference_images order by id desc limit 50);`);
  const incremental = await sync();
  log(
    `incremental sync: ${incremental.upserted} updated, ${incremental.removed} removed in ${incremental.ms.toFixed(0)} ms`,
  );

  const rand = rng(11);
  const queries = Array.from({ length: QUERIES }, () => Array.from(set.query(rand)));
  const m = await page.evaluate(([model, qs]) => (globalThis as unknown as G).offlineBench.matches(model, qs), [
    MODEL,
    queries,
  ] as const);
  const worker = summary(m.workerMs);
  const roundTrip = summary(m.roundTripMs);
  log(
    `match over ${m.count} references: worker p50 ${worker.p50} ms, p95 ${worker.p95} ms; round trip p95 ${roundTrip.p95} ms`,
  );

  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, note: "2 cores shared with other work" },
    browser: `Debian Chromium ${browser.version()} headless`,
    references: N,
    modelVersion: MODEL,
    firstFullSync: { seconds: +(full.ms / 1000).toFixed(2), references: full.upserted, targetSeconds: 10 },
    incrementalSync: { ms: Math.round(incremental.ms), updated: incremental.upserted, removed: incremental.removed },
    storage: { usageBytes: storage.usageBytes, estimate: "navigator.storage.estimate() after the first sync" },
    match: {
      references: m.count,
      queries: QUERIES,
      k: 8,
      matrixLoadMs: Math.round(m.loadMs),
      workerMs: worker,
      roundTripMs: roundTrip,
      targetP95Ms: 20,
    },
  };
  const out = path.join(ROOT, `bench/results/offline-${new Date().toISOString().slice(0, 10)}.json`);
  fs.writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
  log(`wrote ${path.relative(ROOT, out)}`);
} finally {
  await browser.close();
  await catalog.close();
  pages.close();
  await db.close();
}
