import type { Page } from "playwright-core";
import { expect } from "vitest";

/** Opens the preview's panel and waits until the test model is loaded and the seeded sample
 * library (24 references) is connected: what the browser tests start from. */
export async function openPanel(page: Page, serverUrl: string): Promise<void> {
  await page.goto(`${serverUrl}/main/index.html`);
  await expect
    .poll(() => page.getByTestId("model-status").getAttribute("data-state"), { timeout: 30_000 })
    .toBe("ready");
  await expect
    .poll(() => page.getByTestId("catalog-status").textContent(), { timeout: 15_000 })
    .toContain("24 references");
}
