import fs from "node:fs";
import * as acorn from "acorn";
import { describe, expect, it } from "vitest";
import { createEs3Realm } from "../../src/sim/es3-realm";
import { JSX_BUNDLE } from "../../src/testing/paths";

// allowReserved "never": ES3 forbids reserved words even as property names (o.default, { class: 1 }).
const parseEs3 = (src: string) => acorn.parse(src, { ecmaVersion: 3, sourceType: "script", allowReserved: "never" });

describe("ExtendScript bundle dist/cep/jsx/index.js", () => {
  const source = () => fs.readFileSync(JSX_BUNDLE, "utf8");

  it("parses as ECMAScript 3", () => {
    expect(() => parseEs3(source())).not.toThrow();
  });

  it("is ASCII only and has no block comments (both have broken ExtendScript)", () => {
    expect(source()).not.toMatch(/[\u0080-\uffff]/);
    expect(source()).not.toMatch(/\/\*/);
  });

  it("runs in an ES3-only realm: no JSON, Object.defineProperty, Symbol or Array#map there", () => {
    const realm = createEs3Realm({ $: { global: null } });
    realm.context.$.global = realm.context;
    expect(realm.run("typeof JSON + typeof Object.defineProperty + typeof Symbol + typeof [].map")).toBe(
      "undefinedundefinedundefinedundefined",
    );
    realm.run(source(), "index.js");
    // json2 came with the bundle and the dispatcher registered itself
    expect(realm.run("typeof JSON.stringify + ',' + typeof __referenceLookup.dispatch")).toBe("function,function");
  });

  // The parser check has teeth: each of these ES5+ constructs is refused at ecmaVersion 3.
  it.each([
    ["a getter", "var o = { get x() { return 1; } };"],
    ["a trailing comma in an object", "var o = { a: 1, };"],
    ["a reserved word as a property name", "var o = {}; o.default = 1;"],
    ["a reserved word as a key", "var o = { class: 1 };"],
    ["let", "let a = 1;"],
    ["an arrow function", "var f = () => 1;"],
  ])("the ES3 check rejects %s", (_name, snippet) => {
    expect(() => parseEs3(snippet)).toThrow();
  });
});
