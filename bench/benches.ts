// The benchmarks `npm run bench -- <name>` knows: each is bench/<name>/main.ts and writes
// bench/results/<name>-<date>[-suffix].json. `flags` are the command-line options the bench reads;
// `env` the environment variables that size it.

export interface Bench {
  summary: string;
  flags?: Record<string, string>;
  env?: Record<string, string>;
}

export const BENCHES: Record<string, Bench> = {
  "batch-undo": {
    summary: "size of a batch accept's stored undo, accept and undo time per clip (simulator)",
    env: { BENCH_CLIPS: "50,300,1000", BENCH_XMP: "simulator,camera-like" },
  },
  catalog: {
    summary: "match_references at 10k and 100k references: load, HNSW build, p50/p95/p99, recall@10",
    env: { BENCH_SIZES: "10000,100000", BENCH_QUERIES: "200", BENCH_NOISE: "0.6,1.2" },
  },
  "catalog-load": {
    summary: "match requests 1, 4, 16 and 50 at once against the preview's catalog, /health and a static file beside",
    env: { BENCH_LEVELS: "1,4,16,50", BENCH_REQUESTS: "400", BENCH_REFERENCES: "10000", BENCH_LABEL: "(none)" },
  },
  clip: {
    summary: "one clip from frame grab to suggestion: native, CEP's Node lines, the WASM pool",
    flags: { quick: "a few clips per path (smoke run); writes clip-<date>-quick….json" },
    env: {
      BENCH_REFERENCES: "10000 (2000 with --quick)",
      BENCH_BATCH: "100 (4)",
      BENCH_CLIPS: "6 (1)",
      BENCH_PATHS: "(all)",
      BENCH_TRACE: "(off)",
    },
  },
  embed: { summary: "CLIP ViT-B/32 embedding speed: Node, the native path, the WASM pool", env: { BENCH_RUNS: "5" } },
  "embed-memory": { summary: "renderer memory per WASM pool worker (run `embed` first: it makes the model)" },
  host: {
    summary: "the host bundle in the simulator: project snapshot, clip-id polling, export",
    env: { BENCH_RUNS: "20" },
  },
  input: {
    summary: "key latency in the preview while a batch of clips runs",
    flags: { quick: "12 clips instead of 60; writes input-<date>-quick.json" },
    env: { BENCH_CLIPS: "60 (12 with --quick)" },
  },
  offline: {
    summary: "the offline copy in Chromium: first and incremental sync, storage, matches in its worker",
    env: { BENCH_REFERENCES: "10000", BENCH_QUERIES: "200" },
  },
  suggest: {
    summary: "frame embeddings → suggestion at 10k references, and the write-back through the host",
    env: { BENCH_REFERENCES: "10000", BENCH_CLIPS: "100" },
  },
};
