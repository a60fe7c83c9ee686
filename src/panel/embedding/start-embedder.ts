// The panel's embedder: the native path inside CEP when its Node and binary allow, otherwise
// a pool of onnxruntime-web workers. See docs/adr/0011-native-and-pooled-inference.md.
import type { Embedder } from "./embedder";
import workerPath from "./embedding.worker.ts?worker&url";
import { modelFolderOnDisk } from "./native/model-folder";
import { NativeEmbedder } from "./native/native-embedder";
import { findPageNode, nativeProblem } from "./native/page-node";
import { workerDecoder } from "./native/worker-decoder";
import { SelectingEmbedder, type EmbedderCandidates } from "./select-embedder";
import { WasmPoolEmbedder, webWorkerPort } from "./wasm-pool";

export interface StartEmbedderOptions {
  /** the page's URL (main/index.html); the worker and native files are found from it */
  pageUrl?: string;
  /** false skips the native path (a setting, or a test of the WASM path) */
  native?: boolean;
  /** at most this many WASM workers (default 4; also capped by cores and memory) */
  maxWorkers?: number;
  /** false forces onnxruntime-web's plain build */
  simd?: boolean;
}

/** The built worker sits in assets/ beside the panel bundle; the page is main/index.html. The
 * bundle is CommonJS (no import.meta), so the URL is resolved against the page. */
export function workerUrl(pageUrl: string): URL {
  return new URL(`../${workerPath.slice(workerPath.lastIndexOf("assets/"))}`, pageUrl);
}

export function browserCandidates(options: StartEmbedderOptions = {}): EmbedderCandidates {
  const pageUrl = options.pageUrl ?? document.baseURI;
  const nav = navigator as Navigator & { deviceMemory?: number };
  return {
    native: () => {
      if (options.native === false) return "turned off";
      const node = findPageNode();
      const problem = nativeProblem(node, pageUrl);
      if (problem || !node) return problem ?? "no Node.js";
      const decoder = workerDecoder(() => webWorkerPort(new Worker(workerUrl(pageUrl))));
      return new NativeEmbedder({
        node,
        pageUrl,
        decode: decoder.decode,
        onTerminate: decoder.stop,
        modelFolder: modelFolderOnDisk(node, pageUrl),
      });
    },
    pool: () =>
      new WasmPoolEmbedder({
        createPort: () => webWorkerPort(new Worker(workerUrl(pageUrl))),
        maxWorkers: options.maxWorkers,
        hardwareConcurrency: nav.hardwareConcurrency,
        deviceMemoryGb: nav.deviceMemory,
        simd: options.simd,
      }),
  };
}

export function startEmbedder(options: StartEmbedderOptions = {}): Embedder {
  return new SelectingEmbedder(browserCandidates(options));
}
