// The bench pages' server, shared by the embed, embed-memory and clip benches: a page of
// bench/pages/ bundled for Chromium 88 with a bare index.html, served beside the built extension
// and the bench models, and the WASM pool loaded in it.
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { startPreviewServer } from "../../src/server/preview-server";
import { PremiereSimulator } from "../../src/sim/premiere-simulator";
import { TINY_CLIP_DIR } from "../../src/testing/tiny-clip";
import { pageEntry, ROOT } from "./paths";
import { descendantsRssMb } from "./process-memory";

/** bench pages: a bundle of bench/pages/<entry>.ts with a bare index.html, served at /bench/ */
const pageDir = (entry: string) => path.join(ROOT, `.cache/bench-${entry}`);

type PoolHandle = {
  load(o: unknown): Promise<{ threads: number }>;
  embedClip(b: Blob[], l?: string[], onFrame?: (i: number) => void): Promise<{ frames: Float32Array[] }>;
  detail: string;
  size: { perWorkerMb: number } | null;
  terminate(): void;
};

export type BenchGlobals = {
  embedBench: {
    startPool(url: string, workers: number, simd: boolean): PoolHandle;
    startDecoder(url: string): {
      decode(b: Blob[], labels: string[], cfg: unknown): Promise<Float32Array[]>;
      stop(): void;
    };
  };
  pool: PoolHandle;
  blobs: Blob[];
};

async function buildBenchPage(entry: string): Promise<void> {
  const outDir = pageDir(entry);
  await build({
    configFile: false,
    logLevel: "warn",
    build: {
      outDir,
      emptyOutDir: true,
      target: "chrome88",
      lib: { entry: pageEntry(entry), formats: ["iife"], name: "embedBenchLib" },
      rollupOptions: { output: { entryFileNames: "embed-bench.js" } },
    },
  });
  fs.writeFileSync(path.join(outDir, "index.html"), '<!doctype html><script src="embed-bench.js"></script>');
}

export async function openPage(browser: Browser, url: string, jpgs: string[]): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript("globalThis.__name = (f) => f"); // tsx's keepNames in evaluated functions
  await page.goto(url);
  await page.evaluate((b64s) => {
    const g = globalThis as unknown as BenchGlobals;
    g.blobs = b64s.map((b) => new Blob([Uint8Array.from(atob(b), (c) => c.charCodeAt(0))], { type: "image/jpeg" }));
  }, jpgs);
  return page;
}

/** Loads a pool in the page; returns the renderer memory it added per worker. */
export async function loadPool(page: Page, workerUrl: string, modelPath: string, n: number, simd: boolean) {
  const before = descendantsRssMb();
  const t = performance.now();
  const loaded = await page.evaluate(
    async ({ workerUrl, modelPath, n, simd }) => {
      const g = globalThis as unknown as BenchGlobals;
      g.pool = g.embedBench.startPool(workerUrl, n, simd);
      const info = await g.pool.load({ source: { kind: "folder", path: modelPath }, quantized: true });
      return { threads: info.threads, detail: g.pool.detail, estimateMb: g.pool.size?.perWorkerMb ?? 0 };
    },
    { workerUrl, modelPath, n, simd },
  );
  const loadMs = Math.round(performance.now() - t);
  const after = descendantsRssMb();
  return {
    ...loaded,
    loadMs,
    rssAddedMb: Math.round(after - before),
    rssPerWorkerMb: Math.round((after - before) / n),
  };
}

/** The built extension, bench models (/models/, /tiny/) and the bench page (/bench/) served. */
export async function startBenchServer(modelsDir: string, entry = "embed-pool") {
  await buildBenchPage(entry);
  const server = await startPreviewServer({
    extensionDir: path.join(ROOT, "dist/cep"),
    simulator: new PremiereSimulator({ project: null }).loadBundle(path.join(ROOT, "dist/cep/jsx/index.js")),
    staticDirs: { "/models/": modelsDir, "/tiny/": path.dirname(TINY_CLIP_DIR), "/bench/": pageDir(entry) },
  });
  const worker = fs.readdirSync(path.join(ROOT, "dist/cep/assets")).find((f) => f.startsWith("embedding.worker-"))!;
  return { server, workerUrl: `${server.url}/assets/${worker}`, pageUrl: `${server.url}/bench/index.html` };
}
