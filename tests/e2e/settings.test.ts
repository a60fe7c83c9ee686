// The settings view in headless Chromium against npm start's stack: opened and closed from the
// keyboard, an invalid value refused with its message, a valid one kept across a reload, and
// Test connection against the local catalog; it is modal, and it asks before it drops edits or
// resets to the studio defaults. Also the batch bar's button names (WCAG 2.5.3).
// Opening (and reopening) the panel is setup, in hooks with their own timeout; the steps are
// tests of their own, so none of them depends on how busy the machine is.
import path from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../src/testing/paths";
import { newPanelPage, openPanel, previewInBrowser, SHOTS } from "../helpers/preview-browser";

const env = previewInBrowser();
const KEPT = "reference-lookup.settings.v1";
const AXE = path.join(ROOT, "node_modules/axe-core/axe.min.js");

const focusIsIn = (page: Page, selector: string) =>
  page.evaluate((s) => !!document.activeElement?.closest(s), selector);
/** The panel behind the settings, as assistive tech reaches it. */
const panelHidden = (page: Page) =>
  page.evaluate(() => !!document.querySelector("main.panel")?.closest("[aria-hidden=true], [inert]"));

describe("settings view", () => {
  describe("keyboard in and out, an invalid value refused, a valid one kept after reload", () => {
    let context: BrowserContext;
    let page: Page;
    let errors: string[];
    let view: Locator;
    beforeAll(async () => {
      ({ context, page, errors } = await newPanelPage(env.browser, { width: 1000, height: 900 }));
      await openPanel(page, env.stack);
      view = page.getByRole("dialog", { name: "Settings" });
    });
    afterAll(async () => context?.close());

    it("the header button takes focus by keyboard; Enter opens the view, Esc closes it", async () => {
      // the header button takes focus by keyboard; Enter presses it and focus moves into the view
      // ("," did too: in Premiere it is Insert, so the panel no longer takes it, ADR 0027)
      const button = page.getByRole("button", { name: "Settings" });
      await button.focus();
      await page.keyboard.press("Enter");
      await view.waitFor();
      expect(await focusIsIn(page, "[role=dialog]")).toBe(true);
      await expect.poll(() => panelHidden(page)).toBe(true);
      // Esc closes it and focus returns to where it was
      await page.keyboard.press("Escape");
      await view.waitFor({ state: "detached" });
      expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
      await expect.poll(() => panelHidden(page)).toBe(false);
    });

    it("an invalid value: its message inline, nothing saved", async () => {
      await page.keyboard.press("Enter"); // the focus is back on the Settings button
      const matches = view.getByRole("textbox", { name: "Similar references per frame" });
      expect(await matches.inputValue()).toBe("8");
      await matches.fill("0");
      // flagged as typed, before Save
      await expect.poll(() => view.getByText("Enter a whole number from 1 to 50.").count()).toBe(1);
      await matches.press("Enter");
      expect(await matches.getAttribute("aria-invalid")).toBe("true");
      expect(await page.getByTestId("settings-said").textContent()).toMatch(/^Not saved/);
      expect(await page.evaluate((k) => localStorage.getItem(k), KEPT)).toBeNull();
    });

    it("a valid one: saved, kept for this user", async () => {
      const matches = view.getByRole("textbox", { name: "Similar references per frame" });
      await matches.fill("12");
      await view.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => page.getByTestId("settings-said").textContent()).toBe("Saved.");
      expect(await view.getByText("Enter a whole number from 1 to 50.").count()).toBe(0);
      expect(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEPT))!)).toEqual({
        matchesPerFrame: 12,
      });
    });

    it("Test connection against the preview's local catalog: everything works, not signed in; axe passes", async () => {
      await view.getByRole("button", { name: "Test connection" }).click();
      const report = page.getByTestId("connection-report");
      await report.waitFor();
      expect(await report.getAttribute("data-ok")).toBe("true");
      for (const check of ["reachable", "keys", "schema", "modelVersion", "role"])
        expect(await report.locator(`[data-check=${check}]`).getAttribute("data-ok")).toBe("true");
      expect(await report.locator("[data-check=role]").textContent()).toContain("Not signed in (anon)");
      // labels, roles and contrast of the view, as axe-core sees them
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(c: string): Promise<{ violations: { id: string }[] }> } }).axe;
        return (await axe.run("[role=dialog]")).violations.map((v) => v.id);
      });
      expect(violations).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, "settings-1000.png") });
      await page.setViewportSize({ width: 320, height: 800 });
      await page.screenshot({ path: path.join(SHOTS, "settings-320.png") });
    });

    describe("after a reload", () => {
      let matchesNow: Locator;
      beforeAll(async () => {
        await page.reload();
        await openPanel(page, env.stack);
        await page.getByRole("button", { name: "Settings" }).click();
        matchesNow = view.getByRole("textbox", { name: "Similar references per frame" });
      });

      it("the change is still there; Reset asks first: Cancel keeps the settings, Reset resets them", async () => {
        expect(await matchesNow.inputValue()).toBe("12");
        // Reset asks first (it resets the catalog too)
        const resetAsk = page.getByRole("alertdialog", { name: "Reset to studio defaults?" });
        await view.getByRole("button", { name: "Reset to studio defaults" }).click();
        await resetAsk.getByRole("button", { name: "Cancel" }).click();
        await resetAsk.waitFor({ state: "detached" });
        expect(await matchesNow.inputValue()).toBe("12");
        await view.getByRole("button", { name: "Reset to studio defaults" }).click();
        await resetAsk.getByRole("button", { name: "Reset" }).click();
        await resetAsk.waitFor({ state: "detached" });
        expect(await matchesNow.inputValue()).toBe("8");
        expect(await page.evaluate((k) => localStorage.getItem(k), KEPT)).toBe("{}");
      });

      it("an edit not saved: Esc asks; Esc again (or Keep editing) keeps it; Discard drops it", async () => {
        const discardAsk = page.getByRole("alertdialog", { name: "Discard your changes?" });
        await matchesNow.fill("20");
        await page.keyboard.press("Escape");
        await discardAsk.waitFor();
        await page.keyboard.press("Escape");
        await discardAsk.waitFor({ state: "detached" });
        expect(await matchesNow.inputValue()).toBe("20");
        await view.getByRole("button", { name: "Close" }).click();
        await discardAsk.getByRole("button", { name: "Keep editing" }).click();
        expect(await matchesNow.inputValue()).toBe("20");
        await view.getByRole("button", { name: "Close" }).click();
        await discardAsk.getByRole("button", { name: "Discard" }).click();
        await view.waitFor({ state: "detached" });
        await page.getByRole("button", { name: "Settings" }).click();
        expect(await matchesNow.inputValue()).toBe("8");
        expect(errors).toEqual([]);
      });
    });
  });

  // here, not in a file of its own: one browser stack serves both checks
  describe("the batch bar", () => {
    let context: BrowserContext;
    let page: Page;
    let errors: string[];
    beforeAll(async () => {
      ({ context, page, errors } = await newPanelPage(env.browser, { width: 1000, height: 900 }));
      await openPanel(page, env.stack);
    });
    afterAll(async () => context?.close());

    it("the batch bar's buttons are named by their visible label; the longer meaning describes them", async () => {
      const bar = page.getByRole("group", { name: "Suggest for many clips" });
      for (const [label, hint] of [
        ["This bin", "The bin selected in the Project panel, else the bin of the clip on the card"],
        ["Selection", "The clips selected in the Project panel, bins included"],
        ["Timeline", "The clips selected in the timeline"],
      ]) {
        const button = bar.getByRole("button", { name: label, exact: true });
        expect(await button.getAttribute("aria-label")).toBeNull();
        const describedBy = (await button.getAttribute("aria-describedby"))!;
        expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(hint);
      }
      expect(errors).toEqual([]);
    });
  });
});
