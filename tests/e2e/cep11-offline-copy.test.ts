// The offline copy in Chromium 88, CEP 11's engine (puppeteer-core 5.5): IndexedDB through idb and
// the copy's worker work there too — the copy syncs, and with the catalog stopped a clip is still
// suggested from it.
import type { Page } from "puppeteer-core/lib/cjs/puppeteer/api-docs-entry.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium88, type Chromium88 } from "../../src/testing/chromium88";
import { startPreviewStack, type PreviewStack } from "../../src/testing/preview-stack";

let stack: PreviewStack;
let chromium88: Chromium88;
beforeAll(async () => {
  [stack, chromium88] = await Promise.all([startPreviewStack(), launchChromium88()]);
}, 120_000);
afterAll(async () => {
  await chromium88?.close();
  await stack?.server.close();
});

/** The text and data-source of the copy's status line, or null while it is not shown. */
const sourceLine = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector("[data-testid=catalog-source]");
    return el ? `${el.getAttribute("data-source")}: ${el.textContent}` : null;
  }) as Promise<string | null>;

describe("the offline copy in Chromium 88 (CEP 11)", () => {
  it("syncs into IndexedDB and suggests from the copy with the catalog stopped", async () => {
    const page = await chromium88.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e: Error) => errors.push(e.message));
    await page.goto(`${stack.server.url}/main/index.html`);
    await expect.poll(() => sourceLine(page), { timeout: 45_000 }).toMatch(/^server: Offline copy: 24 references/);

    await stack.catalog.close();
    const [importButton] = await page.$x("//button[normalize-space(.)='Import a sample clip']");
    await importButton.click();
    await expect
      .poll(
        () => page.evaluate(() => document.querySelector("[data-testid=clip-queue] li")?.getAttribute("data-status")),
        { timeout: 60_000 },
      )
      .toBe("suggested");
    expect(await sourceLine(page)).toMatch(/^copy: Offline: using the copy from \d\d:\d\d\./);
    expect(errors).toEqual([]);
  }, 150_000);
});
