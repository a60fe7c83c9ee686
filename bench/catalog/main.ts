// npm run bench:catalog — match_references on the embedded engine at 10k and 100k references.
// Loads clustered synthetic embeddings by binary COPY, builds the HNSW index, then times 200
// queries through the RPC exactly as the panel calls it (anon, PostgREST-style request) and
// measures recall@10 against an exact scan. Writes bench/results/catalog-<date>.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openCatalogDatabase } from "../../src/server/catalog/database";
import { asRequest } from "../../src/server/catalog/request";
import { seedShots, seedUsers } from "../../src/server/catalog/seed";
import { clusteredSet, exactTopK, rng } from "../../src/testing/clustered-embeddings";
import { spread, type Spread } from "../lib/stats";
import { loadClusteredCatalog, uuidFor } from "../lib/load-clustered-catalog";
import { RESULTS_DIR } from "../lib/paths";

const SIZES = (process.env.BENCH_SIZES ?? "10000,100000").split(",").map(Number);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
// Cluster spread: 0.6 gives well-separated clusters, 1.2 overlapping ones (harder for HNSW).
const NOISES = (process.env.BENCH_NOISE ?? "0.6,1.2").split(",").map(Number);
const K = 10;
const inMs = (s: Spread) => ({ p50ms: s.p50, p95ms: s.p95, p99ms: s.p99 });
const MODEL = "Xenova/clip-vit-base-patch32@q8";

async function runSize(n: number, noise: number) {
  const log = (msg: string) => console.log(`[${n} noise ${noise}] ${msg}`);
  const db = await openCatalogDatabase();
  await seedUsers(db);
  const shotIds = [...(await seedShots(db)).values()];
  const set = clusteredSet(n, Math.max(10, Math.round(n / 100)), noise);

  const { loadSeconds, indexSeconds } = await loadClusteredCatalog(db, set, shotIds, MODEL, log);

  const rand = rng(7);
  const latencies: number[] = [];
  let recallSum = 0;
  // warm-up, not timed
  for (let i = 0; i < 5; i++) {
    await asRequest(db, { role: "anon" }, (tx) =>
      tx.query("select * from media_references.match_references($1::extensions.vector, $2)", [
        `[${set.query(rand).join(",")}]`,
        K,
      ]),
    );
  }
  for (let q = 0; q < QUERIES; q++) {
    const query = set.query(rand);
    const literal = `[${query.join(",")}]`;
    const start = performance.now();
    const { rows } = await asRequest(db, { role: "anon" }, (tx) =>
      tx.query<{ reference_id: string }>(
        "select reference_id from media_references.match_references($1::extensions.vector, $2)",
        [literal, K],
      ),
    );
    latencies.push(performance.now() - start);
    const truth = new Set(exactTopK(set, query, K).map(uuidFor));
    recallSum += rows.filter((r) => truth.has(r.reference_id)).length / K;
  }

  // The same queries with a shot-type filter (1 in 7 references match), as the panel may ask.
  const filtered: number[] = [];
  for (let q = 0; q < QUERIES; q++) {
    const literal = `[${set.query(rand).join(",")}]`;
    const start = performance.now();
    const { rows } = await asRequest(db, { role: "anon" }, (tx) =>
      tx.query("select reference_id from media_references.match_references($1::extensions.vector, $2, 'CU')", [
        literal,
        K,
      ]),
    );
    filtered.push(performance.now() - start);
    if (rows.length !== K) throw new Error(`filtered match returned ${rows.length} rows, expected ${K}`);
  }

  const result = {
    references: n,
    clusters: set.centres.length,
    clusterNoise: noise,
    load: {
      seconds: +loadSeconds.toFixed(2),
      rowsPerSecond: Math.round(n / loadSeconds),
      method: "binary COPY, 3 tables",
    },
    index: { type: "hnsw", m: 16, efConstruction: 64, buildSeconds: +indexSeconds.toFixed(2) },
    query: {
      rpc: "media_references.match_references (as anon: role and claims set per request, as PostgREST)",
      k: K,
      queries: QUERIES,
      efSearch: 100,
      ...inMs(spread(latencies, 2)),
      recallAt10: +(recallSum / QUERIES).toFixed(4),
    },
    filteredQuery: {
      filter: "shotType = CU (1/7 of references)",
      ...inMs(spread(filtered, 2)),
    },
  };
  log(
    `match_references p50 ${result.query.p50ms} ms, p95 ${result.query.p95ms} ms, p99 ${result.query.p99ms} ms, recall@10 ${result.query.recallAt10}`,
  );
  log(`filtered (CU) p50 ${result.filteredQuery.p50ms} ms, p95 ${result.filteredQuery.p95ms} ms`);
  await db.close();
  return result;
}

const results = [];
for (const noise of NOISES) for (const n of SIZES) results.push(await runSize(n, noise));
const out = {
  benchmark: "catalog",
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
  engine: "PGlite 0.5.14 (PostgreSQL 18.6 WASM) + pgvector 0.8.7",
  targets: { "10k p95 ms": 5, "100k p95 ms": 25, "100k recall@10": 0.95, "design SLO p95 ms": 150 },
  results,
};
const dir = RESULTS_DIR;
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, `catalog-${out.date.slice(0, 10)}.json`);
fs.writeFileSync(file, JSON.stringify(out, null, 2) + "\n");
console.log(`wrote ${path.relative(process.cwd(), file)}`);
