// bench:clip's WASM paths: the bench page (bench/pages/clip.ts) in Debian's Chromium through
// Playwright, and in Chromium 88 (CEP 11's engine, chrome-aws-lambda) through puppeteer-core 5.5.
// Frames come from the simulated host in Node and are handed to the page as image files.
import { chromium } from "playwright-core";
import { launchChromium } from "../../src/testing/chromium";
import { launchChromium88 } from "../../src/testing/chromium88";
import { MODEL_ID } from "../lib/bench-model";
import type { BenchHost } from "./host";
import type { PathRun } from "./node";
import type { PageStart } from "../pages/clip";
import type { ClipTimes } from "./steps";
import type { LagReport } from "../lib/lag-probe";

type ClipBench = {
  start(o: PageStart): Promise<{ detail: string; threads: number; modelLoadMs: number }>;
  runClip(frames: Array<{ base64: string; type: string; label: string }>): Promise<ClipTimes>;
  startLag(): void;
  stopLag(): LagReport | null;
  stop(): void;
};
type PageGlobals = { clipBench: ClipBench };

/** What Playwright's and puppeteer's pages have in common here. */
interface BenchPage {
  evaluate<A, T>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
}
export interface BenchBrowser {
  name: string;
  version: string;
  open(url: string): Promise<BenchPage & { close(): Promise<void> }>;
  close(): Promise<void>;
}

const SHIM = "globalThis.__name = (f) => f"; // tsx's keepNames in evaluated functions

export async function debianChromium(): Promise<BenchBrowser> {
  const browser = await launchChromium(chromium);
  return {
    name: "Debian Chromium",
    version: browser.version(),
    async open(url) {
      const page = await browser.newPage();
      await page.addInitScript(SHIM);
      await page.goto(url);
      return {
        evaluate: <A, T>(fn: (arg: A) => T | Promise<T>, arg: A) =>
          page.evaluate(fn as (arg: unknown) => T, arg as unknown),
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}

export async function chromium88(): Promise<BenchBrowser> {
  const c88 = await launchChromium88();
  return {
    name: "Chromium 88 (CEP 11's engine)",
    version: c88.version,
    async open(url) {
      const page = await c88.browser.newPage();
      await page.evaluateOnNewDocument(SHIM);
      await page.goto(url);
      return {
        evaluate: <A, T>(fn: (arg: A) => T | Promise<T>, arg: A) =>
          page.evaluate(fn as (arg: unknown) => T, arg as never) as Promise<T>,
        close: () => page.close(),
      };
    },
    close: () => c88.close(),
  };
}

export interface WasmConfig {
  workers: number;
  simd: boolean;
}

export async function wasmPath(
  browser: BenchBrowser,
  pageUrl: string,
  start: Omit<PageStart, "workers" | "simd" | "modelId">,
  config: WasmConfig,
  host: BenchHost,
  clipCount: number,
): Promise<PathRun & { pageTimerLag: LagReport | null }> {
  const page = await browser.open(pageUrl);
  try {
    const started = await page.evaluate((o) => (globalThis as unknown as PageGlobals).clipBench.start(o), {
      ...start,
      ...config,
      modelId: MODEL_ID,
    });
    const clips: PathRun["clips"] = [];
    let wallStart = 0;
    for (let i = 0; i <= clipCount; i++) {
      const grabbed = await host.grab(host.clips[i % host.clips.length]);
      const frames = await Promise.all(
        grabbed.frames.map(async (blob, j) => ({
          base64: Buffer.from(await blob.arrayBuffer()).toString("base64"),
          type: blob.type,
          label: grabbed.labels[j],
        })),
      );
      const times = await page.evaluate((f) => (globalThis as unknown as PageGlobals).clipBench.runClip(f), frames);
      if (i === 0) {
        wallStart = performance.now(); // the first clip warms the workers up
        await page.evaluate(() => (globalThis as unknown as PageGlobals).clipBench.startLag(), null);
      } else clips.push({ grabMs: grabbed.grabMs, ...times });
    }
    const wallMs = Math.round(performance.now() - wallStart);
    const pageTimerLag = await page.evaluate(() => (globalThis as unknown as PageGlobals).clipBench.stopLag(), null);
    await page.evaluate(() => (globalThis as unknown as PageGlobals).clipBench.stop(), null);
    return {
      detail: `${browser.name} ${browser.version}: ${started.detail}`,
      modelLoadMs: started.modelLoadMs,
      clips,
      wallMs,
      pageTimerLag,
    };
  } finally {
    await page.close();
  }
}
