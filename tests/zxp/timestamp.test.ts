// ZXP timestamps as Adobe's ZXPSignCmd makes them (docs/facts/premiere-and-cep.md): a real timestamped signature,
// tokens from a local TSA over each form and with SHA-1, an expired TSA certificate, and tampering.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSelfSigned } from "../../src/zxp/certificate";
import { signedSignaturesXml } from "../../src/zxp/sign-zxp";
import { requestTimestamp } from "../../src/zxp/timestamp";
import { checkSignatureTimestamp, timestampedForms } from "../../src/zxp/verify-timestamp";
import { DSIG_NS } from "../../src/zxp/zxp-format";
import { ROOT } from "../../src/testing/paths";
import { startTestTsa, type TestTsa } from "../helpers/test-tsa";

const REAL = path.join(ROOT, "tests/fixtures/zxp-timestamped/timesheetae-sha256.signatures.xml");
const SHA1_OID = "1.3.14.3.2.26";

const signatureOf = (xml: string) =>
  new DOMParser().parseFromString(xml, "text/xml").getElementsByTagNameNS(DSIG_NS, "Signature")[0] as Element;
const signatureValueOf = (xml: string) =>
  signatureOf(xml).getElementsByTagNameNS(DSIG_NS, "SignatureValue")[0] as Element;
const withToken = (xml: string, token: Buffer) =>
  xml.replace(/(EncapsulatedTimeStamp>)[^<]+(<\/)/, `$1\n${token.toString("base64")}\n$2`);

/** A SHA-1 request, as older ZXPSignCmd builds sent, answered by the local TSA. */
async function sha1Timestamp(url: string, data: Buffer): Promise<Buffer> {
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA1_OID }),
      hashedMessage: new asn1js.OctetString({ valueHex: crypto.createHash("sha1").update(data).digest() }),
    }),
    certReq: true,
  });
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/timestamp-query" },
    body: new Uint8Array(req.toSchema().toBER(false)),
  });
  return Buffer.from(await response.arrayBuffer());
}

let tsa: TestTsa;
let ours: string;
beforeAll(async () => {
  tsa = await startTestTsa();
  const identity = createSelfSigned({ country: "GB", organization: "EAV Test Studio" }).identity;
  ours = await signedSignaturesXml([{ path: "index.html", data: Buffer.from("<p>hi</p>") }], {
    identity,
    tsaUrl: tsa.url,
  });
});
afterAll(async () => tsa?.close());

describe("a real ZXPSignCmd timestamp (tests/fixtures/zxp-timestamped)", () => {
  it("verifies over the imprint form with the TSTInfo's SHA-256", async () => {
    const check = await checkSignatureTimestamp(signatureOf(fs.readFileSync(REAL, "utf8")), new Date("2026-11-24"));
    expect(check).toMatchObject({ ok: true });
    expect(check?.timestamp).toEqual({
      genTime: "2026-01-26T03:18:50.000Z",
      tsa: "DigiCert SHA256 RSA4096 Timestamp Responder 2025 1",
      hashAlgorithm: "sha256",
      form: "imprint",
      tsaValidTo: "2036-09-03T23:59:59.000Z",
      tsaCertificateExpired: false,
    });
    expect(check?.detail).toContain("over ZXPSignCmd's imprint form (base64 without line breaks), sha256");
  });

  it("reports an expired TSA certificate without refusing the timestamp", async () => {
    const check = await checkSignatureTimestamp(signatureOf(fs.readFileSync(REAL, "utf8")), new Date("2040-01-01"));
    expect(check?.ok).toBe(true);
    expect(check?.timestamp?.tsaCertificateExpired).toBe(true);
    expect(check?.detail).toMatch(/the TSA certificate expired 2036-09-03, after the timestamp was made/);
  });

  it("refuses it once the signature value is changed", async () => {
    const xml = fs.readFileSync(REAL, "utf8").replace('PackageSignatureValue">Cs7+', 'PackageSignatureValue">Cs7-');
    const check = await checkSignatureTimestamp(signatureOf(xml));
    expect(check?.ok).toBe(false);
    expect(check?.timestamp?.form).toBeNull();
    expect(check?.detail).toMatch(
      /^the timestamp is not over this signature value \(its sha256 imprint matches neither ZXPSignCmd's imprint form/,
    );
  });
});

describe("the forms a timestamp may cover", () => {
  it("strips only the base64 line breaks from the canonical element", () => {
    const forms = timestampedForms(signatureValueOf(fs.readFileSync(REAL, "utf8")));
    const wrapped = forms.wrapped.toString();
    expect(wrapped).toMatch(
      /^<SignatureValue xmlns="http:\/\/www.w3.org\/2000\/09\/xmldsig#" Id="PackageSignatureValue">/,
    );
    expect(wrapped).toContain("\n");
    expect(forms.imprint.toString()).toBe(wrapped.replace(/\n/g, ""));
  });

  it("accepts a SHA-1 token over the imprint form, as older ZXPSignCmd builds made", async () => {
    const token = await sha1Timestamp(tsa.url, timestampedForms(signatureValueOf(ours)).imprint);
    const check = await checkSignatureTimestamp(signatureOf(withToken(ours, token)));
    expect(check).toMatchObject({ ok: true, timestamp: { form: "imprint", hashAlgorithm: "sha1" } });
  });

  it("accepts a token over the wrapped form (our signer's earlier packages) and says so", async () => {
    const wrapped = timestampedForms(signatureValueOf(ours)).wrapped;
    const token = await requestTimestamp(tsa.url, crypto.createHash("sha256").update(wrapped).digest());
    const check = await checkSignatureTimestamp(signatureOf(withToken(ours, token)));
    expect(check).toMatchObject({ ok: true, timestamp: { form: "wrapped", hashAlgorithm: "sha256" } });
    expect(check?.detail).toContain("over the wrapped form as it stands in the file");
  });

  it("answers an unreadable token clearly", async () => {
    const check = await checkSignatureTimestamp(signatureOf(withToken(ours, Buffer.from("not a token"))));
    expect(check?.ok).toBe(false);
    expect(check?.detail).toMatch(/^unreadable RFC 3161 timestamp: /);
  });

  it("is null for a signature without a timestamp", async () => {
    const identity = createSelfSigned({ country: "GB", organization: "EAV Test Studio" }).identity;
    const plain = await signedSignaturesXml([{ path: "a.txt", data: Buffer.from("a") }], { identity });
    expect(await checkSignatureTimestamp(signatureOf(plain))).toBeNull();
  });
});

describe("our signer writes what ZXPSignCmd writes", () => {
  /** The document with base64, digests and the manifest's references blanked out. */
  const skeleton = (xml: string) =>
    xml
      .replace(/(<Manifest Id="PackageContents">)[\s\S]*?(<\/Manifest>)/, "$1…$2")
      .replace(/>[A-Za-z0-9+/=\n]{16,}</g, ">…<")
      .replace(/(<xades:EncapsulatedTimeStamp>)[\s\S]*?(<\/xades)/, "$1…$2");

  it("has the layout, XAdES markup and 64-column base64 of a real timestamped package", () => {
    expect(skeleton(ours)).toBe(skeleton(fs.readFileSync(REAL, "utf8")));
    const lines = (element: string) => new RegExp(`<${element}[^>]*>([^<]+)<`).exec(ours)![1].trim().split("\n");
    for (const element of ["SignatureValue", "X509Certificate", "xades:EncapsulatedTimeStamp"]) {
      expect(
        lines(element)
          .slice(0, -1)
          .every((l) => l.length === 64),
      ).toBe(true);
    }
  });

  it("asks its TSA for a SHA-256 imprint of the imprint form", async () => {
    const imprint = crypto
      .createHash("sha256")
      .update(timestampedForms(signatureValueOf(ours)).imprint)
      .digest();
    expect(tsa.requests[0]).toMatchObject({ hashAlgorithm: "2.16.840.1.101.3.4.2.1" });
    expect(tsa.requests[0].imprint.equals(imprint)).toBe(true);
  });
});
