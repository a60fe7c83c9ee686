// For a browser test file: npm start's stack and Debian's Chromium, started before its tests and
// closed after them, and the preview's panel opened in a page.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./chromium";
import { ROOT } from "./paths";
import { openPreviewPanel, startPreviewStack, type PreviewStack } from "./preview-stack";

/** Where the browser tests' screenshots go (the README's are copied from there). */
export const SHOTS = path.join(ROOT, "test-results/screenshots");

export function previewInChromium(): { stack: PreviewStack; browser: Browser; openPanel(page: Page): Promise<void> } {
  const preview = {} as { stack: PreviewStack; browser: Browser };
  beforeAll(async () => {
    preview.stack = await startPreviewStack();
    preview.browser = await launchChromium(chromium);
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await preview.browser?.close();
    await preview.stack?.close();
  });
  return Object.assign(preview, { openPanel: (page: Page) => openPreviewPanel(page, preview.stack) });
}
