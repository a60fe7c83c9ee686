// CEP's page-side Node, simulated under Node: the panel's native path gets Node's own require
// and process, and its encoder thread starts without the globals Node 15.9 (CEP 11) lacks.
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { decodeImageForClip } from "../lib/embedding/node/decode-image";
import type { PreprocessorConfig } from "../lib/embedding/pixels";
import type { DecodeFrames } from "../panel/embedding/native/native-embedder";
import type { PageNode } from "../panel/embedding/native/page-node";
import { DIST } from "./paths";

const require = createRequire(import.meta.url);

/** Globals Node 15.9 does not have; the thread must run without them. */
const NODE_15_MISSING = `
  delete Array.prototype.at; delete String.prototype.at;
  delete Object.getPrototypeOf(Int8Array.prototype).at;
  delete Object.hasOwn; delete globalThis.performance; delete globalThis.structuredClone;
  delete globalThis.fetch;
`;

class Node15Worker extends Worker {
  constructor(file: string) {
    super(`${NODE_15_MISSING}\nrequire(${JSON.stringify(file)});`, { eval: true });
  }
}

export function cepNode(): PageNode {
  return {
    require: (id) => (id === "worker_threads" ? { Worker: Node15Worker } : require(id)),
    process,
  };
}

/** the built page's URL, as CEP loads it */
export const pageUrl = (extensionDir = DIST) => pathToFileURL(path.join(extensionDir, "main/index.html")).toString();

/** Node's decoder (sharp) standing in for the decoding Web Worker's canvas. */
export const sharpDecode: DecodeFrames = (images: Blob[], _labels: string[], cfg: PreprocessorConfig) =>
  Promise.all(images.map(async (blob) => decodeImageForClip(Buffer.from(await blob.arrayBuffer()), cfg)));

/** A copy of the built extension's native files for this platform only, to break on purpose. */
export function nativeCopy(): { dir: string; binding: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rl-native-"));
  const here = `${process.platform}/${process.arch}`;
  fs.cpSync(path.join(DIST, "native"), path.join(dir, "native"), {
    recursive: true,
    filter: (src) => !/napi-v3[\\/][a-z0-9]+[\\/]/.test(src) || src.includes(here.replace("/", path.sep)),
  });
  fs.mkdirSync(path.join(dir, "main"));
  fs.writeFileSync(path.join(dir, "main/index.html"), "");
  const binding = path.join(dir, "native/node_modules/onnxruntime-node/bin/napi-v3", here, "onnxruntime_binding.node");
  return { dir, binding };
}
