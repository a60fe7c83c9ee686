// npm start's stack and headless Chromium for one browser-test file: started before its tests,
// closed after them.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Frame, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "../../src/testing/chromium";
import { ROOT } from "../../src/testing/paths";
import { startPreviewStack, type PreviewStack } from "../../src/testing/preview-stack";
import { until } from "../../src/testing/until";

/** Where browser tests put their screenshots: test-results/screenshots, so that `npm test` leaves
 * the tree clean; `npm run screenshots` (README_SCREENSHOTS=1) writes the README's, in docs/. */
export const SHOTS = path.join(
  ROOT,
  process.env.README_SCREENSHOTS === "1" ? "docs/screenshots" : "test-results/screenshots",
);

export function previewInBrowser(): { stack: PreviewStack; browser: Browser } {
  const env = {} as { stack: PreviewStack; browser: Browser };
  beforeAll(async () => {
    env.stack = await startPreviewStack();
    env.browser = await launchChromium(chromium);
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.stack?.close();
  });
  return env;
}

/** A fresh browser context's page, and the page errors it will collect. */
export async function newPanelPage(browser: Browser, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { context, page, errors };
}

/** The Premiere hosts the preview plays: CEP's ExtendScript, or the UXP plugin (docs/adr/0033). */
export const PREVIEW_HOSTS = ["cep", "uxp"] as const;
export type PreviewHost = (typeof PREVIEW_HOSTS)[number];

/** Where the panel is: the page itself on CEP; on UXP the iframe playing the plugin's webview. */
export async function panelFrame(page: Page, host: PreviewHost): Promise<Frame> {
  if (host === "cep") return page.mainFrame();
  let frame: Frame | null = null;
  await until(() => (frame = page.frame({ url: /\/main\/index\.html\?host=uxp/ })) !== null, "the plugin's webview");
  return frame!;
}

/** Opens the preview's panel and waits until its model is ready and its catalog connected.
 * Setup, called in tests and in hooks alike: it waits with `until`, which works in both. */
export async function openPanel(page: Page, stack: PreviewStack, host: PreviewHost = "cep"): Promise<Frame> {
  await page.goto(`${stack.server.url}${host === "uxp" ? "/uxp/index.html" : "/main/index.html"}`);
  const panel = await panelFrame(page, host);
  const state = (id: string) => panel.getByTestId(id).getAttribute("data-state");
  await until(async () => (await state("model-status")) === "ready", "the model to load", { timeout: 30_000 });
  await until(async () => (await state("catalog-status")) === "connected", "the catalog to connect");
  return panel;
}

/** The panel, once the seeded sample library's 24 references (or more) are calibrated for its model. */
export async function openSeededPanel(page: Page, stack: PreviewStack, host: PreviewHost = "cep"): Promise<Frame> {
  const panel = await openPanel(page, stack, host);
  // 24, or more where an earlier test of the file saved references
  await until(
    async () =>
      Number(/(\d+) references/.exec((await panel.getByTestId("catalog-status").textContent()) ?? "")?.[1]) >= 24,
    "the sample library's 24 references",
  );
  return panel;
}
