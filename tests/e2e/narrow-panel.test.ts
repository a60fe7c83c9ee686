// The panel at 320 px, where Chromium reports a small screen and Spectrum draws its comboboxes
// as touch buttons: the empty card, the project name and the E key still work for an editor.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { newPanelPage, openSeededPanel, previewInBrowser } from "../helpers/preview-browser";

const env = previewInBrowser();

const width = (page: Page, testId: string) => page.getByTestId(testId).evaluate((e) => e.getBoundingClientRect().width);

describe("the panel at 320 px", () => {
  it("says there is no clip yet, keeps the project name readable, and E reaches the first field", async () => {
    const { context, page, errors } = await newPanelPage(env.browser, { width: 320, height: 700 });
    await openSeededPanel(page, env.stack);
    expect(await page.getByTestId("review-empty").textContent()).toBe("No clip to review yet.");
    // "Küche Ep 3.prp…" at least, not "Küc…": the preview's badge gives way first
    expect(await width(page, "project-name")).toBeGreaterThan(100);

    await page.getByRole("button", { name: "Import a sample clip" }).click();
    const row = page.getByTestId("clip-queue").locator("li").first();
    await expect.poll(() => row.getAttribute("data-status"), { timeout: 60_000 }).toBe("suggested");
    await row.click();
    await page.keyboard.press("F2");
    expect(await page.evaluate(() => document.activeElement?.closest("[data-field]")?.getAttribute("data-field"))).toBe(
      "location",
    );
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
