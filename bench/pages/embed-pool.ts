// Bundled for the bench page (bench/embed-browser.ts): the panel's own WASM pool and the native
// path's decoding worker, reachable from page.evaluate as globalThis.embedBench.
import { workerDecoder } from "../../src/panel/embedding/native/worker-decoder";
import { WasmPoolEmbedder, webWorkerPort } from "../../src/panel/embedding/wasm-pool";

function startPool(workerUrl: string, workers: number, simd: boolean): WasmPoolEmbedder {
  return new WasmPoolEmbedder({
    createPort: () => webWorkerPort(new Worker(workerUrl)),
    hardwareConcurrency: workers,
    maxWorkers: workers,
    simd,
  });
}

const startDecoder = (workerUrl: string) => workerDecoder(() => webWorkerPort(new Worker(workerUrl)));

(globalThis as unknown as { embedBench: unknown }).embedBench = { startPool, startDecoder };
