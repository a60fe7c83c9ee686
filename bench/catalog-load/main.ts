// npm run bench:catalog-load — the catalog under load, as the preview serves it: match requests at
// 1, 4, 16 and 50 at once against a 10k-reference catalog (bench/catalog/main.ts's setup) in a server
// process of its own, with /health and a static file of the preview asked beside them, one after
// another. Prints p50/p95 per level and writes bench/results/catalog-load-<date>[-label].json.
// BENCH_REQUESTS (per level, default 400), BENCH_LEVELS, BENCH_REFERENCES, BENCH_LABEL.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { clusteredSet, rng } from "../../src/testing/clustered-embeddings";
import { spread } from "../lib/stats";
import { RESULTS_DIR } from "../lib/paths";

const LEVELS = (process.env.BENCH_LEVELS ?? "1,4,16,50").split(",").map(Number);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const REFERENCES = Number(process.env.BENCH_REFERENCES ?? 10_000);
const LABEL = process.env.BENCH_LABEL ?? "";
const K = 10;
const PROBE_MS = 20;

interface Servers {
  catalogUrl: string;
  anonKey: string;
  staticUrl: string;
}

const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "server.ts")], {
  stdio: ["pipe", "pipe", "inherit"],
  env: { ...process.env, BENCH_REFERENCES: String(REFERENCES) },
});
const servers = await new Promise<Servers>((resolve, reject) => {
  child.once("exit", (code) => reject(new Error(`the bench server exited (${code}) before it was ready`)));
  readline.createInterface({ input: child.stdout! }).once("line", (line) => resolve(JSON.parse(line)));
});

const set = clusteredSet(REFERENCES, Math.max(10, Math.round(REFERENCES / 100)), 0.6);
const rand = rng(11);
const headers = { apikey: servers.anonKey, "content-type": "application/json", "content-profile": "media_references" };

async function timed(url: string, init?: RequestInit): Promise<number> {
  const start = performance.now();
  const res = await fetch(url, init);
  const body = await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${Buffer.from(body).toString().slice(0, 200)}`);
  return performance.now() - start;
}

function match(): Promise<number> {
  const body = JSON.stringify({ query_embedding: `[${set.query(rand).join(",")}]`, match_count: K });
  return timed(`${servers.catalogUrl}/rest/v1/rpc/match_references`, { method: "POST", headers, body });
}

const summary = (ms: number[]) => {
  const s = spread(ms);
  return { n: s.n, p50ms: s.p50, p95ms: s.p95, p99ms: s.p99 };
};

async function level(concurrency: number) {
  const matches: number[] = [];
  const health: number[] = [];
  const statics: number[] = [];
  let next = 0;
  let done = false;
  const t0 = performance.now();
  const clients = Array.from({ length: concurrency }, async () => {
    while (next < REQUESTS) {
      next++;
      matches.push(await match());
    }
  });
  // One editor's page beside the load: /health and a thumbnail, one at a time, every PROBE_MS
  // (paced, so that the probe measures the server without adding load of its own).
  const probe = (async () => {
    while (!done) {
      health.push(await timed(`${servers.catalogUrl}/health`));
      statics.push(await timed(servers.staticUrl));
      await new Promise((resolve) => setTimeout(resolve, PROBE_MS));
    }
  })();
  await Promise.all(clients);
  const seconds = (performance.now() - t0) / 1000;
  done = true;
  await probe;
  return {
    concurrency,
    requests: REQUESTS,
    matchesPerSecond: +(REQUESTS / seconds).toFixed(1),
    match: summary(matches),
    health: summary(health),
    staticFile: summary(statics),
  };
}

try {
  for (let i = 0; i < 20; i++) await match(); // warm-up, not timed
  const results = [];
  for (const c of LEVELS) {
    const r = await level(c);
    results.push(r);
    console.log(
      `${String(c).padStart(2)} at once: match p50 ${r.match.p50ms} ms, p95 ${r.match.p95ms} ms (${r.matchesPerSecond}/s); ` +
        `/health p95 ${r.health.p95ms} ms (${r.health.n}); static p95 ${r.staticFile.p95ms} ms (${r.staticFile.n})`,
    );
  }
  const out = {
    benchmark: "catalog-load",
    label: LABEL || undefined,
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, loadavg: os.loadavg() },
    setup: `${REFERENCES} clustered references (HNSW), file-backed data dir, catalog + preview servers in one process`,
    targets: { "health p95 ms": 50, "static p95 ms": 50 },
    results,
  };
  const dir = RESULTS_DIR;
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `catalog-load-${out.date.slice(0, 10)}${LABEL ? `-${LABEL}` : ""}.json`);
  fs.writeFileSync(file, JSON.stringify(out, null, 2) + "\n");
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
} finally {
  child.stdin!.end();
}
