// The panel page's side of the native path, run by a real CEP-line Node binary (bundled for
// Node 15 by cep-page.ts, started with no flags): the panel's SelectingEmbedder and
// NativeEmbedder, with this process's own require and process as CEP's page has them, start
// the built dist/cep/native/encoder-thread.cjs as the panel does. The test drives it over IPC.
// The WASM pool cannot run in Node: a stand-in answers in its place, so that a fallback shows.
// Frames arrive decoded (the panel decodes them in a Web Worker's canvas).
import { createRequire } from "module";
import { performance } from "perf_hooks";
import workerThreads from "worker_threads";
import { EmbeddingError } from "../../lib/embedding/embedding-error";
import type { ModelOptions } from "../../lib/embedding/model-source";
import type { Embedder } from "../../panel/embedding/embedder";
import { modelFolderOnDisk } from "../../panel/embedding/native/model-folder";
import { NativeEmbedder } from "../../panel/embedding/native/native-embedder";
import { nativeProblem, type PageNode } from "../../panel/embedding/native/page-node";
import { SelectingEmbedder } from "../../panel/embedding/select-embedder";
import { fromWire, toWire } from "./wire";

export type PageCall =
  | { call: "load"; options: ModelOptions }
  | { call: "embedClip"; pixels: Float32Array[] }
  | { call: "embedTexts"; texts: string[] }
  | { call: "state" }
  | { call: "crashThread" }
  | { call: "terminate" };

export interface PageState {
  node: string;
  path: string;
  detail: string;
  /** worker_threads Workers this page started */
  threadsStarted: number;
  /** whether the page's own context loaded onnxruntime-node (it must not) */
  pageLoadedBinding: boolean;
}

type Worker = { terminate(): Promise<number> };
type WorkerThreads = { Worker: new (file: string) => Worker };

// CEP's page is Chromium's context, which has `performance` (the embedder times decoding with
// it); Node 15 has it only in perf_hooks. This is the page's global, never the thread's.
const scope = globalThis as { performance?: unknown };
scope.performance ??= performance;

const [pageUrl] = process.argv.slice(2);
const started: Worker[] = [];
// CEP gives the page a plain require: here, this script's own
const pageRequire = createRequire(process.argv[1]);
// the page's require, counting the threads it starts (the Worker itself is Node's, unchanged)
class CountedWorker extends (workerThreads as unknown as WorkerThreads).Worker {
  constructor(file: string) {
    super(file);
    started.push(this);
  }
}
const node: PageNode = {
  require: (id) => (id === "worker_threads" ? { ...workerThreads, Worker: CountedWorker } : pageRequire(id)),
  process,
};

const pixelsOf = (images: Blob[]) => images.map((image) => (image as unknown as { pixels: Float32Array }).pixels);

/** answers like a loaded WASM pool: fixed unit vectors */
const wasmStandIn = (): Embedder => {
  const unit = () => Float32Array.from({ length: 512 }, (_, i) => (i === 0 ? 1 : 0));
  return {
    path: "wasm-pool",
    detail: "WASM stand-in",
    async load(options) {
      return { modelVersion: `wasm/${options.quantized ? "q8" : "fp32"}`, threads: 1, path: "wasm-pool" };
    },
    async embedClip(images) {
      const frames = images.map(unit);
      return { modelVersion: "wasm", frames, pooled: unit(), timings: { decodeMs: 0, inferenceMs: 0 } };
    },
    async embedTexts(texts) {
      return texts.map(unit);
    },
    terminate() {},
  };
};

const embedder = new SelectingEmbedder({
  native: () =>
    nativeProblem(node, pageUrl) ??
    new NativeEmbedder({
      node,
      pageUrl,
      decode: async (images) => pixelsOf(images),
      modelFolder: modelFolderOnDisk(node, pageUrl),
    }),
  pool: wasmStandIn,
});

function state(): PageState {
  return {
    node: process.version,
    path: embedder.path,
    detail: embedder.detail,
    threadsStarted: started.length,
    pageLoadedBinding: Object.keys(pageRequire.cache).some((file) => /onnxruntime/.test(file)),
  };
}

async function answer(message: PageCall, reply: (m: object) => void): Promise<unknown> {
  switch (message.call) {
    case "load":
      return embedder.load(message.options);
    case "embedClip": {
      const images = message.pixels.map((pixels) => ({ pixels }) as unknown as Blob);
      // each frame as it is ready: the first suggestion starts from it
      return embedder.embedClip(images, undefined, (index, embedding) => reply({ frame: { index, embedding } }));
    }
    case "embedTexts":
      return embedder.embedTexts(message.texts);
    case "state":
      return state();
    case "crashThread":
      // the thread dies as a crash would end it: not through the embedder
      await started[started.length - 1]?.terminate();
      return null;
    case "terminate":
      embedder.terminate();
      return null;
  }
}

process.on("message", (wire: unknown) => {
  const message = fromWire(wire) as PageCall & { id: number };
  const send = (m: object) => process.send?.(toWire({ id: message.id, ...m }));
  answer(message, send).then(
    (result) => send({ ok: true, result }),
    (e: Error) =>
      send({ ok: false, error: { code: e instanceof EmbeddingError ? e.code : undefined, message: e.message } }),
  );
});
