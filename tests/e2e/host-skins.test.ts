// Premiere's four brightness skins in headless Chromium: the simulated host switches skin and
// fires ThemeColorChanged as Premiere does; the panel takes the host's exact panel colour, passes
// axe-core (contrast included) at 320 and 1000 px, and the screenshots are taken (the README's:
// npm run screenshots). Opening the panel with a suggestion is setup, in hooks with their own
// timeout; each test then checks one skin, so none of them depends on how busy the machine is.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOST_SKINS, SKIN_NAMES, panelTheme, type SkinName } from "../../src/lib/theme/host-skin";
import { launchChromium } from "../../src/testing/chromium";
import { openSeededPanel, SHOTS } from "../helpers/preview-browser";
import { startPreviewStack, type PreviewStack } from "../../src/testing/preview-stack";
import { until } from "../../src/testing/until";

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WIDTHS = [320, 1000] as const;

let stack: PreviewStack;
let browser: Browser;

beforeAll(async () => {
  stack = await startPreviewStack();
  browser = await launchChromium(chromium);
}, 120_000);

afterAll(async () => {
  stack?.simulator.environment.setSkin("darkest");
  await browser?.close();
  await stack?.close();
});

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core over the whole page, WCAG 2.x A and AA rules plus best practices. */
async function axeViolations(page: Page, rulesOff: string[] = []): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async (off) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      resultTypes: ["violations"],
      rules: Object.fromEntries(off.map((id) => [id, { enabled: false }])),
    });
    return result.violations;
  }, rulesOff);
  const meters = await page.evaluate(() =>
    [...document.querySelectorAll('[role="meter progressbar"]')].map((e) => `#${CSS.escape(e.id)}`),
  );
  return (violations as AxeViolation[]).flatMap((v) =>
    v.nodes
      // React Spectrum's Meter says role="meter progressbar" (a fallback role, valid ARIA); axe
      // reads its value attributes as not allowed: a known false positive, adobe/react-spectrum#6627
      .filter((n) => !(v.id === "aria-allowed-attr" && meters.includes(n.target.join(" "))))
      .map((n) => `${v.id}: ${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(0, 2).join(" ")}`),
  );
}

/** Premiere's skin switched, the panel's theme applied, and Spectrum's colour transitions done:
 * axe measures contrast as drawn, and a colour halfway between two skins is no skin's. */
async function switchSkin(page: Page, skin: SkinName): Promise<void> {
  stack.simulator.environment.setSkin(skin); // fires ThemeColorChanged, as Premiere does
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.skin)).toBe(skin);
  await settled(page);
}

async function settled(page: Page): Promise<void> {
  // colour and opacity transitions only: a progress bar's width may keep moving, and is no text
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          document
            .getAnimations()
            .filter(
              (a) =>
                a instanceof CSSTransition &&
                a.playState === "running" &&
                /color|opacity|shadow/.test(a.transitionProperty),
            ).length,
      ),
    )
    .toBe(0);
}

async function openWithSuggestion(page: Page): Promise<void> {
  await openSeededPanel(page, stack);
  await page.getByRole("button", { name: "Import a sample clip" }).click();
  const row = page.getByTestId("clip-queue").locator("li").first();
  await until(async () => (await row.getAttribute("data-status")) === "suggested", "the suggestion", {
    timeout: 60_000,
  });
  await until(() => page.getByTestId("evidence").locator("img").count(), "the evidence's images");
}

describe("Premiere's skins", () => {
  describe("each skin: the host's colour and type size, no axe violations at 320 and 1000 px, screenshots", () => {
    let context: BrowserContext;
    let page: Page;
    const errors: string[] = [];
    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
      page = await context.newPage();
      page.on("pageerror", (e) => errors.push(e.message));
      await openWithSuggestion(page);
      fs.mkdirSync(SHOTS, { recursive: true });
    });
    afterAll(async () => context?.close());

    it.each(SKIN_NAMES)("%s", async (skin) => {
      const found: Record<string, string[]> = {};
      await switchSkin(page, skin);
      const expected = panelTheme(HOST_SKINS[skin]);
      // the panel's page is exactly the host's panel background, in its type size
      const look = await page.locator(".spectrum-root").evaluate((el) => ({
        background: getComputedStyle(el).backgroundColor,
        fontSize: getComputedStyle(el.querySelector(".panel")!).fontSize,
      }));
      const v = HOST_SKINS[skin].panelBackgroundColor.color;
      expect(look.background).toBe(`rgb(${v.red}, ${v.green}, ${v.blue})`);
      expect(look.fontSize).toBe(`${expected.fontSize}px`);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await settled(page);
        found[`${skin} @ ${width}`] = await axeViolations(page);
        await page.screenshot({ path: path.join(SHOTS, `skin-${skin}-${width}.png`), fullPage: true });
      }
      await page.setViewportSize({ width: 1000, height: 900 });
      // a popover lives in a portal with its own Spectrum provider: it follows the skin too
      await page.locator("[data-field=shotType] button").first().click();
      const listbox = page.getByRole("listbox", { name: /Shot type/ });
      await listbox.waitFor();
      const popoverPage = await listbox.evaluate((el) =>
        getComputedStyle(el.closest("div[dir][lang]")!).getPropertyValue("--spectrum-gray-100").trim(),
      );
      expect(popoverPage).toBe(expected.vars["--spectrum-gray-100"]);
      await settled(page); // its fade-in done
      // while a combobox's list is open react-aria hides the rest of the page from screen readers
      // (its combobox pattern, React Spectrum's own desktop ComboBox does the same; the focus
      // stays in the field), so the page-level rules have nothing to find and the hidden page's
      // controls stay focusable meanwhile; narrow-panel.test.ts checks nothing stays hidden after
      found[`${skin} @ 1000, shot type list open`] = await axeViolations(page, [
        "landmark-one-main",
        "page-has-heading-one",
        "region",
        "aria-hidden-focus",
      ]);
      await page.keyboard.press("Escape");
      await listbox.waitFor({ state: "detached" });
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // no ring in the next shots
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    });

    it("usable at 300 px: nothing wider than the panel, so nothing needs a sideways scroll", async () => {
      await page.setViewportSize({ width: 300, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
      expect(errors).toEqual([]);
    });
  });

  describe("every control is reached with Tab and looks different while it has the focus", () => {
    let context: BrowserContext;
    const reached: { name: string; focusedLook: string }[] = [];
    let unfocused: { index: number; look: string }[] = [];
    // walking the page with Tab is setup: the tests below check what it found
    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width: 320, height: 900 } });
      const page = await context.newPage();
      await openWithSuggestion(page);
      // the walk starts at the top: a click on the panel's own background moves Tab's starting
      // point there (the import button kept the focus, and Tab past the page's end never returns)
      await page.mouse.click(2, 2);
      // how a control is drawn where a focus ring can be: outline and box-shadow of the control and
      // its wrapper, and of their ::before/::after (Spectrum draws its rings on pseudo-elements)
      await page.evaluate(() => {
        const look = (e: Element | null) =>
          !e
            ? ""
            : [undefined, "::after", "::before"]
                .map((pseudo) => {
                  const s = getComputedStyle(e, pseudo);
                  return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} ${s.boxShadow}`;
                })
                .join("|");
        (window as unknown as { ringLook: (el: Element) => string }).ringLook = (el) =>
          look(el) + "/" + look(el.parentElement);
      });
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press("Tab");
        const focused = await page.evaluate((index) => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          if (el.dataset.tabbed) return "again"; // wrapped around to a control already reached
          el.dataset.tabbed = String(index);
          const labelledBy = (el.getAttribute("aria-labelledby") ?? "")
            .split(" ")
            .map((id) => document.getElementById(id)?.textContent ?? "")
            .join(" ")
            .trim();
          const name = el.getAttribute("aria-label") || labelledBy || el.textContent?.trim().slice(0, 40) || el.tagName;
          const focusedLook = (window as unknown as { ringLook: (el: Element) => string }).ringLook(el);
          return { name: `${el.tagName.toLowerCase()} ${name}`, focusedLook };
        }, reached.length);
        if (focused === "again") break;
        if (focused) reached.push(focused);
      }
      // with the focus gone, how each control looks
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      unfocused = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>("[data-tabbed]")].map((el) => ({
          index: Number(el.dataset.tabbed),
          look: (window as unknown as { ringLook: (el: Element) => string }).ringLook(el),
        })),
      );
    });
    afterAll(async () => context?.close());

    it("reaches what a keyboard user must get to: the queue, the card's fields, accept, the tools", () => {
      const names = reached.map((r) => r.name).join("\n");
      for (const must of [/ul Clips/, /Location/i, /Accept/i, /Import a sample clip/, /Brightness/])
        expect(names).toMatch(must);
    });

    it("with the focus gone, each control looks different from how it looked focused", () => {
      const noRing = unfocused.filter((u) => reached[u.index].focusedLook === u.look).map((u) => reached[u.index].name);
      expect(noRing).toEqual([]);
    });
  });

  describe("the error banner and the sign-in form pass axe on every skin too", () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width: 320, height: 900 } });
      page = await context.newPage();
      // a host that fails every call: the panel shows its error banner
      await page.route("**/__host/eval", (route) => route.fulfill({ status: 200, body: "EvalScript error." }));
      await page.goto(`${stack.server.url}/main/index.html`);
      await until(
        async () => (await page.getByRole("alert").getAttribute("data-code")) === "EVAL_FAILED",
        "the error banner",
      );
      await page.getByRole("button", { name: "Sign in to save references" }).click();
      await page.getByRole("form", { name: "Sign in" }).waitFor();
    });
    afterAll(async () => {
      stack.simulator.environment.setSkin("darkest");
      await context?.close();
    });

    it.each(SKIN_NAMES)("%s", async (skin) => {
      await switchSkin(page, skin);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});
