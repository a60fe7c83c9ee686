// Packages whose entry names would make an installer write outside the extension folder, made
// from a good signed package by editing its headers (tests/helpers/zip-surgery.ts). Each is
// refused by the "names" check, with its reason, before any digest is trusted (issue 20 §4).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import yauzl from "yauzl";
import { createSelfSigned } from "../../src/zxp/certificate";
import { signZxp } from "../../src/zxp/sign-zxp";
import { verifyZxp } from "../../src/zxp/verify-zxp";
import { SHARED } from "../../src/testing/paths";
import { putTogether, takeApart, unicodePathField, type ZipRecord } from "../helpers/zip-surgery";

const identity = createSelfSigned({ country: "GB", organization: "EAV Test Studio" }).identity;
let good: Buffer;

beforeAll(async () => {
  good = await signZxp(
    [
      { path: "CSXS/manifest.xml", data: Buffer.from("<ExtensionManifest/>") },
      { path: "jsx/index.js", data: Buffer.from("var ok = true;") },
      { path: "main/index.html", data: Buffer.from("<!doctype html>") },
    ],
    { identity },
  );
});

const b = (s: string) => Buffer.from(s, "utf8");
const recordOf = (records: ZipRecord[], name: string) => records.find((r) => r.centralName.toString() === name)!;

/** The good package with one entry's names changed: in the local header, the central directory or both. */
function renamed(entry: string, to: { local?: string; central?: string }): Buffer {
  const records = takeApart(good);
  const r = recordOf(records, entry);
  if (to.local !== undefined) r.localName = b(to.local);
  if (to.central !== undefined) r.centralName = b(to.central);
  return putTogether(records);
}

const both = (name: string) => renamed("jsx/index.js", { local: name, central: name });

async function refusedFor(zip: Buffer): Promise<string> {
  const verdict = await verifyZxp(zip);
  expect(verdict.ok).toBe(false);
  return verdict.firstProblem!;
}

describe("the good package", () => {
  it("verifies, and survives being taken apart and put together unchanged", async () => {
    expect((await verifyZxp(good)).firstProblem).toBeNull();
    expect(putTogether(takeApart(good)).equals(good)).toBe(true);
    const names = (await verifyZxp(good)).checks.find((c) => c.name === "names");
    expect(names).toEqual({
      name: "names",
      ok: true,
      detail: "every name is a relative path inside the package, the same in both headers, once",
    });
  });
});

describe("names that differ between the local header and the central directory", () => {
  it("local header ../../evl.js, central directory jsx/index.js (the probe's package)", async () => {
    expect(await refusedFor(renamed("jsx/index.js", { local: "../../evl.js" }))).toBe(
      'names: "jsx/index.js" is named "../../evl.js" in its local header: the central directory and local ' +
        "headers must agree, or an extractor reading local headers writes elsewhere",
    );
  });

  it("a local header that differs only in case", async () => {
    expect(await refusedFor(renamed("jsx/index.js", { local: "JSX/index.js" }))).toMatch(
      /^names: "jsx\/index.js" is named "JSX\/index.js" in its local header/,
    );
  });

  it("an Info-ZIP Unicode Path field that yauzl prefers over a raw name climbing out", async () => {
    const records = takeApart(good);
    const r = recordOf(records, "jsx/index.js");
    const raw = b("../../evl.js");
    r.localName = raw;
    r.centralName = raw;
    r.localExtra = unicodePathField(raw, "jsx/index.js", zlib.crc32);
    r.centralExtra = unicodePathField(raw, "jsx/index.js", zlib.crc32);
    expect(await refusedFor(putTogether(records))).toBe(
      'names: "jsx/index.js" is spelled "../../evl.js" without its Unicode Path field: ' +
        "extractors would disagree on its name",
    );
  });
});

describe("names that leave the package", () => {
  it.each([
    ["../../evl.js", 'it climbs out of the package with ".."'],
    ["jsx/../../evl.js", 'it climbs out of the package with ".."'],
    ["/etc/evl.js", "it is an absolute path"],
    ["C:/evl.js", "it starts with a drive letter"],
    ["C:evl.js", "it starts with a drive letter"],
    ["jsx\\index.js", "it holds a backslash, which Windows takes as a folder separator"],
    ["..\\..\\evl.js", "it holds a backslash, which Windows takes as a folder separator"],
    ["\\\\host\\share\\evl.js", "it holds a backslash, which Windows takes as a folder separator"],
    ["jsx/index.js:evil", "it holds a colon (a drive or an NTFS stream on Windows)"],
    ["jsx/index.js.", "a part of it ends in a dot or a space, which Windows drops"],
    ["jsx /index.js", "a part of it ends in a dot or a space, which Windows drops"],
    ["jsx/CON.js", "a part of it is a Windows device name"],
    ["jsx//index.js", 'it has an empty or "." folder name'],
    ["./jsx/index.js", 'it has an empty or "." folder name'],
    ["jsx/index\u0000.js", "it holds a control character"],
  ])("%j in both headers", async (name, reason) => {
    expect(await refusedFor(both(name))).toBe(
      `names: ${JSON.stringify(name)} cannot be installed inside the extension folder: ${reason}`,
    );
  });
});

describe("entries that land on the same file", () => {
  it("the same name twice, an unsigned copy first", async () => {
    const records = takeApart(good);
    const i = records.findIndex((r) => r.centralName.toString() === "jsx/index.js");
    records.splice(i, 0, structuredClone(records[i]));
    expect(await refusedFor(putTogether(records))).toBe(
      'names: "jsx/index.js" is in the package twice: extractors differ on which one they keep',
    );
  });

  it("names that differ only in case, one file on macOS and Windows", async () => {
    const records = takeApart(good);
    const copy = structuredClone(recordOf(records, "jsx/index.js"));
    copy.localName = copy.centralName = b("JSX/Index.js");
    records.push(copy);
    expect(await refusedFor(putTogether(records))).toBe(
      'names: "jsx/index.js" and "JSX/Index.js" are the same file on macOS and Windows',
    );
  });

  it("names that differ only in Unicode normalization (NFC and NFD)", async () => {
    const records = takeApart(good);
    const nfc = structuredClone(recordOf(records, "jsx/index.js"));
    nfc.localName = nfc.centralName = b("jsx/caf\u00e9.js");
    const nfd = structuredClone(nfc);
    nfd.localName = nfd.centralName = b("jsx/cafe\u0301.js");
    records.push(nfc, nfd);
    expect(await refusedFor(putTogether(records))).toBe(
      'names: "jsx/caf\u00e9.js" and "jsx/cafe\u0301.js" are the same file on macOS and Windows',
    );
  });
});

describe("local records the central directory does not list", () => {
  it("a hidden local entry before a listed one, which only a streaming extractor sees", async () => {
    const records = takeApart(good);
    const r = recordOf(records, "jsx/index.js");
    const payload = b("require('child_process')");
    const hidden = Buffer.from(r.localFixed);
    hidden.writeUInt16LE(0, 8); // stored
    hidden.writeUInt32LE(zlib.crc32(payload), 14);
    hidden.writeUInt32LE(payload.length, 18);
    hidden.writeUInt32LE(payload.length, 22);
    hidden.writeUInt16LE(12, 26);
    hidden.writeUInt16LE(0, 28);
    hidden.writeUInt16LE(hidden.readUInt16LE(6) & ~0x8, 6); // no data descriptor
    r.hiddenBefore = Buffer.concat([hidden, b("../../evl.js"), payload]);
    expect(await refusedFor(putTogether(records))).toMatch(
      /^names: bytes \d+–\d+ before "jsx\/index.js" belong to no entry \(a hidden entry\?\)$/,
    );
  });

  it("two central entries sharing one local record", async () => {
    const records = takeApart(good);
    const i = records.findIndex((r) => r.centralName.toString() === "jsx/index.js");
    records.push({ ...structuredClone(records[i]), sharesLocalWith: i });
    expect(await refusedFor(putTogether(records))).toMatch(
      /^names: "jsx\/index.js" (is in the package twice|overlaps)/,
    );
  });
});

describe("what yauzl does with such entries on its own (why the verifier reads both headers itself)", () => {
  const names = (zip: Buffer, options: yauzl.Options = {}) =>
    new Promise<string[]>((resolve, reject) =>
      yauzl.fromBuffer(zip, { lazyEntries: true, ...options }, (err, z) => {
        if (err) return reject(err);
        const out: string[] = [];
        z.on("entry", (e: yauzl.Entry) => (out.push(e.fileName), z.readEntry()));
        z.on("end", () => resolve(out));
        z.on("error", reject);
        z.readEntry();
      }),
    );

  it("never reads the local header's name", async () => {
    expect(await names(renamed("jsx/index.js", { local: "../../evl.js" }))).toContain("jsx/index.js");
  });

  it("refuses '..', absolute and drive-letter names in the central directory", async () => {
    await expect(names(both("../../evl.js"))).rejects.toThrow("invalid relative path: ../../evl.js");
    await expect(names(both("/etc/evl.js"))).rejects.toThrow("absolute path: /etc/evl.js");
    await expect(names(both("C:/evl.js"))).rejects.toThrow("absolute path: C:/evl.js");
  });

  it("turns backslashes into slashes unless strictFileNames, so jsx\\index.js passes as the signed jsx/index.js", async () => {
    expect(await names(both("jsx\\index.js"))).toContain("jsx/index.js");
    await expect(names(both("jsx\\index.js"), { strictFileNames: true })).rejects.toThrow(
      "invalid characters in fileName",
    );
  });

  it("lists duplicates, and names NTFS streams, device names and trailing dots without a word", async () => {
    const records = takeApart(good);
    const i = records.findIndex((r) => r.centralName.toString() === "jsx/index.js");
    records.splice(i, 0, structuredClone(records[i]));
    expect((await names(putTogether(records))).filter((n) => n === "jsx/index.js")).toHaveLength(2);
    for (const name of ["jsx/index.js:evil", "jsx/CON.js", "jsx/index.js."])
      expect(await names(both(name))).toContain(name);
  });
});

const FIXTURES = path.join(SHARED, "fixtures/zxp");
const havePPro = fs.existsSync(path.join(FIXTURES, "PProPanel.zxp"));

describe.skipIf(!havePPro)(
  "Adobe's PProPanel.zxp, tampered (skipped when absent: real Adobe-signed packages stay outside the repo, by their provenance note, in ../shared/fixtures/zxp)",
  () => {
    it("passes untouched, and its local header renamed to climb out is refused", async () => {
      const real = fs.readFileSync(path.join(FIXTURES, "PProPanel.zxp"));
      expect((await verifyZxp(real)).ok).toBe(true);
      const records = takeApart(real);
      const target = records.find((r) => r.centralName.toString().endsWith(".jsx"))!;
      const name = target.centralName.toString();
      target.localName = b(`../../${path.posix.basename(name)}`);
      expect(await refusedFor(putTogether(records))).toBe(
        `names: "${name}" is named "../../${path.posix.basename(name)}" in its local header: the central ` +
          "directory and local headers must agree, or an extractor reading local headers writes elsewhere",
      );
    });
  },
);
