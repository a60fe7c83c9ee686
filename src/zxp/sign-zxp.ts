// Writes a signed ZXP as ZXPSignCmd does: a manifest of SHA-256 digests of every file, its
// canonical digest in SignedInfo, an RSA-SHA1 signature over canonical SignedInfo, the X509
// certificate in KeyInfo, and optionally an RFC 3161 timestamp over the canonical SignatureValue
// in ZXPSignCmd's imprint form (verify-timestamp.ts). The layout, line breaks and XAdES markup
// are those of packages ZXPSignCmd signed (tests/fixtures/zxp-timestamped).
import crypto from "node:crypto";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { canonicalize } from "./canonical-xml";
import type { SigningIdentity } from "./certificate";
import { requestTimestamp } from "./timestamp";
import { timestampedForms } from "./verify-timestamp";
import { isOsMetadata } from "./verify-zxp";
import { writeZxpZip, type PackageFile } from "./zip";
import { C14N, DSIG_NS, MANIFEST_TYPE, RSA_SHA1, SHA256, XADES_NS, encodeUri } from "./zxp-format";

export interface SignOptions {
  identity: SigningIdentity;
  /** RFC 3161 timestamp server; no timestamp when absent */
  tsaUrl?: string;
}

const b64 = (data: Buffer) => data.toString("base64");
const sha256 = (data: Buffer | string) => crypto.createHash("sha256").update(data).digest();
const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
/** base64 in 64-column lines, as ZXPSignCmd writes it */
const wrap = (s: string) => s.replace(/(.{64})/g, "$1\n").replace(/\n$/, "");

function parseSignature(xml: string): { signature: Element; find: (name: string) => Element } {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const signature = doc.getElementsByTagNameNS(DSIG_NS, "Signature")[0] as Element;
  return { signature, find: (name) => signature.getElementsByTagNameNS(DSIG_NS, name)[0] as Element };
}

export async function signedSignaturesXml(files: PackageFile[], options: SignOptions): Promise<string> {
  const mimetype = { path: "mimetype", data: Buffer.from("application/vnd.adobe.air-ucf-package+zip", "ascii") };
  const refs = [mimetype, ...files]
    .map(
      (f) =>
        `<Reference URI="${escapeAttr(encodeUri(f.path))}"><DigestMethod Algorithm="${SHA256}"/><DigestValue>${b64(sha256(f.data))}</DigestValue></Reference>`,
    )
    .join("");
  const manifest = `<Manifest Id="PackageContents">${refs}</Manifest>`;
  const signedInfo = (digest: string) =>
    `<SignedInfo>\n<CanonicalizationMethod Algorithm="${C14N}"/>\n<SignatureMethod Algorithm="${RSA_SHA1}"/>\n` +
    `<Reference Type="${MANIFEST_TYPE}" URI="#PackageContents">\n<Transforms>\n<Transform Algorithm="${C14N}"/>\n</Transforms>\n` +
    `<DigestMethod Algorithm="${SHA256}"/>\n<DigestValue>${digest}</DigestValue>\n</Reference>\n</SignedInfo>`;
  const document = (digest: string, signatureValue: string, extraObjects = "") =>
    `<signatures>\n<Signature xmlns="${DSIG_NS}" Id="PackageSignature">\n${signedInfo(digest)}\n` +
    `<SignatureValue Id="PackageSignatureValue">${signatureValue}</SignatureValue>\n\n` +
    `<KeyInfo>\n<X509Data>\n<X509Certificate>${wrap(b64(options.identity.certificateDer))}\n</X509Certificate>\n</X509Data>\n</KeyInfo>\n` +
    `<Object>\n${manifest}\n</Object>\n${extraObjects}</Signature>\n</signatures>`;

  // Digests are over canonical forms in the document's context: compute them from the document.
  const digest = b64(sha256(canonicalize(parseSignature(document("", "")).find("Manifest"))));
  const canonicalSignedInfo = canonicalize(parseSignature(document(digest, "")).find("SignedInfo"));
  const signatureValue = wrap(
    b64(crypto.sign("RSA-SHA1", Buffer.from(canonicalSignedInfo, "utf8"), options.identity.privateKey)),
  );
  if (!options.tsaUrl) return document(digest, signatureValue);

  const forms = timestampedForms(parseSignature(document(digest, signatureValue)).find("SignatureValue"));
  const token = await requestTimestamp(options.tsaUrl, sha256(forms.imprint));
  const xades =
    `<Object xmlns:xades="${XADES_NS}" >\n<xades:QualifyingProperties>\n<xades:UnsignedProperties>\n` +
    `<xades:UnsignedSignatureProperties>\n<xades:SignatureTimeStamp>\n<xades:HashDataInfo uri="SignatureValue">\n` +
    `<Transforms>\n<Transform Algorithm="${C14N}"/>\n</Transforms>\n</xades:HashDataInfo>\n` +
    `<xades:EncapsulatedTimeStamp>\n${wrap(b64(token))}\n</xades:EncapsulatedTimeStamp>\n</xades:SignatureTimeStamp>\n` +
    `</xades:UnsignedSignatureProperties>\n</xades:UnsignedProperties>\n</xades:QualifyingProperties>\n</Object>\n`;
  return document(digest, signatureValue, xades);
}

/** Files in a stable order, OS metadata left out (ZXPSignCmd does not sign it either). */
export async function signZxp(files: PackageFile[], options: SignOptions): Promise<Buffer> {
  const packaged = files
    .filter((f) => !isOsMetadata(f.path) && f.path !== "mimetype")
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  return writeZxpZip(packaged, await signedSignaturesXml(packaged, options));
}
