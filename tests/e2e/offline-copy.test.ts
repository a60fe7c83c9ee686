// The offline copy in headless Chromium against npm start's stack: the panel syncs the sample
// library into IndexedDB, then, with the catalog stopped, a new clip is still suggested from the
// copy (matched in the copy's worker) and the status line says so.
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../src/testing/chromium";
import { startPreviewStack, type PreviewStack } from "../../src/testing/preview-stack";

let stack: PreviewStack;
let browser: Browser;
beforeAll(async () => {
  stack = await startPreviewStack();
  browser = await launchChromium(chromium);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.server.close();
});

describe("the panel without the network", () => {
  it("suggests from its copy when the catalog is stopped and says which copy it uses", async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${stack.server.url}/main/index.html`);
    const source = page.getByTestId("catalog-source");
    await expect
      .poll(() => source.textContent(), { timeout: 45_000 })
      .toMatch(/^Offline copy: 24 references, \d\d:\d\d\.$/);

    await stack.catalog.close();
    await page.getByRole("button", { name: "Import a sample clip" }).click();
    const row = page.getByTestId("clip-queue").locator("li", { hasText: "A001_C001" });
    await expect.poll(() => row.getAttribute("data-status"), { timeout: 60_000 }).toBe("suggested");
    await expect
      .poll(() => page.getByTestId("review-card").locator("[data-field=subject] input").inputValue())
      .toBe("oven");
    expect(await source.getAttribute("data-source")).toBe("copy");
    expect(await source.textContent()).toMatch(/^Offline: using the copy from \d\d:\d\d\./);
    expect(errors).toEqual([]);
  }, 150_000);
});
