// npm run bench:embed — CLIP ViT-B/32 embedding speed, on a random-weight model of the real size
// (generated on demand into bench/models/, never committed), for a clip of five 1080p frames:
// - Node main thread (onnxruntime-node): decode + preprocess, batch 1 and 5, int8 and fp32;
// - the native path (bench/embed/native.ts): the built encoder thread (frame 1 alone, then a
//   batch of 4), with the page's event-loop lag;
// - the WASM pool in Debian's Chromium (bench/embed/browser.ts): 1 and 2 workers, SIMD and not,
//   memory per worker, and the page-side decode the native path relies on.
// Writes bench/results/embed-<date>.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ClipModel, cosine } from "../../src/lib/embedding";
import { decodeImageForClip } from "../../src/lib/embedding/node/decode-image";
import { buildExtension } from "../../scripts/build";
import { browserBench } from "./browser";
import { nativeBench } from "./native";
import { stats } from "../lib/stats";
import { MODEL, MODELS, ROOT, ensureFrames, ensureModel } from "../lib/bench-model";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function nodeBench(frames: string[]) {
  const out: Record<string, unknown> = {};
  for (const quantized of [true, false]) {
    const model = await ClipModel.load({
      source: { kind: "folder", path: MODEL, modelId: "random/clip-vit-b-32" },
      quantized,
    });
    const decode: number[] = [];
    let pixels: Float32Array[] = [];
    for (let r = 0; r < RUNS; r++) {
      pixels = [];
      for (const f of frames) {
        const t = performance.now();
        pixels.push(await decodeImageForClip(f, model.preprocess));
        decode.push(performance.now() - t);
      }
    }
    await model.embedImages([pixels[0]]); // warm-up
    const batch1: number[] = [];
    const batch5: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      let t = performance.now();
      await model.embedImages([pixels[0]]);
      batch1.push(performance.now() - t);
      t = performance.now();
      await model.embedImages(pixels);
      batch5.push(performance.now() - t);
    }
    out[model.modelVersion] = {
      decodePreprocessPerFrame: stats(decode),
      inferenceBatch1PerFrame: stats(batch1),
      inferenceBatch5PerClip: stats(batch5),
      inferenceBatch5PerFrame: stats(batch5.map((x) => x / 5)),
    };
  }
  return { runtime: `onnxruntime-node 1.14 (default threads, ${os.cpus().length} cores)`, models: out };
}

ensureModel();
const frames = ensureFrames();
await buildExtension();
const loadBefore = os.loadavg();
const node = await nodeBench(frames);
console.log("node", JSON.stringify(node));
const native = await nativeBench(MODEL, frames, RUNS);
console.log("native", JSON.stringify(native.report));
const { wasmFrames, ...browser } = await browserBench(MODEL, MODELS, frames, RUNS);
// end to end: sharp-decoded frames through onnxruntime-node vs canvas-decoded frames through WASM
const parity = wasmFrames.map((f, i) => +cosine(f, native.frames[i]).toFixed(5));
const result = {
  benchmark: "embed",
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    node: process.version,
    // the machine is shared: 1/5/15-minute load averages at start and end
    loadAverage: { start: loadBefore.map((x) => +x.toFixed(1)), end: os.loadavg().map((x) => +x.toFixed(1)) },
  },
  model: "CLIP ViT-B/32 architecture, random weights (scripts/model/make_clip_onnx.py --preset vit-b-32 --quantize)",
  modelFiles: Object.fromEntries(
    fs.readdirSync(path.join(MODEL, "onnx")).map((f) => [f, fs.statSync(path.join(MODEL, "onnx", f)).size]),
  ),
  frames: "5 × 1920×1080 JPEG (ffmpeg testsrc2)",
  targets: {
    "clip of five 1080p frames, single WASM thread (ms)": 1000,
    "preprocess per 1080p frame (ms)": 30,
    "page event-loop lag p95 while the native path embeds (ms)": 20,
  },
  node,
  native: native.report,
  browser,
  "cosine native (sharp decode) vs WASM SIMD 1 worker (canvas decode), per frame": parity,
};
const dir = path.join(ROOT, "bench/results");
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, `embed-${result.date.slice(0, 10)}.json`), JSON.stringify(result, null, 2) + "\n");
console.log("wrote bench/results/embed-" + result.date.slice(0, 10) + ".json");
