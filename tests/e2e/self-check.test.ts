// "Check this Premiere" in headless Chromium against npm start's stack: the real browser decode
// and WASM pool in the page, QE export, metadata and cleanup in the simulated Premiere; the report
// on screen, copied as text and JSON; the project as it was. Screenshots at 320 and 1000 px.
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { SelfCheckReport } from "../../src/lib/self-check";
import { ROOT } from "../../src/testing/paths";
import { newPanelPage, openPanel, previewInBrowser, SHOTS } from "../helpers/preview-browser";
import { projectState } from "../helpers/project-state";

const env = previewInBrowser();
const AXE = path.join(ROOT, "node_modules/axe-core/axe.min.js");

describe("Check this Premiere in the preview", () => {
  it("runs every step from Settings, shows the report, copies it, and leaves the project as it was", async () => {
    const { context, page, errors } = await newPanelPage(env.browser, { width: 1000, height: 900 });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await openPanel(page, env.stack);
    const before = projectState(env.stack.project);

    await page.getByRole("button", { name: "Settings" }).click();
    const view = page.getByRole("dialog", { name: "Settings" });
    await view.getByRole("button", { name: "Check this Premiere" }).click();
    // the key step asks for each of the panel's keys: in the preview every one reaches the panel
    const PLAYWRIGHT_KEY: Record<string, string> = {
      Enter: "Enter",
      S: "s",
      F2: "F2",
      "Ctrl/⌘+Z": "Control+z",
      "Ctrl/⌘+Enter": "Control+Enter",
      Esc: "Escape",
      Space: "Space",
      Tab: "Tab",
      "Shift+Tab": "Shift+Tab",
      "↓": "ArrowDown",
      "↑": "ArrowUp",
    };
    const prompt = page.getByTestId("key-check");
    for (let asked = 0; asked < 11; asked++) {
      const key = await prompt.getAttribute("data-key", { timeout: 30_000 });
      await page.keyboard.press(PLAYWRIGHT_KEY[key!]);
      await expect.poll(async () => (await prompt.count()) && (await prompt.getAttribute("data-key"))).not.toBe(key);
    }
    const report = page.getByTestId("self-check-report");
    await report.waitFor({ timeout: 90_000 });
    const status = (id: string) => report.locator(`[data-check="${id}"]`).getAttribute("data-status");
    const says = (id: string) => report.locator(`[data-check="${id}"]`).textContent();
    expect({
      versions: await status("versions"),
      keys: await status("keys"),
      import: await status("import"),
      browser: await status("frames.browser-video"),
      qe: await status("frames.host-export"),
      metadata: await status("metadata"),
      playhead: await status("playhead"),
      skin: await status("skin"),
      native: await status("encoder.native"),
      wasm: await status("encoder.wasm-pool"),
      cleanup: await status("cleanup"),
      unchanged: await status("project-unchanged"),
    }).toEqual({
      versions: "ok",
      keys: "ok",
      import: "ok",
      browser: "ok",
      qe: "ok",
      metadata: "ok",
      playhead: "ok",
      skin: "ok",
      native: "skipped",
      wasm: "ok",
      cleanup: "ok",
      unchanged: "ok",
    });
    expect(await says("versions")).toMatch(/Premiere 24\.6\.1 .*CEP none \(not inside Premiere\) · Chromium \d+\./);
    expect(await says("encoder.native")).toMatch(/Not in a browser preview: no Node\.js in this page/);
    expect(await says("encoder.wasm-pool")).toMatch(/Runs in the panel\. One clip of 5 frames in /);
    expect(await says("frames.browser-video")).toMatch(/5 frames in /);
    expect(await page.getByTestId("self-check-summary").textContent()).toMatch(/^11 worked, 0 failed, 3 skipped, in /);

    // the project as it was; the panel's columns stay registered (Premiere cannot remove them)
    const after = projectState(env.stack.project);
    expect({ ...after, schema: [] }).toEqual({ ...before, schema: [] });

    await view.getByRole("button", { name: "Copy as text" }).click();
    await expect.poll(() => page.getByTestId("self-check-copied").textContent()).toBe("Copied as text.");
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toMatch(/^Reference Lookup 0\.1\.0: Check this Premiere, /);
    expect(text).toContain("✓ Frames by QE export (worked, ");
    await view.getByRole("button", { name: "Copy as JSON" }).click();
    await expect.poll(() => page.getByTestId("self-check-copied").textContent()).toBe("Copied as JSON.");
    const json = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as SelfCheckReport;
    expect(json).toMatchObject({ format: "reference-lookup-self-check/1", summary: { ok: 11, failed: 0, skipped: 3 } });

    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(c: string): Promise<{ violations: { id: string }[] }> } }).axe;
      return (await axe.run("[role=dialog]")).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.getByTestId("self-check").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, "self-check-1000.png") });
    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByTestId("self-check-summary").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, "self-check-320.png") });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
