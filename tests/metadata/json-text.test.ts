// JSON text as IA's files need it: Node's JSON.stringify bytes (the host's json2 escapes more),
// UTF-8 as ExtendScript's BINARY encoding reads it, and one entry replaced or added in place
// with every other byte of the file kept.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  objectMembers,
  quoteJson,
  setMember,
  stringifyJson,
  utf8Decode,
  utf8DecodeSlowly,
  utf8Encode,
} from "../../src/shared/metadata/json-text";

const bytesOf = (text: string) => Buffer.from(text, "utf8").toString("latin1");
const textOf = (bytes: string) => Buffer.from(bytes, "latin1").toString("utf8");

// strings Node writes raw and json2 escapes (\u00ad, \u200d in an emoji, \u2028), control
// characters, quotes, backslashes, a lone surrogate, astral characters
const STRINGS = [
  "",
  "plain",
  'the "big" oven\\door',
  "soft\u00adhyphen",
  "👩‍🍳 chef",
  "line\u2028sep",
  "\u0000\u0001\b\t\n\f\r\u001f\u007f\u0085",
  "lone \ud800 high",
  "lone \udc00 low",
  "Küche — 日本語 — 🍳",
];

describe("stringifyJson writes Node's JSON.stringify bytes", () => {
  it.each(STRINGS)("string %j", (s) => {
    expect(quoteJson(s)).toBe(JSON.stringify(s));
  });

  it("writes entries as Node does, with and without indent", () => {
    const entry = {
      id: "EB001560",
      shotNumber: 2,
      keywords: ["sink", "👩‍🍳"],
      lockedFields: [],
      nested: { a: [1, 2.5, -0, 1e21, null, true, { b: {} }], empty: {} },
      skipped: undefined,
      subject: STRINGS.join("|"),
    };
    for (const gap of ["", "  ", "\t", "    "])
      expect(stringifyJson(entry, gap, "\n", "")).toBe(JSON.stringify(entry, null, gap));
    expect(stringifyJson([undefined, NaN], "", "\n", "")).toBe(JSON.stringify([undefined, NaN]));
  });

  it("json2, the host's JSON, would not: it escapes characters Node writes as they are", () => {
    const require = createRequire(import.meta.url);
    const source = require("node:fs").readFileSync(require.resolve("json-js/json2.js"), "utf8");
    const json2 = new Function(`var JSON = {}; ${source}; return JSON;`)() as typeof JSON;
    expect(json2.stringify("👩‍🍳")).not.toBe(JSON.stringify("👩‍🍳"));
    expect(stringifyJson("👩‍🍳", "", "", "")).toBe(JSON.stringify("👩‍🍳"));
  });
});

describe("UTF-8 as bytes", () => {
  it.each(STRINGS.filter((s) => !/[\ud800-\udfff](?![\udc00-\udfff])/.test(s) || s.includes("🍳")))(
    "round-trips %j",
    (s) => {
      expect(utf8Encode(s)).toBe(bytesOf(s));
      expect(utf8Decode(bytesOf(s))).toBe(s);
      expect(utf8DecodeSlowly(bytesOf(s))).toBe(s);
    },
  );

  it("encodes a lone surrogate as U+FFFD, as Node's Buffer does, and refuses bytes that are not UTF-8", () => {
    expect(utf8Encode("a\ud800b")).toBe(bytesOf("a\ud800b"));
    for (const bad of [
      "\u00ff",
      "\u00c3",
      "\u00e0\u0080\u0080",
      "\u00ed\u00a0\u0080",
      "\u00f4\u0090\u0080\u0080",
      "\u0080",
    ])
      expect([utf8Decode(bad), utf8DecodeSlowly(bad)]).toEqual([null, null]);
  });
});

/** An IA file as IA's MetadataStore writes it (JSON.stringify(…, null, 2)), as bytes. */
const iaFile = (entries: Record<string, unknown>) =>
  bytesOf(JSON.stringify({ _schema: "2.0", _completed: false, ...entries }, null, 2));

describe("setMember", () => {
  const a = { id: "A", subject: "Küche 👩‍🍳\u2028", keywords: ["x"] };
  const b = { id: "B", subject: "oven", keywords: [] };

  it("replaces one entry in place: the file is what Node would write, every other byte as it was", () => {
    const before = iaFile({ A: a, B: b });
    const changed = { ...b, subject: "hob" };
    const after = setMember(before, "B", changed);
    expect(textOf(after)).toBe(JSON.stringify({ _schema: "2.0", _completed: false, A: a, B: changed }, null, 2));
    const members = objectMembers(before)!.members;
    const bAt = members.find((m) => m.key === "B")!;
    expect(after.startsWith(before.slice(0, bAt.valueStart))).toBe(true);
  });

  it("adds an entry after the last one, in the file's own layout", () => {
    expect(textOf(setMember(iaFile({ A: a }), "B", b))).toBe(
      JSON.stringify({ _schema: "2.0", _completed: false, A: a, B: b }, null, 2),
    );
    // compact, CRLF and tab-indented files keep their layout; a BOM stays
    const compact = bytesOf(JSON.stringify({ A: a }));
    expect(textOf(setMember(compact, "B", b))).toBe(JSON.stringify({ A: a, B: b }));
    const crlf = iaFile({ A: a }).replace(/\n/g, "\r\n");
    expect(setMember(crlf, "B", b)).toBe(iaFile({ A: a, B: b }).replace(/\n/g, "\r\n"));
    const tabs = bytesOf(JSON.stringify({ A: a }, null, "\t"));
    expect(textOf(setMember(tabs, "B", b))).toBe(JSON.stringify({ A: a, B: b }, null, "\t"));
    const bom = "\u00ef\u00bb\u00bf" + iaFile({ A: a });
    expect(setMember(bom, "A", b)).toBe("\u00ef\u00bb\u00bf" + iaFile({ A: b }));
    expect(textOf(setMember(bytesOf("{}"), "B", b))).toBe(JSON.stringify({ B: b }, null, 2));
  });

  it("keeps hand-written bytes of other entries that a rewrite would change", () => {
    const hand = bytesOf('{\n  "A": {"id":"A", "n": 1.50, "s": "\\u00e9"},\n  "B": {"id": "B"}\n}\n');
    const after = setMember(hand, "B", { id: "B", subject: "x" });
    expect(textOf(after)).toBe(
      '{\n  "A": {"id":"A", "n": 1.50, "s": "\\u00e9"},\n  "B": {\n    "id": "B",\n    "subject": "x"\n  }\n}\n',
    );
  });

  it("finds every entry of a large generated file, whatever its strings hold", () => {
    let s = 11;
    const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31), s / 2 ** 31);
    const pieces = ["a", "{", "}", "[", "]", '"', "\\", ",", ":", " ", "é", "🍳", "\n", "\u2028"];
    const word = () =>
      Array.from({ length: Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join("");
    const file: Record<string, unknown> = { _schema: "2.0", _completed: false };
    for (let i = 0; i < 300; i++)
      file[`E${i}${word()}`] = { id: word(), keywords: [word(), word()], nested: { [word()]: [word(), 1, null] } };
    for (const gap of [2, 0]) {
      const bytes = bytesOf(JSON.stringify(file, null, gap));
      expect(objectMembers(bytes)!.members.map((m) => m.key)).toEqual(Object.keys(file));
      const key = Object.keys(file)[150];
      const after = setMember(bytes, key, { id: "new" });
      expect(JSON.parse(textOf(after))).toEqual({ ...file, [key]: { id: "new" } });
      expect(textOf(after)).toBe(JSON.stringify({ ...file, [key]: { id: "new" } }, null, gap));
    }
  });

  it("finds keys written with escapes, and refuses a text that is not an object", () => {
    expect(objectMembers(bytesOf('{"\\u0041": 1, "B\\"": [1, {"}": "]"}]}'))!.members.map((m) => m.key)).toEqual([
      "A",
      'B"',
    ]);
    expect(objectMembers("[1]")).toBe(null);
    expect(() => setMember("null", "A", 1)).toThrow();
  });
});
