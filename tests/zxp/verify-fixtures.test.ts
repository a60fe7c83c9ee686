// The verifier against real packages signed by Adobe's ZXPSignCmd (../shared/fixtures/zxp),
// and tampered copies of one.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import yazl from "yazl";
import { readZip, type ZipEntry } from "../../src/zxp/zip";
import { verifyZxp, type CheckName } from "../../src/zxp/verify-zxp";
import { SHARED } from "../../src/testing/paths";

const FIXTURES = path.join(SHARED, "fixtures/zxp");
const haveFixtures = fs.existsSync(path.join(FIXTURES, "PProPanel.zxp"));
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const status = (checks: { name: CheckName; ok: boolean }[], name: CheckName) =>
  checks.filter((c) => c.name === name).every((c) => c.ok);

/** Re-zips entries in the same order with the same compression, after an edit. */
function rezip(entries: ZipEntry[], edit: (e: ZipEntry) => Buffer | void): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) {
    if (e.isDirectory) zip.addEmptyDirectory(e.name);
    else zip.addBuffer(edit(e) ?? e.data, e.name, { compress: e.compressionMethod !== 0 });
  }
  zip.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on("data", (c: Buffer) => chunks.push(c));
    zip.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
  });
}

describe.skipIf(!haveFixtures)(
  "real Adobe-signed packages (skipped when absent: they stay outside the repo, by their provenance note, in ../shared/fixtures/zxp)",
  () => {
    it.each(["PProPanel.zxp", "bodymovin.zxp"])("%s passes every check", async (name) => {
      const verdict = await verifyZxp(fixture(name));
      expect(verdict.firstProblem).toBeNull();
      expect(verdict.ok).toBe(true);
      expect(verdict.files).toBe(name === "PProPanel.zxp" ? 13 : 70);
      expect(verdict.certificate?.selfSigned).toBe(true);
    });

    it("none of them carries a timestamp (tests/zxp/timestamp.test.ts uses a real one kept in tests/fixtures)", async () => {
      for (const name of ["PProPanel.zxp", "bodymovin.zxp", "yyeva-rezipped.zxp"]) {
        const verdict = await verifyZxp(fixture(name));
        expect(verdict.timestamp).toBeNull();
        expect(verdict.checks.some((c) => c.name === "timestamp")).toBe(false);
      }
    });

    it("yyeva-rezipped.zxp: digests and signature pass, the layout is flagged", async () => {
      const verdict = await verifyZxp(fixture("yyeva-rezipped.zxp"));
      expect(verdict.ok).toBe(false);
      expect(status(verdict.checks, "file-digests")).toBe(true);
      expect(status(verdict.checks, "manifest-digest")).toBe(true);
      expect(status(verdict.checks, "signature")).toBe(true);
      expect(status(verdict.checks, "layout")).toBe(false);
      expect(verdict.files).toBe(102);
      expect(verdict.firstProblem).toMatch(/^layout: the first zip entry is "preview.html", not "mimetype"/);
    });

    it("rejects a copy with one byte changed in a file", async () => {
      const entries = await readZip(fixture("PProPanel.zxp"));
      const tampered = await rezip(entries, (e) => {
        if (e.name !== "jsx/Premiere.jsx") return;
        const copy = Buffer.from(e.data);
        copy[100] ^= 0x01;
        return copy;
      });
      const verdict = await verifyZxp(tampered);
      expect(verdict.ok).toBe(false);
      expect(verdict.firstProblem).toBe(
        'file-digests: "jsx/Premiere.jsx" was changed after signing (its SHA-256 digest does not match)',
      );
    });

    it("rejects a copy whose manifest digest was edited to match a changed file", async () => {
      const entries = await readZip(fixture("PProPanel.zxp"));
      const newJsx = Buffer.from("alert('not what Adobe signed');");
      const newDigest = crypto.createHash("sha256").update(newJsx).digest("base64");
      const tampered = await rezip(entries, (e) => {
        if (e.name === "PProPanel.jsx") return newJsx;
        if (e.name === "META-INF/signatures.xml") {
          return Buffer.from(
            e.data.toString("utf8").replace("0bCWGhz/Vrr565qgJcsXLMxdjLzWpByQS0Hv+AD/UT0=", newDigest),
          );
        }
      });
      const verdict = await verifyZxp(tampered);
      expect(status(verdict.checks, "file-digests")).toBe(true); // the attacker fixed the file digest…
      expect(verdict.firstProblem).toBe(
        "manifest-digest: the manifest was edited after signing (its canonical digest does not match SignedInfo)",
      );
    });

    it("rejects a copy re-signed with another key", async () => {
      const entries = await readZip(fixture("PProPanel.zxp"));
      const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 1024 });
      const tampered = await rezip(entries, (e) => {
        if (e.name !== "META-INF/signatures.xml") return;
        const xml = e.data.toString("utf8");
        const forged = crypto.sign("RSA-SHA1", Buffer.from("anything"), privateKey).toString("base64");
        return Buffer.from(xml.replace(/(<SignatureValue[^>]*>)[^<]+(<\/SignatureValue>)/, `$1${forged}$2`));
      });
      const verdict = await verifyZxp(tampered);
      expect(verdict.firstProblem).toMatch(/^signature: the signature does not verify with the package certificate/);
    });

    it("refuses a package from an unexpected publisher when a fingerprint is pinned", async () => {
      const verdict = await verifyZxp(fixture("bodymovin.zxp"), { expectedFingerprint256: "00:11" });
      expect(verdict.firstProblem).toMatch(/^certificate: signed by .+, expected 00:11/);
    });

    it("answers garbage with a clear verdict", async () => {
      const verdict = await verifyZxp(Buffer.from("not a zip at all"));
      expect(verdict.firstProblem).toMatch(/^zip: not a readable zip/);
    });
  },
);
