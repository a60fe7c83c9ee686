// How many onnxruntime-web workers to run: one per core up to a default of four, and no more
// than a quarter of the machine's memory holds (Premiere needs the rest). Each worker keeps
// its own copy of the model in its WASM heap; bench/results/embed-*.json measures that cost.

/** per-worker memory = base + factor × model bytes, fit to bench:embed's renderer RSS deltas
 * (November 2026, Debian Chromium): +166 MB for the 3 MB test model, +956 MB (SIMD) and
 * +974 MB (plain) for the 226 MiB int8 ViT-B/32. */
export const WORKER_BASE_MB = 160;
export const WORKER_MODEL_FACTOR = 3.5;
export const DEFAULT_MAX_WORKERS = 4;

export interface PoolSizeInput {
  hardwareConcurrency?: number;
  /** navigator.deviceMemory (GB, rounded down by Chromium, at most 8) */
  deviceMemoryGb?: number;
  maxWorkers?: number;
  modelBytes: number;
}

export interface PoolSize {
  workers: number;
  perWorkerMb: number;
  limitedBy: "cores" | "memory" | "setting";
}

export function workerMemoryMb(modelBytes: number): number {
  return Math.round(WORKER_BASE_MB + (WORKER_MODEL_FACTOR * modelBytes) / 2 ** 20);
}

export function poolSize(input: PoolSizeInput): PoolSize {
  const cores = Math.max(1, input.hardwareConcurrency ?? 1);
  const setting = Math.max(1, input.maxWorkers ?? DEFAULT_MAX_WORKERS);
  const perWorkerMb = workerMemoryMb(input.modelBytes);
  const memory = input.deviceMemoryGb
    ? Math.max(1, Math.floor((input.deviceMemoryGb * 1024) / 4 / perWorkerMb))
    : Number.POSITIVE_INFINITY;
  const workers = Math.min(cores, setting, memory);
  const limitedBy =
    workers === memory && memory < Math.min(cores, setting) ? "memory" : setting < cores ? "setting" : "cores";
  return { workers, perWorkerMb, limitedBy };
}
