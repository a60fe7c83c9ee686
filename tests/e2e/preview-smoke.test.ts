// Opens the built panel in headless Chromium (Debian's), served by the preview server with the
// simulated Premiere, and checks it renders what it fetched through the bridge.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PremiereSimulator } from "../../src/sim/premiere-simulator";
import { createSampleProject } from "../../src/sim/sample-project";
import { startPreviewServer, type RunningServer } from "../../src/server/preview-server";
import { DIST, JSX_BUNDLE, ROOT } from "../helpers/paths";
import { launchChromium } from "../helpers/chromium";
import { startCatalogServer, type RunningCatalog } from "../../src/server/catalog/server";

let server: RunningServer;
let catalog: RunningCatalog;
let browser: Browser;

beforeAll(async () => {
  const simulator = new PremiereSimulator({ project: createSampleProject() }).loadBundle(JSX_BUNDLE);
  catalog = await startCatalogServer();
  server = await startPreviewServer({
    extensionDir: DIST,
    simulator,
    studioConfig: { catalog: { url: catalog.url, anonKey: catalog.anonKey } },
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
    fs.mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, "test-results/preview-smoke.png") });
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("shows a host failure and keeps working after it", async () => {
    const page = await browser.newPage();
    await page.route("**/__host/eval", (route) => route.fulfill({ status: 200, body: "EvalScript error." }));
    await page.goto(`${server.url}/main/index.html`);
    const banner = page.getByRole("alert");
    await expect.poll(() => banner.getAttribute("data-code")).toBe("EVAL_FAILED");
    expect(await banner.textContent()).toContain("Reading the project failed");
    await page.unroute("**/__host/eval");
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect.poll(() => page.getByTestId("project-name").textContent()).toBe("Küche Ep 3.prproj");
    expect(await page.getByRole("alert").count()).toBe(0);
    await page.close();
  });
});
