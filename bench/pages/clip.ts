// Bundled for bench:clip's browser runs (Debian Chromium and Chromium 88): the panel's WASM pool,
// its CatalogClient and the queue's steps (bench/clip-steps.ts), as globalThis.clipBench.
import { CatalogClient } from "../../src/lib/catalog";
import type { Calibration } from "../../src/lib/suggestion";
import { WasmPoolEmbedder, webWorkerPort } from "../../src/panel/embedding/wasm-pool";
import { lagProbeSource, type LagReport } from "../lib/lag-probe";
import { clipThroughQueueSteps, type ClipSteps } from "../clip/steps";

export interface PageStart {
  workerUrl: string;
  workers: number;
  simd: boolean;
  modelPath: string;
  modelId: string;
  catalog: { url: string; anonKey: string };
  calibration: Calibration;
}

let pool: WasmPoolEmbedder | null = null;
let steps: ClipSteps | null = null;
let stopProbe: (() => LagReport) | null = null;

async function start(o: PageStart) {
  pool = new WasmPoolEmbedder({
    createPort: () => webWorkerPort(new Worker(o.workerUrl)),
    hardwareConcurrency: o.workers,
    maxWorkers: o.workers,
    simd: o.simd,
  });
  const t = performance.now();
  const info = await pool.load({ source: { kind: "folder", path: o.modelPath, modelId: o.modelId }, quantized: true });
  steps = {
    embedder: pool,
    catalog: new CatalogClient(o.catalog),
    modelVersion: info.modelVersion,
    calibration: o.calibration,
  };
  return { detail: pool.detail, threads: info.threads, modelLoadMs: Math.round(performance.now() - t) };
}

/** One clip's frames (base64 image files from the host's export) through the queue's steps. */
async function runClip(frames: Array<{ base64: string; type: string; label: string }>) {
  if (!steps) throw new Error("start() first");
  const blobs = frames.map(
    (f) => new Blob([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], { type: f.type }),
  );
  return clipThroughQueueSteps(
    steps,
    blobs,
    frames.map((f) => f.label),
  );
}

/** the page's timer lag (bench/lag-probe.ts) from startLag to stopLag */
function startLag() {
  stopProbe = (0, eval)(lagProbeSource)() as () => LagReport;
}
const stopLag = () => stopProbe?.() ?? null;

function stop() {
  pool?.terminate();
  pool = null;
  steps = null;
}

(globalThis as unknown as { clipBench: unknown }).clipBench = { start, runClip, startLag, stopLag, stop };
