// The editor's loop in headless Chromium against npm start's stack: a sample clip is imported,
// suggested from the seeded sample library, accepted with the keyboard, and written to the
// simulated clip's XMP and columns; a reload does not queue it again.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAcceptedOvenXmp, writeForeignXmp } from "../helpers/accepted-xmp";
import { newPanelPage, openSeededPanel, previewInBrowser, SHOTS } from "../helpers/preview-browser";

const env = previewInBrowser();

const clipRow = (page: Page, name: string) => page.getByTestId("clip-queue").locator("li", { hasText: name });

describe("the editor's loop", () => {
  it("import → suggestion with evidence → keyboard accept → exactly those values in XMP and columns", async () => {
    const { context, page, errors } = await newPanelPage(env.browser, { width: 1000, height: 900 });
    await openSeededPanel(page, env.stack);
    await page.getByRole("button", { name: "Import a sample clip" }).click();
    const row = clipRow(page, "A001_C001 — Küche.mp4");
    await expect.poll(() => row.getAttribute("data-status"), { timeout: 60_000 }).toBe("suggested");
    expect(await row.textContent()).toMatch(/\d+ similar shots? found/);

    // a property another tool wrote before the editor accepts: it must survive the write
    const item = env.stack.project.allItems().find((i) => i.name === "A001_C001 — Küche.mp4")!;
    writeForeignXmp(item);

    const card = page.getByTestId("review-card");
    // the testsrc2 sample looks like the seeded oven references: their values are proposed
    await expect.poll(() => card.locator("[data-field=location] input").inputValue()).toBe("kitchen");
    expect(await card.locator("[data-field=subject] input").inputValue()).toBe("oven");
    expect(await card.getByTestId("evidence").locator("li").count()).toBeGreaterThan(0);
    expect(await card.getByTestId("evidence").locator("img").first().getAttribute("src")).toContain("/library/");
    await page.screenshot({ path: path.join(SHOTS, "card-1000.png"), fullPage: true });

    // keyboard only: E edits the first field; Tab to the shot type; choose MID; Ctrl+Enter accepts
    await page.keyboard.press("e");
    expect(await page.evaluate(() => document.activeElement?.closest("[data-field]")?.getAttribute("data-field"))).toBe(
      "location",
    );
    // typing replaces the value (E selected it); Esc puts it back (a first Esc closes an open list)
    const location = card.locator("[data-field=location] input");
    await page.keyboard.type("xyz");
    expect(await location.inputValue()).toBe("xyz");
    await page.keyboard.press("Escape");
    if ((await location.inputValue()) !== "kitchen") await page.keyboard.press("Escape");
    expect(await location.inputValue()).toBe("kitchen");
    await location.focus();
    for (let i = 0; i < 12; i++) {
      const field = await page.evaluate(() =>
        document.activeElement?.closest("[data-field]")?.getAttribute("data-field"),
      );
      if (field === "shotType") break;
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("ArrowDown"); // opens the shot types
    await page.getByRole("option", { name: "MID" }).waitFor();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("MID"); // filters the list to MID
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect.poll(() => card.locator("[data-field=shotType] input").inputValue()).toBe("MID");
    const keywords = await card.locator(".chip").evaluateAll((els) => els.map((e) => e.firstChild?.textContent));
    await page.keyboard.press("Control+Enter");
    await expect
      .poll(async () =>
        (await page.getByTestId("review-error").count())
          ? await page.getByTestId("review-error").textContent()
          : await row.getAttribute("data-status"),
      )
      .toBe("applied");

    // the planned shot the card proposes (the sample library links the oven references to #1/#2)
    // is the catalog's link, not IA's shot number: the XMP carries none
    expectAcceptedOvenXmp(item, keywords as string[]);

    // the queue at 320 px, the width of a docked panel
    await page.setViewportSize({ width: 320, height: 800 });
    await page.screenshot({ path: path.join(SHOTS, "queue-320.png"), fullPage: true });

    // a reload restores the queue: the clip is applied, not queued again
    await page.reload();
    await openSeededPanel(page, env.stack);
    await expect.poll(() => clipRow(page, "A001_C001 — Küche.mp4").getAttribute("data-status")).toBe("applied");
    expect(await page.getByTestId("clip-queue").locator("li").count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a reference with a broken thumbnail shows a placeholder, not a broken image", async () => {
    const broken = await env.stack.catalog.db.query<{ id: string }>(
      "update media_references.reference_images set thumbnail_url = $1 returning id",
      [`${env.stack.server.url}/library/missing.jpg`],
    );
    expect(broken.rows.length).toBe(24);
    const context = await env.browser.newContext({ viewport: { width: 320, height: 900 } });
    const page = await context.newPage();
    await openSeededPanel(page, env.stack);
    await page.getByRole("button", { name: "Import a sample clip" }).click();
    const row = clipRow(page, "B002_C002 ProRes.mov");
    await expect.poll(() => row.getAttribute("data-status"), { timeout: 60_000 }).toBe("suggested");
    await row.click();
    const evidence = page.getByTestId("evidence");
    await expect
      .poll(() => evidence.getByRole("img", { name: "No picture for this reference" }).count())
      .toBeGreaterThan(0);
    expect(await evidence.locator("img").count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, "card-320.png"), fullPage: true });
    await context.close();
  });
});
