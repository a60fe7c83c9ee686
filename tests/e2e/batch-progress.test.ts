// A batch in headless Chromium against npm start's stack: "This bin" on a bin of 30 clips shows
// the progress bar (done / total, pace, time left), Cancel stops it, Resume finishes it.
// Screenshots of the bar at 320 px and 1000 px go to test-results/screenshots.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ProjectItemType, SimProjectItem } from "../../src/sim/premiere-dom";
import { newPanelPage, openPanel, previewInBrowser, SHOTS } from "../helpers/preview-browser";
import { sampleMedia } from "../../src/testing/sample-media";

const env = previewInBrowser();
// enough for a pace, a Cancel with clips not started and a Resume; hundreds of clips are
// bench:clip's and the store's batch tests' (tests/panel/batch.test.ts, 300 clips)
const CLIPS = 30;

describe("a batch in the panel", () => {
  it("This bin → progress bar, Cancel, Resume → every clip suggested", async () => {
    const card = env.stack.project.rootItem.add(new SimProjectItem("Karte 3 — Küche", ProjectItemType.BIN));
    for (let n = 1; n <= CLIPS; n++)
      card.add(
        new SimProjectItem(`C${String(n).padStart(3, "0")} Küche.mp4`, ProjectItemType.CLIP, sampleMedia().h264),
      );
    env.stack.simulator.app.projectViewSelection = [card];

    const { context, page, errors } = await newPanelPage(env.browser, { width: 1000, height: 900 });
    await openPanel(page, env.stack);

    // how late a 50 ms timer fires while the batch runs: what a key press would wait at most
    await page.evaluate(() => {
      const w = window as unknown as { lags: number[] };
      w.lags = [];
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.lags.push(now - last - 50);
        last = now;
      }, 50);
    });
    await page.getByRole("button", { name: "This bin" }).click();
    const bar = page.getByTestId("batch-progress");
    const progressbar = bar.getByRole("progressbar");
    await expect.poll(() => progressbar.getAttribute("aria-valuemax"), { timeout: 15_000 }).toBe(String(CLIPS));
    expect(await bar.textContent()).toContain("Batch: “Karte 3 — Küche”");
    // a few clips done: the pace and the time left are shown
    await expect
      .poll(async () => Number(await progressbar.getAttribute("aria-valuenow")), { timeout: 60_000 })
      .toBeGreaterThanOrEqual(3);
    await expect.poll(() => bar.textContent(), { timeout: 10_000 }).toMatch(/clips? a minute/);
    await page.screenshot({ path: path.join(SHOTS, "batch-1000.png"), fullPage: true });
    await page.setViewportSize({ width: 320, height: 900 });
    await page.screenshot({ path: path.join(SHOTS, "batch-320.png"), fullPage: true });

    // Cancel by keyboard: the clips not started wait as "cancelled"
    await bar.getByRole("button", { name: "Cancel" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => bar.getAttribute("data-state")).toBe("cancelled");
    expect(await bar.textContent()).toMatch(/Cancelled · \d+ not started/);
    const cancelled = await page.locator('[data-status="cancelled"]').count();
    expect(cancelled).toBeGreaterThan(0);

    await bar.getByRole("button", { name: "Resume" }).click();
    await expect.poll(() => bar.getAttribute("data-state"), { timeout: 120_000 }).toBe("finished");
    expect(await progressbar.getAttribute("aria-valuenow")).toBe(String(CLIPS));
    expect(await page.locator('[data-status="cancelled"]').count()).toBe(0);
    const lags = await page.evaluate(() =>
      (window as unknown as { lags: number[] }).lags.slice().sort((a, b) => a - b),
    );
    const at = (q: number) => Math.round(lags[Math.min(lags.length - 1, Math.floor(q * lags.length))]);
    console.info(
      `event-loop lag over the batch: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (${lags.length} samples)`,
    );
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
