// The editor's loop in Chromium 88, CEP 11's engine, driven by puppeteer-core 5.5: the same stack
// and assertions as review-loop.test.ts (Debian's Chromium), so a feature the panel uses that
// Chromium 88 lacks fails here first.
import fs from "node:fs";
import path from "node:path";
import type { ConsoleMessage, Page } from "puppeteer-core/lib/cjs/puppeteer/api-docs-entry.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAcceptedOvenXmp, writeForeignXmp } from "../helpers/accepted-xmp";
import { launchChromium88, type Chromium88 } from "../../src/testing/chromium88";
import { ROOT } from "../../src/testing/paths";
import { startPreviewStack, type PreviewStack } from "../../src/testing/preview-stack";

let stack: PreviewStack;
let chromium88: Chromium88;
const SHOTS = path.join(ROOT, "test-results/screenshots");
const CLIP = "A001_C001 — Küche.mp4";

beforeAll(async () => {
  [stack, chromium88] = await Promise.all([startPreviewStack(), launchChromium88()]);
  fs.mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await chromium88?.close();
  await stack?.close();
});

/** An attribute (or the text, when attr is null) of the first match, or null when nothing matches. */
const read = (page: Page, selector: string, attr: string | null = null) =>
  page.evaluate(
    // puppeteer 5.5 types evaluate()'s arguments as unknown
    (s: unknown, a: unknown) => {
      const el = document.querySelector(s as string);
      return el ? (a ? el.getAttribute(a as string) : el.textContent) : null;
    },
    selector,
    attr,
  ) as Promise<string | null>;

/** The queue row of a clip by name: its status, or null while it is not listed. */
const rowStatus = (page: Page, name: string) =>
  page.evaluate((n: unknown) => {
    const rows = Array.from(document.querySelectorAll("[data-testid=clip-queue] li"));
    return rows.find((li) => (li.textContent ?? "").includes(n as string))?.getAttribute("data-status") ?? null;
  }, name) as Promise<string | null>;

const focusedField = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest("[data-field]")?.getAttribute("data-field") ?? null);

/** Uncaught exceptions and console errors: Chromium 88 reports a missing API as one of these. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e: Error) => errors.push(e.message));
  page.on("console", (m: ConsoleMessage) => void (m.type() === "error" && errors.push(m.text())));
  return errors;
}

/** A module whose one function returns a v128 constant: valid only where WASM SIMD is on. */
const SIMD_MODULE = [
  ...[0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0], // "\0asm", version 1
  ...[0x01, 5, 1, 0x60, 0, 1, 0x7b], // types: () -> v128
  ...[0x03, 2, 1, 0], // functions: one, of type 0
  ...[0x0a, 22, 1, 20, 0, 0xfd, 0x0c, ...new Array<number>(16).fill(0), 0x0b], // code: v128.const 0; end
];

async function openPanel(page: Page): Promise<void> {
  await page.goto(`${stack.server.url}/main/index.html`);
  // no WASM SIMD in Chromium 88: the worker must load onnxruntime-web's plain build
  await page.waitForSelector("[data-testid=model-status][data-state=ready]", { timeout: 30_000 });
  // the count comes with the calibration, computed after the model is ready: slow on a busy machine
  await expect
    .poll(() => read(page, "[data-testid=catalog-status]"), { timeout: 15_000 })
    .toContain("references for this model");
}

describe("the editor's loop in Chromium 88 (CEP 11)", () => {
  it("import → suggestion with evidence → keyboard accept → exactly those values in XMP and columns", async () => {
    expect(chromium88.version).toMatch(/Chrome\/88\./);
    const page = await chromium88.browser.newPage();
    await page.setViewport({ width: 1000, height: 900 });
    const errors = collectErrors(page);
    // CEP 11's situation: no WASM SIMD (Node's V8 validates the same module), so the model that
    // loads below runs on onnxruntime-web's plain WASM build
    expect(WebAssembly.validate(Uint8Array.from(SIMD_MODULE))).toBe(true);
    expect(await page.evaluate((m: unknown) => WebAssembly.validate(Uint8Array.from(m as number[])), SIMD_MODULE)).toBe(
      false,
    );
    await openPanel(page);

    const [importButton] = await page.$x("//button[normalize-space(.)='Import a sample clip']");
    expect(importButton, "the preview's import button").toBeDefined();
    await importButton.click();
    await expect.poll(() => rowStatus(page, CLIP), { timeout: 60_000 }).toBe("suggested");
    expect(await read(page, "[data-testid=clip-queue]")).toMatch(/\d+ similar shots? found/);

    // a property another tool wrote before the editor accepts: it must survive the write
    const item = stack.project.allItems().find((i) => i.name === CLIP)!;
    writeForeignXmp(item);

    const card = "[data-testid=review-card]";
    await expect.poll(() => read(page, `${card} [data-field=location] input`, "value")).toBe("kitchen");
    expect(await read(page, `${card} [data-field=subject] input`, "value")).toBe("oven");
    expect(await page.$$eval(`${card} [data-testid=evidence] li`, (els) => els.length)).toBeGreaterThan(0);
    expect(await read(page, `${card} [data-testid=evidence] img`, "src")).toContain("/library/");
    await page.screenshot({ path: path.join(SHOTS, "cep11-card-1000.png"), fullPage: true });

    // keyboard only: F2 edits the first field; Tab to the shot type; choose MID; Ctrl+Enter accepts
    await page.keyboard.press("F2");
    expect(await focusedField(page)).toBe("location");
    for (let i = 0; i < 12 && (await focusedField(page)) !== "shotType"; i++) await page.keyboard.press("Tab");
    expect(await focusedField(page)).toBe("shotType");
    await page.keyboard.press("ArrowDown"); // opens the shot types
    await page.waitForXPath("//*[@role='option'][normalize-space(.)='MID']", { timeout: 5_000 });
    await page.$eval(`${card} [data-field=shotType] input`, (e) => (e as HTMLInputElement).select());
    await page.keyboard.type("MID"); // filters the list to MID
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect.poll(() => read(page, `${card} [data-field=shotType] input`, "value")).toBe("MID");
    const keywords = await page.$$eval(`${card} .chip`, (els) => els.map((e) => e.firstChild?.textContent));
    await page.keyboard.down("Control");
    await page.keyboard.press("Enter");
    await page.keyboard.up("Control");
    await expect
      .poll(async () => (await read(page, "[data-testid=review-error]")) ?? (await rowStatus(page, CLIP)), {
        timeout: 10_000, // the write goes through the simulated host: slower when the machine is busy
      })
      .toBe("applied");

    // a planned shot the card proposes is the catalog's link, not IA's shot number: none in the XMP
    expectAcceptedOvenXmp(item, keywords as string[]);

    // sign in through the panel and save with S: the save path runs in Chromium 88 too
    const [signInButton] = await page.$x("//button[contains(., 'Sign in to save references')]");
    await signInButton.click();
    await page.waitForSelector("input[type=email]");
    await page.type("input[type=email]", "editor@eav.local");
    await page.type("input[type=password]", "local-dev");
    const [submit] = await page.$x("//form[@aria-label='Sign in']//button[contains(., 'Sign in')]");
    await submit.click();
    await expect.poll(() => read(page, "[data-testid=account]"), { timeout: 15_000 }).toContain("editor@eav.local");
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("s");
    await expect
      .poll(() => page.$eval("[data-testid=save-controls]", (e) => e.getAttribute("data-state")).catch(() => null), {
        timeout: 15_000,
      })
      .toBe("saved");
    const saved = await stack.catalog.db.query<{ n: number }>(
      "select count(*)::int n from media_references.reference_images where original_catalog->>'source' = 'reference-lookup panel'",
    );
    expect(saved.rows[0].n).toBe(1);

    // the queue at 320 px, the width of a docked panel
    await page.setViewport({ width: 320, height: 800 });
    // Chromium 88's full-page capture measures the page as last laid out: lay it out at 320 first
    await page.waitForFunction(() => document.documentElement.scrollWidth === 320);
    await page.screenshot({ path: path.join(SHOTS, "cep11-queue-320.png"), fullPage: true });

    // a reload restores the queue from Chromium 88's IndexedDB: the clip is applied, not queued
    // again, and shows its picture (a JPEG kept for it), not a grey blank
    await page.reload();
    await openPanel(page);
    await expect.poll(() => rowStatus(page, CLIP)).toBe("applied");
    expect(await page.$$eval("[data-testid=clip-queue] li", (els) => els.length)).toBe(1);
    await expect
      .poll(() =>
        page.$$eval("[data-testid=clip-queue] img.clip-thumb", (els) =>
          els.map((e) => (e as HTMLImageElement).naturalWidth),
        ),
      )
      .toEqual([160]);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(".queue:")))).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, "cep11-queue-reloaded-320.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("searches references by text: the text encoder's tokenizer runs in Chromium 88", async () => {
    const page = await chromium88.browser.newPage();
    const errors = collectErrors(page);
    await openPanel(page);
    await page.type("input[type=search]", "kitchen oven");
    await page.click(".search button[type=submit]");
    await page.waitForSelector("[data-testid=search-results] li", { timeout: 15_000 });
    const files = await page.$$eval("[data-testid=search-results] .clip-path", (els) => els.map((e) => e.textContent));
    expect(files.length).toBeGreaterThan(0);
    files.forEach((f) => expect(f).toMatch(/-s\d+-\d+\.jpg$/)); // the seeded sample library's frames
    expect(errors).toEqual([]);
    await page.close();
  });
});
