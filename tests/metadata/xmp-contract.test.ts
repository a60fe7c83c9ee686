// The logComment and shotName we write against IA's rule (electron/services/metadataWriter.ts,
// FACTS.md §1): location, subject and shotType only when set, action= always (empty for images),
// shotNumber=#N only when set, joined by ", ". Our escaping applies only to values that need it.
import { describe, expect, it } from "vitest";
import { fromXmpFields, toXmpFields, type XmpSource } from "../../src/shared/metadata/xmp-contract";

/** IA's rule restated as a table-free oracle: what IA writes for plain values. */
function iaLogComment(m: XmpSource): string {
  const parts: string[] = [];
  if (m.location) parts.push(`location=${m.location}`);
  if (m.subject) parts.push(`subject=${m.subject}`);
  parts.push(`action=${m.action || ""}`);
  if (m.shotType) parts.push(`shotType=${m.shotType}`);
  if (m.shotNumber) parts.push(`shotNumber=#${m.shotNumber}`);
  return parts.join(", ");
}

const image = { location: "kitchen", subject: "oven", keywords: ["oven"] };
const video = { location: "kitchen", subject: "oven", action: "cleaning", keywords: ["oven", "steam"] };

describe("IA's logComment, byte for byte", () => {
  it("writes the issue's still exactly: action= is there, empty", () => {
    expect(toXmpFields({ ...image, shotType: "WS", shotNumber: 1 }).logComment).toBe(
      "location=kitchen, subject=oven, action=, shotType=WS, shotNumber=#1",
    );
  });

  it.each([
    ["image with shot type and number", { ...image, shotType: "WS", shotNumber: 1 }],
    ["image with shot type, no number", { ...image, shotType: "CU" }],
    ["image with number, empty shot type", { ...image, shotType: "", shotNumber: 4 }],
    ["image with neither", { ...image, shotType: "" }],
    ["video with shot type and number", { ...video, shotType: "MID", shotNumber: 3 }],
    ["video with shot type, no number", { ...video, shotType: "TRACK", shotNumber: null }],
    ["video with number, no shot type", { ...video, shotNumber: 12 }],
    ["video with neither", { ...video, shotType: "" }],
    ["no location or subject", { action: "pouring", shotType: "CU" }],
  ] satisfies Array<[string, XmpSource]>)("%s", (_name, m) => {
    expect(toXmpFields(m).logComment).toBe(iaLogComment(m));
  });

  it("spells out each case", () => {
    expect(toXmpFields({ ...image, shotType: "" }).logComment).toBe("location=kitchen, subject=oven, action=");
    expect(toXmpFields({ ...video, shotType: "", shotNumber: 2 }).logComment).toBe(
      "location=kitchen, subject=oven, action=cleaning, shotNumber=#2",
    );
    expect(toXmpFields({ ...video, shotType: "MID", shotNumber: 3 }).logComment).toBe(
      "location=kitchen, subject=oven, action=cleaning, shotType=MID, shotNumber=#3",
    );
  });

  it("escapes only values holding \\ , = CR or LF", () => {
    const m: XmpSource = { location: "hall, east", subject: "a=b", action: "C:\\x\r\ny", shotType: "WS" };
    expect(toXmpFields(m).logComment).toBe("location=hall\\, east, subject=a\\=b, action=C:\\\\x\\r\\ny, shotType=WS");
    expect(toXmpFields({ location: "Küche — 日本語", subject: 'the "big" oven', shotType: "CU" }).logComment).toBe(
      'location=Küche — 日本語, subject=the "big" oven, action=, shotType=CU',
    );
  });
});

describe("shotName", () => {
  it.each([
    [{ ...image, shotType: "WS", shotNumber: 1 }, "kitchen-oven-WS-#1"],
    [{ ...image, shotType: "CU" }, "kitchen-oven-CU"],
    [{ ...video, shotType: "MID", shotNumber: 3 }, "kitchen-oven-cleaning-MID-#3"],
    [{ ...video, shotType: "" }, "kitchen-oven-cleaning"],
  ] satisfies Array<[XmpSource, string]>)("%o → %s", (m, name) => {
    expect(toXmpFields(m).shotName).toBe(name);
  });
});

describe("reading it back (fromXmpFields)", () => {
  it("reads IA's still without an action: the empty action= means none", () => {
    expect(fromXmpFields("location=kitchen, subject=oven, action=, shotType=WS, shotNumber=#1", "oven")).toEqual({
      location: "kitchen",
      subject: "oven",
      shotType: "WS",
      shotNumber: 1,
      keywords: ["oven"],
    });
  });

  it.each([
    { ...image, shotType: "WS", shotNumber: 1 },
    { ...video, shotType: "MID", shotNumber: 3 },
    { location: "a, b", subject: "x=y", action: "line\nbreak", shotType: "CU", keywords: ["k, 1", "k\\2"] },
  ] satisfies XmpSource[])("round-trips %o", (m) => {
    const fields = toXmpFields(m);
    expect(fromXmpFields(fields.logComment, fields.description)).toEqual(m);
  });

  it("leaves out a field IA did not write", () => {
    expect(fromXmpFields("location=kitchen, subject=oven, action=cleaning", "")).toEqual({
      location: "kitchen",
      subject: "oven",
      action: "cleaning",
      keywords: [],
    });
  });
});
