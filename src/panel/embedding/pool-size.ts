// How many onnxruntime-web workers to run: one per core up to a default of four, and no more
// than a quarter of the machine's memory holds (Premiere needs the rest). Each worker keeps
// its own copy of the model in its WASM heap; only the first loads the text encoder.
// bench/results/embed-*.json measures what a worker costs.

/** Worker memory = base + factor × model bytes, fit to bench:embed-memory (Debian Chromium,
 * November 2026): the first worker (both encoders) added 170 MB with the 3 MB test model and
 * 1109 MB with the 237 MB int8 ViT-B/32; each further worker (image encoder only) added 50 MB
 * and 222–322 MB. */
const FIRST_WORKER = { baseMb: 165, factor: 4.2 };
const OTHER_WORKER = { baseMb: 50, factor: 2.4 };
export const DEFAULT_MAX_WORKERS = 4;

export interface PoolSizeInput {
  hardwareConcurrency?: number;
  /** navigator.deviceMemory (GB, rounded down by Chromium, at most 8) */
  deviceMemoryGb?: number;
  maxWorkers?: number;
  /** model bytes of the first worker (image and text encoders) */
  modelBytes: number;
  /** model bytes of each other worker (image encoder only); as the first's when unknown */
  imageEncoderBytes?: number;
}

export interface PoolSize {
  workers: number;
  /** estimated memory of each worker after the first */
  perWorkerMb: number;
  limitedBy: "cores" | "memory" | "setting";
}

export function workerMemoryMb(modelBytes: number, role: "first" | "other"): number {
  const { baseMb, factor } = role === "first" ? FIRST_WORKER : OTHER_WORKER;
  return Math.round(baseMb + (factor * modelBytes) / 2 ** 20);
}

export function poolSize(input: PoolSizeInput): PoolSize {
  const cores = Math.max(1, input.hardwareConcurrency ?? 1);
  const setting = Math.max(1, input.maxWorkers ?? DEFAULT_MAX_WORKERS);
  const firstMb = workerMemoryMb(input.modelBytes, "first");
  const perWorkerMb = workerMemoryMb(input.imageEncoderBytes ?? input.modelBytes, "other");
  const memory = input.deviceMemoryGb
    ? 1 + Math.max(0, Math.floor(((input.deviceMemoryGb * 1024) / 4 - firstMb) / perWorkerMb))
    : Number.POSITIVE_INFINITY;
  const workers = Math.min(cores, setting, memory);
  const limitedBy =
    workers === memory && memory < Math.min(cores, setting) ? "memory" : setting < cores ? "setting" : "cores";
  return { workers, perWorkerMb, limitedBy };
}
