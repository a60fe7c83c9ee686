// CEP's page-side Node, stood in for by this Node: the panel's native path gets Node's own
// require and process. CEP's own Node lines run the thread in native-cep-node.test.ts (real
// Node 15.10 and 17.7 binaries); nothing here runs code in front of the thread.
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { decodeImageForClip } from "../lib/embedding/node/decode-image";
import type { PreprocessorConfig } from "../lib/embedding/pixels";
import type { DecodeFrames } from "../panel/embedding/native/native-embedder";
import type { PageNode } from "../panel/embedding/native/page-node";
import { DIST } from "./paths";

const require = createRequire(import.meta.url);

export function cepNode(): PageNode {
  return {
    require: (id) => require(id),
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
