// The panel in a docked 320 px panel. Chromium reports a small screen there (and Spectrum would
// draw its comboboxes as touch trays, opening full-panel); in Premiere the screen is the
// monitor's. The card must be the same desktop card either way, its keys must do at 320 px what
// they do at 1000 px, its actions stay in view, and nothing stays hidden from assistive tech.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { until } from "../../src/testing/until";
import { axeViolations, hiddenFromAssistiveTech } from "../helpers/a11y";
import { newPanelPage, openSeededPanel, previewInBrowser } from "../helpers/preview-browser";

const env = previewInBrowser();

const width = (page: Page, testId: string) => page.getByTestId(testId).evaluate((e) => e.getBoundingClientRect().width);

/** What the page shows after a key: where the focus is, what that field holds, what is open. */
const seen = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return {
      focus: el?.closest("[data-field]")?.getAttribute("data-field") ?? el?.id ?? el?.tagName,
      text: el?.tagName === "INPUT" ? el.value : null,
      lists: document.querySelectorAll("[role=listbox]:not([data-testid=clip-queue])").length,
      dialogs: document.querySelectorAll("[role=dialog]").length,
    };
  });

/** Inside the viewport, top to bottom: the editor sees it without scrolling. */
const inView = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });

/** F2, typing, Enter, Esc, a letter on the shot type, Ctrl+Enter: what each did. */
async function editWithKeys(page: Page) {
  const done: Record<string, unknown> = {};
  // each size edits its own clip: its values are named by role, so that the steps compare
  const location = await page.locator("[data-field=location] input").inputValue();
  const shotType = await page.locator("[data-field=shotType] input").inputValue();
  const byRole = (text: string | null) =>
    text === null ? null : text === location ? "<its location>" : text.replace(shotType, "<its shot type>");
  const step = async (name: string, act: () => Promise<void>) => {
    await act();
    const raw = await seen(page);
    const now = { ...raw, text: byRole(raw.text) };
    done[name] = now;
    // an open list hides the rest from screen readers (react-aria's combobox); once closed, nothing
    if (!now.lists && !now.dialogs) expect(await hiddenFromAssistiveTech(page), `hidden after ${name}`).toEqual([]);
  };
  // F2 edits the first field (ADR 0027); a review key within 500 ms of a change of clip does
  // nothing, so it is pressed until it took
  const focusedField = () =>
    page.evaluate(() => document.activeElement?.closest("[data-field]")?.getAttribute("data-field"));
  await step("F2", async () => {
    await until(
      async () => (await focusedField()) === "location" || (await page.keyboard.press("F2"), false),
      "F2 took",
      { interval: 100 },
    );
  });
  await step("typing", async () => {
    await page.keyboard.type("kit");
    await page.getByRole("listbox", { name: /Location/ }).waitFor(); // the known values, filtered
  });
  await step("Enter", () => page.keyboard.press("Enter"));
  await step("Esc", () => page.keyboard.press("Escape"));
  // a letter on the shot type filters its list; leaving the field keeps the type it had
  await step("e on the shot type", async () => {
    await page.locator("[data-field=shotType] input").focus();
    await page.keyboard.press("e");
  });
  await step("Tab", () => page.keyboard.press("Tab"));
  // Tab leaves the text box; whether it lands on the list's own button or the next field varied
  // from run to run (react-aria's button), so only the leaving is compared, and the type it kept
  done.Tab = { ...(done.Tab as object), focus: undefined };
  done["shot type"] = byRole(await page.locator("[data-field=shotType] input").inputValue());
  await step("Ctrl+Enter with a list open", async () => {
    await page.locator("[data-field=location] input").selectText();
    await page.keyboard.type("k");
    await page.getByRole("listbox", { name: /Location/ }).waitFor();
    await page.keyboard.press("Control+Enter");
    await until(async () => (await selectedRow(page).getAttribute("data-status")) === "applied", "the clip written");
  });
  return done;
}

const selectedRow = (page: Page) => page.getByTestId("clip-queue").locator("li[aria-selected=true]");

async function suggestedCard(page: Page) {
  await page.getByRole("button", { name: "Import a sample clip" }).click();
  const row = page.getByTestId("clip-queue").locator("li[data-status=suggested]").first();
  await row.waitFor({ timeout: 60_000 });
  await row.click();
}

/** A new clip on the card, then the keys; the card's actions in view before and after. */
async function editNewClip(page: Page) {
  await suggestedCard(page);
  expect(await inView(page, "card-actions")).toBe(true);
  const done = await editWithKeys(page);
  // once written, what became of it (and Save as reference) is in view too
  expect(await inView(page, "card-actions")).toBe(true);
  expect(await hiddenFromAssistiveTech(page)).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
  return done;
}

describe("the panel at 320 px", () => {
  const results: Record<string, Record<string, unknown>> = {};

  it("on a 320 px screen (test browsers'): the empty card, the project name, then the card with its keys", async () => {
    const { context, page, errors } = await newPanelPage(env.browser, { width: 320, height: 700 });
    expect(await page.evaluate(() => screen.width)).toBe(320); // where Spectrum would draw touch trays
    await openSeededPanel(page, env.stack);
    expect(await page.getByTestId("review-empty").textContent()).toBe("No clip to review yet.");
    // "Küche Ep 3.prp…" at least, not "Küc…": the preview's badge gives way first
    expect(await width(page, "project-name")).toBeGreaterThan(100);
    results["320 px, 320 px screen"] = await editNewClip(page);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("on a desktop screen, as docked in Premiere, at 320 px and then 1000 px", async () => {
    const context = await env.browser.newContext({
      viewport: { width: 320, height: 700 },
      screen: { width: 1920, height: 1080 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await openSeededPanel(page, env.stack);
    results["320 px, desktop screen"] = await editNewClip(page);
    await page.setViewportSize({ width: 1000, height: 700 });
    results["1000 px"] = await editNewClip(page);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("the keys did the same at every size, and what an editor expects", () => {
    expect(Object.keys(results)).toHaveLength(3);
    const [first, ...others] = Object.values(results);
    for (const other of others) expect(other).toEqual(first);
    expect(first).toMatchObject({
      F2: { focus: "location", dialogs: 0 },
      typing: { focus: "location", text: "kit", lists: 1, dialogs: 0 },
      Enter: { focus: "location", text: "kit", lists: 0, dialogs: 0 },
      Esc: { focus: "review-card", lists: 0 },
      "e on the shot type": { focus: "shotType", text: "<its shot type>e", dialogs: 0 },
      "shot type": "<its shot type>", // the letter filtered the list; it picked no type
      "Ctrl+Enter with a list open": { lists: 0, dialogs: 0 },
    });
  });
});
