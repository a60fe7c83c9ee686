// Opens the built panel in headless Chromium (Debian's), served by the preview server with the
// simulated Premiere, and checks it renders what it fetched through the bridge.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PremiereSimulator } from "../../src/sim/premiere-simulator";
import { createSampleProject, importSampleClip } from "../../src/sim/sample-project";
import { sampleMedia, sampleMediaServed } from "../helpers/sample-media";
import { TINY_CLIP_DIR, tinyClip } from "../helpers/tiny-clip";
import WebSocket from "ws";
import { CatalogClient } from "../../src/lib/catalog";
import { startPreviewServer, type RunningServer } from "../../src/server/preview-server";
import { DIST, JSX_BUNDLE, ROOT } from "../helpers/paths";
import { launchChromium } from "../helpers/chromium";
import { startCatalogServer, type RunningCatalog } from "../../src/server/catalog/server";

let server: RunningServer;
let catalog: RunningCatalog;
let browser: Browser;

beforeAll(async () => {
  const project = createSampleProject(sampleMedia());
  const simulator = new PremiereSimulator({ project }).loadBundle(JSX_BUNDLE);
  catalog = await startCatalogServer({ localPassword: "local-dev" });
  let imported = 0;
  server = await startPreviewServer({
    extensionDir: DIST,
    simulator,
    staticDirs: { "/models/": path.dirname(TINY_CLIP_DIR) },
    studioConfig: {
      catalog: { url: catalog.url, anonKey: catalog.anonKey },
      model: { source: "folder", path: "/models/tiny-random-clip" },
    },
    simulateImport: () => void importSampleClip(project, sampleMedia(), ++imported),
    mediaAllowed: sampleMediaServed,
  });
  browser = await launchChromium(chromium);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await catalog?.close();
});

describe("browser preview", () => {
  it("renders the simulated project's name, fetched through the bridge", async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}/main/index.html`);
    await expect.poll(() => page.getByTestId("project-name").textContent()).toBe("Küche Ep 3.prproj");
    expect(await page.locator(".badge").textContent()).toBe("simulated Premiere");
    await expect.poll(() => page.getByTestId("catalog-status").getAttribute("data-state")).toBe("connected");
    expect(await page.getByTestId("catalog-status").textContent()).toContain("Xenova/clip-vit-base-patch32@q8");
    await expect
      .poll(() => page.getByTestId("model-status").getAttribute("data-state"), { timeout: 20_000 })
      .toBe("ready");
    // one WASM thread per pool worker: as many workers as cores, at most 4 (docs/adr/0011)
    expect(await page.getByTestId("model-status").textContent()).toMatch(
      /local\/tiny-random-clip@q8 · [1-4] threads?$/,
    );
    fs.mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, "test-results/preview-smoke.png") });
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("queues clips as they are imported, grabs their frames by the fastest path and embeds them", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/main/index.html`);
    await expect.poll(() => page.getByText("watching imports by events").count()).toBe(1);
    for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Import a sample clip" }).click();
    const queue = page.getByTestId("clip-queue").locator("li");
    await expect.poll(() => queue.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      await expect.poll(() => queue.nth(i).getAttribute("data-status"), { timeout: 30_000 }).toMatch(/embedded|failed/);
    }
    const texts = await queue.allTextContents();
    expect(texts[0]).toContain("A001_C001 — Küche.mp4");
    expect(texts[0]).toContain("5 frames embedded · via video (in panel)");
    // ProRes in a MOV: Chromium cannot decode it, so Premiere exports the frames
    expect(texts[1]).toContain("B002_C002 ProRes.mov");
    expect(texts[1]).toContain("5 frames embedded · via Premiere export");
    expect(texts[2]).toContain("1 frame embedded · via still");
    expect(await page.getByRole("alert").count()).toBe(0); // our own temporary sequences are no imports
    await page.screenshot({ path: path.join(ROOT, "test-results/preview-queue.png") });
    await page.close();
  });

  it("searches references by text: the worker's text embedding finds what Node's text embedding saved", async () => {
    const query = "kitchen oven close-up";
    const [vector] = await (await tinyClip(true)).embedTexts([query]);
    const editor = await new CatalogClient({
      url: catalog.url,
      anonKey: catalog.anonKey,
      realtime: { transport: WebSocket as never },
    }).signIn("editor@eav.local", "local-dev");
    await editor.saveReference({
      referenceId: crypto.randomUUID(),
      filePath: "/Volumes/EAV Media/Küche/oven-CU.jpg",
      correctedMetadata: { location: "kitchen", subject: "oven", shotType: "CU" },
      embedding: Array.from(vector),
      modelVersion: "local/tiny-random-clip@q8",
    });
    const page = await browser.newPage();
    await page.goto(`${server.url}/main/index.html`);
    await expect
      .poll(() => page.getByTestId("model-status").getAttribute("data-state"), { timeout: 20_000 })
      .toBe("ready");
    await page.getByRole("searchbox", { name: "Search references by text" }).fill(query);
    await page.getByRole("button", { name: "Search" }).click();
    const first = page.getByTestId("search-results").locator("li").first();
    await expect.poll(() => first.textContent(), { timeout: 20_000 }).toContain("kitchen · oven · CU");
    const similarity = Number(/similarity ([\d.]+)/.exec((await first.textContent())!)![1]);
    expect(similarity).toBeGreaterThan(0.999);
    await page.close();
  });

  it("shows a host failure and keeps working after it", async () => {
    const page = await browser.newPage();
    await page.route("**/__host/eval", (route) => route.fulfill({ status: 200, body: "EvalScript error." }));
    await page.goto(`${server.url}/main/index.html`);
    const banner = page.getByRole("alert");
    await expect.poll(() => banner.getAttribute("data-code")).toBe("EVAL_FAILED");
    expect(await banner.textContent()).toContain("Premiere could not run the panel's host script");
    await page.unroute("**/__host/eval");
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect.poll(() => page.getByTestId("project-name").textContent()).toBe("Küche Ep 3.prproj");
    expect(await page.getByRole("alert").count()).toBe(0);
    await expect.poll(() => page.getByText("watching imports by events").count()).toBe(1); // started after recovery
    await page.close();
  });
});
