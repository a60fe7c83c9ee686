// The XMP we write and read against IA's own writer and readers (docs/facts/ia-contract.md, ADR 0022), from
// ingest-assistant's metadataWriter.test.ts cases and its behaviour: logComment values written
// raw (no escaping of , = \), location/subject/shotType only when set, action= always,
// shotNumber=#N only when set, joined by ", "; dc:description the keywords joined by ", " and read
// back split at every ',', trimmed, empties dropped.
import { describe, expect, it } from "vitest";
import {
  descriptionKeywords,
  fromXmpFields,
  logCommentPairs,
  toXmpFields,
  type XmpSource,
} from "../../src/shared/metadata/xmp-contract";
import { iaWriteProblem } from "../../src/shared/metadata/ia-values";

/** IA's rule restated as an oracle: what IA's writer puts in the logComment. */
function iaLogComment(m: XmpSource): string {
  const parts: string[] = [];
  if (m.location) parts.push(`location=${m.location}`);
  if (m.subject) parts.push(`subject=${m.subject}`);
  parts.push(`action=${m.action || ""}`);
  if (m.shotType) parts.push(`shotType=${m.shotType}`);
  if (m.shotNumber) parts.push(`shotNumber=#${m.shotNumber}`);
  return parts.join(", ");
}

/** IA's reader of dc:description (its parseKeywords on a string). */
function iaKeywords(description: string): string[] {
  return description.includes(",")
    ? description
        .split(",")
        .map((t) => t.trim())
        .filter((t) => t.length > 0)
    : [description];
}

const image = { location: "kitchen", subject: "oven", keywords: ["oven"] };
const video = { location: "kitchen", subject: "oven", action: "cleaning", keywords: ["oven", "steam"] };

describe("IA's logComment, byte for byte", () => {
  it("writes IA's published cases exactly", () => {
    const cases: Array<[XmpSource, string]> = [
      [
        { location: "kitchen", subject: "oven", action: "cleaning", shotType: "WS", shotNumber: 5 },
        "location=kitchen, subject=oven, action=cleaning, shotType=WS, shotNumber=#5",
      ],
      [
        { location: "kitchen", subject: "oven", action: "cleaning", shotType: "WS" },
        "location=kitchen, subject=oven, action=cleaning, shotType=WS",
      ],
      [
        { location: "kitchen", subject: "oven", action: "", shotType: "CU" },
        "location=kitchen, subject=oven, action=, shotType=CU",
      ],
      [
        { location: "kitchen", subject: "oven", shotType: "WS" },
        "location=kitchen, subject=oven, action=, shotType=WS",
      ],
    ];
    for (const [m, logComment] of cases) expect(toXmpFields(m).logComment).toBe(logComment);
    expect(toXmpFields({ location: "kitchen", subject: "oven", shotType: "CU", shotNumber: 5 }).shotName).toBe(
      "kitchen-oven-CU-#5",
    );
    expect(toXmpFields({ ...video, shotType: "WS", keywords: ["appliance", "demo"] }).description).toBe(
      "appliance, demo",
    );
  });

  it.each([
    ["image with shot type and number", { ...image, shotType: "WS", shotNumber: 1 }],
    ["image with number, empty shot type", { ...image, shotType: "", shotNumber: 4 }],
    ["video with shot type, no number", { ...video, shotType: "TRACK", shotNumber: null }],
    ["no location or subject", { action: "pouring", shotType: "CU" }],
    ["a comma in a value", { location: "hall, east", subject: "door", shotType: "WS" }],
    ["an equals sign", { location: "kitchen", subject: "a=b=c", shotType: "WS" }],
    ["a backslash", { location: "C:\\media", subject: "oven", action: "x\\y", shotType: "CU" }],
    ["a carriage return", { location: "hall\rway", subject: "oven", shotType: "CU" }],
    ["quotes, emoji and non-Latin text", { location: "Küche — 日本語", subject: 'the "big" 🍳', shotType: "CU" }],
  ] satisfies Array<[string, XmpSource]>)("%s: exactly IA's bytes, nothing escaped", (_name, m) => {
    expect(toXmpFields(m).logComment).toBe(iaLogComment(m));
  });

  it("writes the keywords joined by ', ', as IA's writer does", () => {
    expect(toXmpFields({ ...image, shotType: "WS", keywords: ["kitchen appliance", "C:\\x", "a=b"] }).description).toBe(
      "kitchen appliance, C:\\x, a=b",
    );
  });
});

describe("reading a logComment as IA writes it", () => {
  it("splits only at ', ' followed by one of IA's keys and '='", () => {
    expect(fromXmpFields("location=hall, east, subject=door, action=, shotType=WS", "")).toEqual({
      location: "hall, east",
      subject: "door",
      shotType: "WS",
      keywords: [],
    });
    expect(fromXmpFields("location=C:\\media, subject=oven, action=, shotType=CU", "").location).toBe("C:\\media");
    expect(logCommentPairs("location=a=b, subject=x, y=z, action=")).toEqual([
      ["location", "a=b"],
      ["subject", "x, y=z"],
      ["action", ""],
    ]);
  });

  it("reads IA's still without an action: the empty action= means none", () => {
    expect(fromXmpFields("location=kitchen, subject=oven, action=, shotType=WS, shotNumber=#1", "oven")).toEqual({
      location: "kitchen",
      subject: "oven",
      shotType: "WS",
      shotNumber: 1,
      keywords: ["oven"],
    });
  });

  it("reads nothing from a logComment another tool wrote", () => {
    expect(fromXmpFields("Great take, use this one", "")).toEqual({ keywords: [] });
  });
});

describe("reading dc:description as IA's reader does", () => {
  it.each([
    ["tag1, tag2, tag3", ["tag1", "tag2", "tag3"]],
    ["a,b , ,c,", ["a", "b", "c"]],
    [" single ", ["single"]],
    ["", []],
  ])("%j → %j", (description, keywords) => {
    expect(descriptionKeywords(description)).toEqual(keywords);
    if (description.includes(",")) expect(descriptionKeywords(description)).toEqual(iaKeywords(description));
  });
});

/** A small seeded generator: the same inputs every run. */
function generator(seed: number) {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31), s / 2 ** 31);
  const alphabet = ["a", "Z", " ", ",", "=", "\\", "#", "-", "é", "日", "🍳", '"', "'", "(", ")", "\r", "/", "."];
  const word = (max: number) => {
    let out = "";
    const n = Math.floor(next() * max);
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(next() * alphabet.length)];
    return out.trim();
  };
  return { next, word };
}

describe("what we write is what IA writes, and reads back as written (300 generated clips)", () => {
  it("holds for every value IA accepts that a reader can tell apart", () => {
    const g = generator(19);
    let checked = 0;
    for (let i = 0; i < 300; i++) {
      const m: XmpSource = {
        location: g.word(12),
        subject: g.word(12),
        action: g.next() < 0.4 ? "" : g.word(10),
        shotType: (["WS", "MID", "CU", ""] as const)[Math.floor(g.next() * 4)],
        shotNumber: g.next() < 0.5 ? null : 1 + Math.floor(g.next() * 40),
        keywords: Array.from({ length: Math.floor(g.next() * 4) }, () => g.word(8).replace(/,/g, "")).filter(Boolean),
      };
      if (iaWriteProblem(m)) continue;
      checked++;
      const fields = toXmpFields(m);
      expect(fields.logComment).toBe(iaLogComment(m));
      const back = fromXmpFields(fields.logComment, fields.description);
      for (const key of ["location", "subject", "action", "shotType"] as const)
        expect(back[key] ?? "").toBe(m[key] ?? "");
      expect(back.shotNumber ?? null).toBe(m.shotNumber ?? null);
      expect(back.keywords).toEqual(m.keywords!.map((k) => k.trim()));
    }
    expect(checked).toBeGreaterThan(200);
  });
});
