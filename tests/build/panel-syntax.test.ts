import fs from "node:fs";
import * as acorn from "acorn";
import { describe, expect, it } from "vitest";
import { panelBundle } from "../helpers/paths";

// Chromium 88 (CEP 11) supports all ES2021 syntax but not top-level await (89), class static
// blocks (94), `#x in o` (91) or the RegExp d flag (90): ES2021 is the ceiling for the bundle.
const CEF_MAX_ECMA = 2021;

describe("panel bundle fits CEP 11's Chromium 88", () => {
  it(`parses as ES${CEF_MAX_ECMA} script`, () => {
    const src = fs.readFileSync(panelBundle(), "utf8");
    expect(() => acorn.parse(src, { ecmaVersion: CEF_MAX_ECMA, sourceType: "script" })).not.toThrow();
  });

  it.each([
    ["a class static block", "class A { static { } }"],
    ["a private-in check", "class A { #x; m(o) { return #x in o; } }"],
    ["top-level await", "await 1;"],
  ])("the check rejects %s", (_name, snippet) => {
    expect(() => acorn.parse(snippet, { ecmaVersion: CEF_MAX_ECMA, sourceType: "script" })).toThrow();
  });

  it("is loaded as a classic script, not a module (CEP pages run from file://)", () => {
    const html = fs.readFileSync(panelBundle().replace(/assets\/.*$/, "main/index.html"), "utf8");
    expect(html).toMatch(/<script src="\.\.\/assets\/main-[^"]+\.js"><\/script>/);
    expect(html).not.toContain('type="module"');
  });
});
