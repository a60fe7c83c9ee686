// The native encoder thread: a Node worker_threads Worker that the panel page starts inside
// CEP's Node (--enable-nodejs --mixed-context). transformers.js picks onnxruntime-node here
// (process.release.name is "node"), and inference runs off the page's thread. Built into
// dist/cep/native/encoder-thread.cjs with onnxruntime-node beside it (vite.config.ts).
// Bare module names: Node 15.9 (CEP 11) cannot require "node:fs". One thread serves the page
// for its whole life (docs/adr/0021): a model change loads the new model here, because
// onnxruntime-node 1.14's binding registers once per process and a second thread cannot load it.
import "./node15-globals";
import fs from "fs";
import os from "os";
import path from "path";
import { parentPort } from "worker_threads";
import { ClipModel } from "../clip-model";
import { EmbeddingError } from "../embedding-error";
import type { NativeThreadCalls } from "../native-protocol";
import { answerRpc, type RpcHandlers, type RpcRequest } from "../rpc";
import { defaultIntraOpThreads, useIntraOpThreads } from "./intra-op-threads";
import { readModelFilesWithFs } from "./local-model-files";

const threads = defaultIntraOpThreads(os.cpus().length);
useIntraOpThreads(threads);
readModelFilesWithFs();

let model: ClipModel | null = null;
const loaded = () => {
  if (!model) throw new EmbeddingError("MODEL_UNAVAILABLE", "No model is loaded yet.");
  return model;
};

const handlers: RpcHandlers<NativeThreadCalls> = {
  async load({ modelDir, modelId, quantized }, progress) {
    model = null; // the previous model's sessions go before the next one's are built
    model = await ClipModel.load({
      source: { kind: "folder", path: modelDir, modelId },
      quantized,
      onProgress: progress,
      fileExists: async (rel) => fs.existsSync(path.join(modelDir, rel)),
    });
    return { result: { modelVersion: model.modelVersion, preprocess: model.preprocess, threads } };
  },
  async embedPixels({ pixels }) {
    const t = performance.now();
    const frames = await loaded().embedImages(pixels);
    return { result: { frames, inferenceMs: performance.now() - t }, transfer: frames.map((f) => f.buffer) };
  },
  async embedTexts({ texts }) {
    return { result: await loaded().embedTexts(texts) };
  },
};

const port = parentPort;
if (!port) throw new Error("encoder-thread runs as a worker_threads Worker");
port.on("message", (request: RpcRequest<NativeThreadCalls>) =>
  answerRpc(request, handlers, (message, transfer) =>
    port.postMessage(message, (transfer ?? []) as unknown as readonly ArrayBuffer[]),
  ),
);
