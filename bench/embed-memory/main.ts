// npm run bench:embed-memory — renderer memory that WASM pool workers add once their model is
// loaded, in Debian's headless Chromium, for pools of 1 to 3 workers (only the first loads the
// text encoder), with the test model and the ViT-B/32-size model. Fits the pool's memory
// estimate (src/panel/embedding/pool-size.ts). Run bench:embed first (it makes the model).
// Writes bench/results/embed-memory-<date>.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { buildExtension } from "../../scripts/build";
import { launchChromium } from "../../src/testing/chromium";
import { loadPool, openPage, startBenchServer } from "../lib/bench-pages";
import { ROOT } from "../lib/paths";

const MODELS = path.join(ROOT, "bench/models");

await buildExtension();
const { server, workerUrl, pageUrl } = await startBenchServer(MODELS);
const browser = await launchChromium(chromium);
const results: Record<string, unknown> = {};
try {
  for (const [name, model] of [
    ["test model (tiny-random-clip)", "/tiny/tiny-random-clip"],
    ["ViT-B/32 int8 (random weights)", "/models/clip-vit-b-32-random"],
  ]) {
    for (const n of [1, 2, 3]) {
      const page = await openPage(browser, pageUrl, []);
      const r = await loadPool(page, workerUrl, model, n, true);
      await page.evaluate(() => (globalThis as unknown as { pool: { terminate(): void } }).pool.terminate());
      await page.close();
      results[`${name}, ${n} worker${n > 1 ? "s" : ""}`] = {
        rendererMemoryAddedMb: r.rssAddedMb,
        estimate: r.estimateMb,
      };
      console.log(name, n, r.rssAddedMb, "MB");
    }
  }
} finally {
  await browser.close();
  await server.close();
}
const date = new Date().toISOString();
const out = path.join(ROOT, "bench/results", `embed-memory-${date.slice(0, 10)}.json`);
fs.writeFileSync(
  out,
  JSON.stringify(
    {
      benchmark: "embed-memory",
      date,
      machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((x) => +x.toFixed(1)) },
      method: "sum of RSS of the Chromium processes this bench started, before and after the pool loads",
      results,
    },
    null,
    2,
  ) + "\n",
);
console.log(`wrote ${path.relative(ROOT, out)}`);
