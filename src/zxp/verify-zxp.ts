// Checks a ZXP the way an installer should: zip layout, every file's digest, the manifest's
// digest, the RSA signature with the package's certificate, and an RFC 3161 timestamp when one
// is attached. The verdict names the first problem found.
import crypto from "node:crypto";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { canonicalize } from "./canonical-xml";
import { checkSignatureTimestamp, type TimestampInfo } from "./verify-timestamp";
import { readZipWithHeaders, type ZipEntry } from "./zip";
import { packageNamesProblem } from "./zip-names";
import { C14N, DSIG_NS, MIMETYPE, RSA_SHA1, SHA256, SIGNATURES_PATH, decodeUri } from "./zxp-format";

export type CheckName =
  | "zip"
  | "names"
  | "layout"
  | "signature-file"
  | "file-digests"
  | "unsigned-files"
  | "manifest-digest"
  | "signature"
  | "certificate"
  | "timestamp";

export interface Check {
  name: CheckName;
  ok: boolean;
  detail: string;
}

export interface CertificateInfo {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  fingerprint256: string;
  selfSigned: boolean;
}

export interface Verdict {
  ok: boolean;
  firstProblem: string | null;
  checks: Check[];
  /** files the manifest signs */
  files: number;
  certificate: CertificateInfo | null;
  timestamp: TimestampInfo | null;
}

export interface VerifyOptions {
  /** refuse packages not signed by this certificate (SHA-256 fingerprint, as openssl prints it) */
  expectedFingerprint256?: string;
  /** the moment certificate expiry is judged against (tests); now by default */
  now?: Date;
}

/** Finder/Explorer metadata that ZXPSignCmd does not sign; never installable code. */
export function isOsMetadata(path: string): boolean {
  return /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini)$/i.test(path) || path.startsWith("__MACOSX/");
}

const sha256 = (data: Buffer | string) => crypto.createHash("sha256").update(data).digest("base64");

function child(parent: Element, ns: string, name: string): Element | null {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    const e = n as Element;
    if (e.nodeType === 1 && e.namespaceURI === ns && e.localName === name) return e;
  }
  return null;
}

function children(parent: Element, ns: string, name: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    const e = n as Element;
    if (e.nodeType === 1 && e.namespaceURI === ns && e.localName === name) out.push(e);
  }
  return out;
}

const text = (e: Element | null) => (e?.textContent ?? "").replace(/\s+/g, "");

export async function verifyZxp(buffer: Buffer, options: VerifyOptions = {}): Promise<Verdict> {
  const checks: Check[] = [];
  const add = (name: CheckName, ok: boolean, detail: string) => checks.push({ name, ok, detail });
  const verdict = (
    files = 0,
    certificate: CertificateInfo | null = null,
    timestamp: Verdict["timestamp"] = null,
  ): Verdict => {
    const failed = checks.find((c) => !c.ok);
    return {
      ok: !failed,
      firstProblem: failed ? `${failed.name}: ${failed.detail}` : null,
      checks,
      files,
      certificate,
      timestamp,
    };
  };

  let entries: ZipEntry[];
  try {
    const zip = await readZipWithHeaders(buffer);
    entries = zip.entries;
    add("zip", true, `${entries.length} entries`);
    // what an installer would write where: checked before anything the names point at is trusted
    const namesProblem = packageNamesProblem(zip);
    add(
      "names",
      !namesProblem,
      namesProblem ?? "every name is a relative path inside the package, the same in both headers, once",
    );
  } catch (e) {
    add("zip", false, `not a readable zip: ${(e as Error).message}`);
    return verdict();
  }

  const first = entries[0];
  const mimetype = entries.find((e) => e.name === "mimetype");
  if (!first || first.name !== "mimetype") {
    add(
      "layout",
      false,
      `the first zip entry is "${first?.name}", not "mimetype" (the package was re-zipped after signing?)`,
    );
  } else if (first.compressionMethod !== 0) {
    add("layout", false, `"mimetype" is compressed (method ${first.compressionMethod}); it must be stored`);
  } else if (first.data.toString("latin1") !== MIMETYPE) {
    add("layout", false, `"mimetype" holds "${first.data.toString("latin1")}", not "${MIMETYPE}"`);
  } else {
    add("layout", true, "mimetype is first, stored, and exact");
  }
  if (!mimetype) add("layout", false, 'there is no "mimetype" entry');

  const sigEntry = entries.find((e) => e.name === SIGNATURES_PATH);
  if (!sigEntry) {
    add("signature-file", false, `${SIGNATURES_PATH} is missing: the package is not signed`);
    return verdict();
  }
  let signature: Element | null;
  try {
    const doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== "warning") throw new Error(msg);
      },
    }).parseFromString(sigEntry.data.toString("utf8"), "text/xml");
    signature = (Array.from(doc.getElementsByTagNameNS(DSIG_NS, "Signature"))[0] as Element) ?? null;
  } catch (e) {
    add("signature-file", false, `${SIGNATURES_PATH} is not well-formed XML: ${(e as Error).message}`);
    return verdict();
  }
  const signedInfo = signature && child(signature, DSIG_NS, "SignedInfo");
  const manifest = signature
    ? ((Array.from(signature.getElementsByTagNameNS(DSIG_NS, "Manifest")) as Element[]).find(
        (m) => m.getAttribute("Id") === "PackageContents",
      ) ?? null)
    : null;
  if (!signature || !signedInfo || !manifest) {
    add("signature-file", false, "no Signature with SignedInfo and the PackageContents Manifest");
    return verdict();
  }
  add("signature-file", true, "XML-DSig signature with a PackageContents manifest");

  // Every file's digest, over its raw bytes.
  const files = new Map(entries.filter((e) => !e.isDirectory).map((e) => [e.name, e]));
  const referenced = new Set<string>();
  let digestProblem: string | null = null;
  const refs = children(manifest, DSIG_NS, "Reference");
  for (const ref of refs) {
    const path = decodeUri(ref.getAttribute("URI") ?? "");
    referenced.add(path);
    const file = files.get(path);
    const method = child(ref, DSIG_NS, "DigestMethod")?.getAttribute("Algorithm");
    if (!file) digestProblem ??= `"${path}" is listed in the manifest but not in the package`;
    else if (method !== SHA256) digestProblem ??= `"${path}" uses digest ${method}, expected SHA-256`;
    else if (sha256(file.data) !== text(child(ref, DSIG_NS, "DigestValue")))
      digestProblem ??= `"${path}" was changed after signing (its SHA-256 digest does not match)`;
  }
  add("file-digests", !digestProblem, digestProblem ?? `${refs.length} file digests match`);
  const unsignedAll = [...files.keys()].filter((n) => n !== SIGNATURES_PATH && !referenced.has(n));
  const unsigned = unsignedAll.filter((n) => !isOsMetadata(n));
  const skipped = unsignedAll.length - unsigned.length;
  add(
    "unsigned-files",
    unsigned.length === 0,
    unsigned.length
      ? `files not covered by the signature: ${unsigned.slice(0, 5).join(", ")}`
      : `every file is signed${skipped ? ` (${skipped} OS metadata file(s) such as .DS_Store are unsigned, as ZXPSignCmd leaves them)` : ""}`,
  );

  // The manifest's digest, over its canonical form.
  const reference = children(signedInfo, DSIG_NS, "Reference").find(
    (r) => r.getAttribute("URI") === "#PackageContents",
  );
  const c14nMethod = child(signedInfo, DSIG_NS, "CanonicalizationMethod")?.getAttribute("Algorithm");
  const sigMethod = child(signedInfo, DSIG_NS, "SignatureMethod")?.getAttribute("Algorithm");
  if (!reference) add("manifest-digest", false, "SignedInfo has no Reference to #PackageContents");
  else if (sha256(canonicalize(manifest)) !== text(child(reference, DSIG_NS, "DigestValue"))) {
    add(
      "manifest-digest",
      false,
      "the manifest was edited after signing (its canonical digest does not match SignedInfo)",
    );
  } else add("manifest-digest", true, "manifest digest matches SignedInfo");

  // The signature over canonical SignedInfo, with the embedded certificate.
  let certificate: CertificateInfo | null = null;
  let x509: crypto.X509Certificate | null = null;
  try {
    const der = Buffer.from(text(signature.getElementsByTagNameNS(DSIG_NS, "X509Certificate")[0] as Element), "base64");
    x509 = new crypto.X509Certificate(der);
    certificate = {
      subject: x509.subject.replace(/\n/g, ", "),
      issuer: x509.issuer.replace(/\n/g, ", "),
      validFrom: new Date(x509.validFrom).toISOString(),
      validTo: new Date(x509.validTo).toISOString(),
      fingerprint256: x509.fingerprint256,
      selfSigned: x509.checkIssued(x509),
    };
  } catch (e) {
    add("certificate", false, `no readable X509 certificate in KeyInfo: ${(e as Error).message}`);
  }
  const signatureValue = child(signature, DSIG_NS, "SignatureValue");
  if (x509) {
    if (c14nMethod !== C14N || sigMethod !== RSA_SHA1) {
      add(
        "signature",
        false,
        `unexpected algorithms (${c14nMethod}, ${sigMethod}); ZXPs use inclusive C14N and RSA-SHA1`,
      );
    } else {
      const ok = crypto.verify(
        "RSA-SHA1",
        Buffer.from(canonicalize(signedInfo), "utf8"),
        x509.publicKey,
        Buffer.from(text(signatureValue), "base64"),
      );
      add(
        "signature",
        ok,
        ok
          ? "RSA-SHA1 signature verifies with the package certificate"
          : "the signature does not verify with the package certificate (re-signed with another key, or SignedInfo edited)",
      );
    }
    const pinned = options.expectedFingerprint256?.toUpperCase();
    if (pinned && pinned !== x509.fingerprint256)
      add("certificate", false, `signed by ${x509.fingerprint256}, expected ${pinned}`);
    else
      add(
        "certificate",
        true,
        `${certificate!.subject}${certificate!.selfSigned ? " (self-signed)" : ""}, valid ${certificate!.validFrom.slice(0, 10)} to ${certificate!.validTo.slice(0, 10)}`,
      );
  }

  // An RFC 3161 timestamp over the canonical SignatureValue element, when attached.
  const stamped = await checkSignatureTimestamp(signature, options.now);
  if (stamped) add("timestamp", stamped.ok, stamped.detail);
  const timestamp = stamped?.timestamp ?? null;
  return verdict(refs.length, certificate, timestamp);
}
