// The WASM pool in Debian's headless Chromium, through the panel's own pool and worker: one
// and two workers, SIMD and the plain build (CEP 11's Chromium 88 runs only the plain build;
// its own engine is not installed here). Also the page-side decode the native path relies on,
// and the renderer memory each loaded worker adds.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { launchChromium } from "../../src/testing/chromium";
import { lagProbeSource, type LagReport } from "../lib/lag-probe";
import { stats } from "../lib/stats";
import { loadPool, openPage, startBenchServer, type BenchGlobals } from "../lib/bench-pages";

async function embedClips(page: Page, runs: number) {
  return page.evaluate(async (runs) => {
    const g = globalThis as unknown as BenchGlobals;
    await g.pool.embedClip(g.blobs); // warm-up
    const wall: number[] = [];
    const first: number[] = [];
    let frames: number[][] = [];
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      let f = 0;
      const result = await g.pool.embedClip(g.blobs, undefined, () => (f ||= performance.now() - t));
      wall.push(performance.now() - t);
      first.push(f);
      frames = result.frames.map((x) => Array.from(x));
    }
    g.pool.terminate();
    return { wall, first, frames };
  }, runs);
}

/** The native path decodes in a Web Worker: the clip's wall time there, and the page's timer
 * lag meanwhile (the page only passes Blobs in and pixels out). */
async function workerDecode(page: Page, workerUrl: string, runs: number) {
  return page.evaluate(
    async ({ workerUrl, runs, probe }) => {
      const g = globalThis as unknown as BenchGlobals;
      const cfg = { size: 224, crop: 224, mean: [0.48, 0.46, 0.41], std: [0.27, 0.26, 0.28] };
      const decoder = g.embedBench.startDecoder(workerUrl);
      const labels = g.blobs.map((_, i) => `frame ${i + 1}`);
      await decoder.decode(g.blobs, labels, cfg); // warm-up: the worker starts
      const stop = (0, eval)(probe)() as () => LagReport;
      const perClip: number[] = [];
      for (let r = 0; r < runs; r++) {
        const t = performance.now();
        await decoder.decode(g.blobs, labels, cfg);
        perClip.push(performance.now() - t);
      }
      const lag = stop();
      decoder.stop();
      return { perClip, lag };
    },
    { workerUrl, runs, probe: lagProbeSource },
  );
}

export async function browserBench(modelDir: string, modelsDir: string, frames: string[], runs: number) {
  const { server, workerUrl } = await startBenchServer(modelsDir);
  const modelPath = `/models/${path.basename(modelDir)}`;
  const jpgs = frames.map((f) => fs.readFileSync(f).toString("base64"));
  const browser = await launchChromium(chromium);
  const configs: Record<string, unknown> = {};
  const memory: Record<string, number> = {};
  let wasmFrames: number[][] = [];
  try {
    for (const simd of [true, false]) {
      for (const n of [1, 2]) {
        const page = await openPage(browser, `${server.url}/bench/index.html`, jpgs);
        const loaded = await loadPool(page, workerUrl, modelPath, n, simd);
        const r = await embedClips(page, runs);
        await page.close();
        if (simd && n === 1) wasmFrames = r.frames;
        configs[loaded.detail] = {
          modelLoadMs: loaded.loadMs,
          threads: loaded.threads,
          rendererMemoryPerWorkerMb: loaded.rssPerWorkerMb,
          poolEstimatePerWorkerMb: loaded.estimateMb,
          clipOfFiveFramesWall: stats(r.wall),
          firstFrameReady: stats(r.first),
        };
        console.log(loaded.detail, JSON.stringify(configs[loaded.detail]));
      }
    }
    // the memory a worker adds with the tiny model: the part that does not grow with the model
    const page = await openPage(browser, `${server.url}/bench/index.html`, jpgs);
    memory["tiny model, 1 worker (MB)"] = (
      await loadPool(page, workerUrl, "/tiny/tiny-random-clip", 1, true)
    ).rssPerWorkerMb;
    const decode = await workerDecode(page, workerUrl, runs);
    await page.close();
    return {
      runtime: "Debian headless Chromium, the panel's WASM pool and worker, onnxruntime-web 1.14, int8",
      note: "CEP 11's Chromium 88 (chrome-aws-lambda@5.5.0) is not installed here: no-SIMD runs are Debian Chromium with SIMD turned off",
      configs,
      memory,
      "native path's decode of five 1080p JPEGs in a Web Worker": {
        perClip: stats(decode.perClip),
        "page timer lag meanwhile": decode.lag,
      },
      wasmFrames,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
