// The batch review mode in headless Chromium against npm start's stack: sample clips are
// imported and suggested, the summary is opened and confirmed with the keyboard, the clips are
// written; after a reload, Undo batch accept puts every clip's XMP back byte for byte.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../src/testing/paths";
import { openSeededPanel, previewInBrowser, SHOTS } from "../helpers/preview-browser";

const preview = previewInBrowser();
const openPanel = (page: Page) => openSeededPanel(page, preview.stack);

/** axe-core's WCAG A/AA rules over one part of the page: "rule: target" per violation. */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  await page.addScriptTag({ path: path.join(ROOT, "node_modules/axe-core/axe.min.js") });
  return page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const result = await axe.run({ include: [include] } as never, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] },
    });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
  }, selector);
}

const statuses = (page: Page) =>
  page
    .getByTestId("clip-queue")
    .locator("li")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));

describe("batch review", () => {
  it("summary → keyboard confirm → written; reload → undo → XMP byte-identical", async () => {
    const context = await preview.browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await openPanel(page);
    for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Import a sample clip" }).click();
    await expect.poll(() => statuses(page), { timeout: 90_000 }).toEqual(["suggested", "suggested", "suggested"]);
    const items = preview.stack.project.allItems().filter((i) => i.type === 1 && /^(A001|B002|still)/.test(i.name));
    expect(items).toHaveLength(3);
    const before = new Map(items.map((i) => [i.nodeId, i.getXMPMetadata()]));

    // keyboard only: open the summary, lower the confidence to its floor, confirm
    await page.getByRole("button", { name: /^Batch accept…/ }).focus();
    await page.keyboard.press("Enter");
    const summary = page.getByTestId("batch-summary");
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("batch-summary");
    await page.keyboard.press("Tab"); // the slider
    await page.keyboard.press("Home");
    await expect.poll(() => summary.textContent()).toMatch(/\d+ clips? will be written/);
    const text = (await summary.textContent()) ?? "";
    const n = Number(/(\d+) clips? will be written/.exec(text)![1]);
    expect(await axeViolations(page, "[data-testid=batch-accept]")).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, "batch-summary-1000.png"), fullPage: true });
    await page.setViewportSize({ width: 320, height: 900 });
    await page.screenshot({ path: path.join(SHOTS, "batch-summary-320.png"), fullPage: true });
    expect(n).toBeGreaterThan(0);
    const write = page.getByRole("button", { name: `Write ${n} clip${n === 1 ? "" : "s"}` });
    for (let i = 0; i < 12 && !(await write.evaluate((b) => b === document.activeElement)); i++)
      await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("batch-outcome").textContent()).toContain(`${n} clip`);
    expect((await statuses(page)).filter((s) => s === "applied")).toHaveLength(n);
    const changed = items.filter((i) => i.getXMPMetadata() !== before.get(i.nodeId));
    expect(changed).toHaveLength(n);

    // a reload: the undo is still there
    await page.reload();
    await openPanel(page);
    const undo = page.getByTestId("undo-batch");
    await expect.poll(() => undo.textContent()).toBe(`Undo batch accept (${n} clip${n === 1 ? "" : "s"})`);
    await undo.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("batch-outcome").textContent()).toContain(`${n} clip`);
    for (const i of items) expect(i.getXMPMetadata()).toBe(before.get(i.nodeId));
    expect(await statuses(page)).toEqual(["suggested", "suggested", "suggested"]);
    expect(await page.getByTestId("undo-batch").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
