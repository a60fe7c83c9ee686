// npm run bench:embed — CLIP ViT-B/32 embedding speed, on a random-weight model of the real size
// (generated on demand into bench/models/, never committed). Measures per-frame decode +
// preprocess and inference for five 1080p frames, in Node (onnxruntime-node) and in headless
// Chromium through the panel's own worker (onnxruntime-web WASM), at batch 1 and 5, on 1 and 2
// threads, with and without WASM SIMD. Writes bench/results/embed-<date>.json.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { ClipModel } from "../src/lib/embedding";
import { decodeImageForClip } from "../src/lib/embedding/node/decode-image";
import { PremiereSimulator } from "../src/sim/premiere-simulator";
import { startPreviewServer } from "../src/server/preview-server";
import { buildExtension } from "../scripts/build";
import { launchChromium } from "../tests/helpers/chromium";
import { percentile } from "./clustered-embeddings";

const ROOT = path.resolve(import.meta.dirname, "..");
const MODELS = path.join(ROOT, "bench/models");
const MODEL = path.join(MODELS, "clip-vit-b-32-random");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function ensureModel(): void {
  if (
    fs.existsSync(path.join(MODEL, "onnx/vision_model_quantized.onnx")) &&
    fs.existsSync(path.join(MODEL, "tokenizer.json"))
  )
    return;
  console.log("generating a random-weight CLIP ViT-B/32 (real size) into bench/models/ …");
  execFileSync(
    "/usr/bin/python3",
    ["scripts/model/make_clip_onnx.py", "--preset", "vit-b-32", "--out", MODEL, "--quantize"],
    { cwd: ROOT, stdio: "inherit" },
  );
  execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/model/build-clip-tokenizer.ts", MODEL], {
    cwd: ROOT,
    stdio: "inherit",
  });
}

function ensureFrames(): string[] {
  const dir = path.join(MODELS, "frames-1080p");
  fs.mkdirSync(dir, { recursive: true });
  const frames = [1, 2, 3, 4, 5].map((i) => path.join(dir, `frame-${i}.jpg`));
  if (!frames.every((f) => fs.existsSync(f))) {
    execFileSync("ffmpeg", [
      "-loglevel",
      "error",
      "-y",
      "-f",
      "lavfi",
      "-i",
      "testsrc2=size=1920x1080:rate=5",
      "-frames:v",
      "5",
      "-q:v",
      "3",
      path.join(dir, "frame-%d.jpg"),
    ]);
  }
  return frames;
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50ms: +percentile(s, 50).toFixed(1), p95ms: +percentile(s, 95).toFixed(1), runs: s.length };
};

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

async function browserBench(frames: string[]) {
  await buildExtension();
  const results: Record<string, unknown> = {};
  for (const isolated of [false, true]) {
    const server = await startPreviewServer({
      extensionDir: path.join(ROOT, "dist/cep"),
      simulator: new PremiereSimulator({ project: null }).loadBundle(path.join(ROOT, "dist/cep/jsx/index.js")),
      // the threaded WASM builds are not shipped; the isolated run serves them from node_modules
      staticDirs: {
        "/models/": MODELS,
        ...(isolated ? { "/ort/": path.join(ROOT, "node_modules/onnxruntime-web/dist") } : {}),
      },
      crossOriginIsolated: isolated,
    });
    const browser = await launchChromium(chromium);
    try {
      for (const simd of isolated ? [true] : [true, false]) {
        const page = await browser.newPage();
        // tsx compiles this file with esbuild's keepNames: functions sent to the page call __name
        await page.addInitScript("globalThis.__name = (f) => f");
        await page.goto(`${server.url}/main/index.html`);
        const worker = fs
          .readdirSync(path.join(ROOT, "dist/cep/assets"))
          .find((f) => f.startsWith("embedding.worker-"))!;
        const jpgs = frames.map((f) => fs.readFileSync(f).toString("base64"));
        const r = await page.evaluate(
          async ({ workerUrl, jpgs, simd, runs }) => {
            const w = new Worker(workerUrl);
            let next = 1;
            const call = (m: Record<string, unknown>) =>
              new Promise<any>((resolve) => {
                const id = next++;
                const on = (e: MessageEvent) => {
                  if (e.data.id === id && !("progress" in e.data)) {
                    w.removeEventListener("message", on);
                    resolve(e.data);
                  }
                };
                w.addEventListener("message", on);
                w.postMessage({ ...m, id });
              });
            const loadStart = performance.now();
            const loaded = await call({
              type: "load",
              options: {
                source: { kind: "folder", path: "/models/clip-vit-b-32-random", modelId: "random/clip-vit-b-32" },
                quantized: true,
              },
              wasm: { simd },
            });
            if (!loaded.ok) return { error: loaded.error };
            const loadMs = performance.now() - loadStart;
            const blobs = jpgs.map(
              (b: string) => new Blob([Uint8Array.from(atob(b), (c) => c.charCodeAt(0))], { type: "image/jpeg" }),
            );
            await call({ type: "embedClip", images: [blobs[0]] }); // warm-up
            const one: any[] = [];
            const five: any[] = [];
            const wall: number[] = [];
            for (let i = 0; i < runs; i++) {
              one.push((await call({ type: "embedClip", images: [blobs[0]] })).result.timings);
              const t = performance.now();
              five.push((await call({ type: "embedClip", images: blobs })).result.timings);
              wall.push(performance.now() - t);
            }
            w.terminate();
            return { loadMs, threads: loaded.result.threads, one, five, wall };
          },
          { workerUrl: `/assets/${worker}`, jpgs, simd, runs: RUNS },
        );
        await page.close();
        if ("error" in r) throw new Error(`browser load failed: ${JSON.stringify(r.error)}`);
        const key = `wasm ${simd ? "SIMD" : "no SIMD"}, ${r.threads} thread${r.threads > 1 ? "s" : ""}`;
        results[key] = {
          modelLoadMs: Math.round(r.loadMs),
          decodePreprocessPerFrame: stats(r.five.map((t: any) => t.decodeMs / 5)),
          inferenceBatch1PerFrame: stats(r.one.map((t: any) => t.inferenceMs)),
          inferenceBatch5PerFrame: stats(r.five.map((t: any) => t.inferenceMs / 5)),
          clipOfFiveFramesWall: stats(r.wall),
        };
        console.log(key, JSON.stringify(results[key]));
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }
  return {
    runtime: "headless Chromium (Debian) via the panel's embedding worker, onnxruntime-web 1.14 WASM, int8",
    configs: results,
  };
}

ensureModel();
const frames = ensureFrames();
const node = await nodeBench(frames);
console.log("node", JSON.stringify(node));
const browser = await browserBench(frames);
const result = {
  benchmark: "embed",
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version },
  model: "CLIP ViT-B/32 architecture, random weights (scripts/model/make_clip_onnx.py --preset vit-b-32 --quantize)",
  modelFiles: Object.fromEntries(
    fs.readdirSync(path.join(MODEL, "onnx")).map((f) => [f, fs.statSync(path.join(MODEL, "onnx", f)).size]),
  ),
  frames: "5 × 1920×1080 JPEG (ffmpeg testsrc2)",
  targets: { "clip of five 1080p frames, single WASM thread (ms)": 1000, "preprocess per 1080p frame (ms)": 30 },
  node,
  browser,
};
const dir = path.join(ROOT, "bench/results");
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, `embed-${result.date.slice(0, 10)}.json`), JSON.stringify(result, null, 2) + "\n");
console.log("wrote bench/results/embed-" + result.date.slice(0, 10) + ".json");
