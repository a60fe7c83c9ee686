// What assistive technology is shown of the page, for browser tests: axe-core's rules, and the
// parts of the panel left hidden from it (aria-hidden or inert) after a dialog, a list or a tray.
import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  nodes: { target: string[] }[];
}

/** axe-core's WCAG 2.x A/AA and best-practice rules over the page: "rule: target" per violation.
 * React Spectrum's Meter (role="meter progressbar") is a known false positive of
 * aria-allowed-attr (adobe/react-spectrum#6627), left out. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: unknown[] }> } })
      .axe;
    const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
    return (await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }))
      .violations;
  })) as AxeViolation[];
  const meters = await page.evaluate(() =>
    [...document.querySelectorAll('[role="meter progressbar"]')].map((e) => `#${CSS.escape(e.id)}`),
  );
  return violations.flatMap((v) =>
    v.nodes
      .filter((n) => !(v.id === "aria-allowed-attr" && meters.includes(n.target.join(" "))))
      .map((n) => `${v.id}: ${n.target.join(" ")}`),
  );
}

/** Parts hidden from assistive technology that an editor can see: an aria-hidden or inert
 * element around the panel, or around a visible control, heading or text. Empty when none. */
export function hiddenFromAssistiveTech(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && getComputedStyle(e).visibility !== "hidden";
    };
    const name = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}.${String(e.className)}`;
    return [...document.querySelectorAll("[aria-hidden=true], [inert]")]
      .filter(
        (e) =>
          e.contains(document.querySelector("main.panel")) ||
          // (a 1 px box is a control's hidden form twin, e.g. a picker's <select>)
          (visible(e) && [...e.querySelectorAll("button, input, [tabindex], h1, h2, h3, p, li")].some(visible)),
      )
      .map(name);
  });
}
