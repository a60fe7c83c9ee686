// Opens the built panel in headless Chromium (Debian's), served by the preview server with the
// simulated Premiere, and checks it renders what it fetched through the bridge.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PremiereSimulator } from "../../src/sim/premiere-simulator";
import { createSampleProject, importSampleClip } from "../../src/sim/sample-project";
import { sampleMedia, sampleMediaFolders } from "../../src/testing/sample-media";
import { TINY_CLIP_DIR, tinyClip } from "../../src/testing/tiny-clip";
import WebSocket from "ws";
import { CatalogClient } from "../../src/lib/catalog";
import { startPreviewServer, type RunningServer } from "../../src/server/preview-server";
import { DIST, JSX_BUNDLE, ROOT } from "../../src/testing/paths";
import { launchChromium } from "../../src/testing/chromium";
import { startCatalogServer, type RunningCatalog } from "../../src/server/catalog/server";

let server: RunningServer;
let catalog: RunningCatalog;
let browser: Browser;

beforeAll(async () => {
  const project = createSampleProject(sampleMedia());
  const simulator = new PremiereSimulator({ project }).loadBundle(JSX_BUNDLE);
  catalog = await startCatalogServer();
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
    mediaFolders: sampleMediaFolders(),
  });
  catalog.allowOrigin(server.url); // the page's origin: a random port here
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
    await expect
      .poll(() => page.getByTestId("project-name").textContent(), { timeout: 15_000 })
      .toBe("Küche Ep 3.prproj");
    expect(await page.locator(".badge").textContent()).toBe("simulated Premiere");
    await expect
      .poll(() => page.getByTestId("catalog-status").getAttribute("data-state"), { timeout: 15_000 })
      .toBe("connected");
    await expect
      .poll(() => page.getByTestId("model-status").getAttribute("data-state"), { timeout: 20_000 })
      .toBe("ready");
    expect(await page.getByTestId("model-status").textContent()).toContain("Test model: suggestions are for trying");
    // this catalog's default model is the real CLIP: the panel's test model can never match it
    const mismatch = await page.getByTestId("model-mismatch").textContent();
    expect(mismatch).toContain("Xenova/clip-vit-base-patch32@q8");
    expect(mismatch).toContain("local/tiny-random-clip@q8");
    fs.mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, "test-results/preview-smoke.png") });
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("queues clips as they are imported, grabs their frames by the fastest path and embeds them", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/main/index.html`);
    await expect.poll(() => page.getByText("Import clips into the project").count()).toBe(1); // watching
    for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Import a sample clip" }).click();
    const queue = page.getByTestId("clip-queue").locator("li");
    await expect.poll(() => queue.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      await expect.poll(() => queue.nth(i).getAttribute("data-status"), { timeout: 30_000 }).toBe("suggested");
    }
    const texts = await queue.allTextContents();
    expect(texts[0]).toContain("A001_C001 — Küche.mp4");
    expect(texts[1]).toContain("B002_C002 ProRes.mov");
    expect(texts[2]).toContain("still 003.jpg");
    // how each clip's frames were read shows in the card's details line
    const details = async (i: number) => {
      await queue.nth(i).click();
      return page.getByTestId("review-card").locator(".details").textContent();
    };
    expect(await details(0)).toContain("frames via browser-video · 5 frames compared");
    // ProRes in a MOV: Chromium cannot decode it, so Premiere exports the frames
    expect(await details(1)).toContain("frames via host-export · 5 frames compared");
    expect(await details(2)).toContain("frames via still-file · 1 frame compared");
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
    }).signIn("editor@eav.local", catalog.localUsers.find((u) => u.email === "editor@eav.local")!.password);
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
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const first = page.getByTestId("search-results").locator("li").first();
    await expect.poll(() => first.textContent(), { timeout: 20_000 }).toContain("kitchen · oven · CU");
    const similarity = Number(/(\d+) % similar/.exec((await first.textContent())!)![1]);
    expect(similarity).toBe(100); // the same text embedding, in the browser and in Node
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
    await expect
      .poll(() => page.getByTestId("project-name").textContent(), { timeout: 15_000 })
      .toBe("Küche Ep 3.prproj");
    expect(await page.getByRole("alert").count()).toBe(0);
    // watching imports started after recovery
    await expect.poll(() => page.getByText("Import clips into the project").count()).toBe(1);
    await page.close();
  });
});
