import fs from "node:fs";
import * as acorn from "acorn";
import { describe, expect, it } from "vitest";
import { DIST, builtAsset, panelBundle } from "../../src/testing/paths";
import path from "node:path";

// Chromium 88 (CEP 11) supports all ES2021 syntax but not top-level await (89), class static
// blocks (94), `#x in o` (91) or the RegExp d flag (90): ES2021 is the ceiling for the bundle.
const CEF_MAX_ECMA = 2021;

describe("panel bundle fits CEP 11's Chromium 88", () => {
  it.each(["main-", "embedding.worker-"])(`%s*.js parses as ES${CEF_MAX_ECMA} script`, (prefix) => {
    const src = fs.readFileSync(builtAsset(prefix), "utf8");
    expect(() => acorn.parse(src, { ecmaVersion: CEF_MAX_ECMA, sourceType: "script" })).not.toThrow();
    expect(src).not.toContain("import.meta"); // CommonJS/IIFE output has none: URLs must not depend on it
  });

  it("ships onnxruntime's WASM inside the extension, never from a CDN", () => {
    for (const f of ["ort-wasm.wasm", "ort-wasm-simd.wasm"])
      expect(fs.statSync(path.join(DIST, "ort", f)).size).toBeGreaterThan(1e6);
    const worker = fs.readFileSync(builtAsset("embedding.worker-"), "utf8");
    expect(worker).toContain("../ort/");
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
