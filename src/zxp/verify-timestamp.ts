// The RFC 3161 timestamp of a ZXP signature, checked as Adobe's tools make it (docs/facts/premiere-and-cep.md).
// ZXPSignCmd's TSA request hashes the canonical <SignatureValue> element with its base64 text
// stripped of line breaks (the element before the value was wrapped for output), with the
// TSTInfo's own algorithm (SHA-1 in older packages, SHA-256 in newer ones). Packages made by our
// signer before it matched that hashed the element as it stands (wrapped); both are accepted and
// the verdict says which matched. An expired TSA certificate is reported, not refused: the
// timestamp's point is that the signature was made while the certificates were valid.
import crypto from "node:crypto";
import type { Element } from "@xmldom/xmldom";
import { canonicalize } from "./canonical-xml";
import { readTimestampToken } from "./timestamp";
import { DSIG_NS, XADES_NS } from "./zxp-format";

export type TimestampedForm = "imprint" | "wrapped";

export interface TimestampInfo {
  genTime: string;
  tsa: string;
  hashAlgorithm: string;
  /** which form of the SignatureValue element the imprint is over; null when neither */
  form: TimestampedForm | null;
  /** the TSA certificate's end of validity, and whether that is past */
  tsaValidTo: string | null;
  tsaCertificateExpired: boolean;
}

export interface TimestampCheck {
  ok: boolean;
  detail: string;
  timestamp: TimestampInfo | null;
}

/** The canonical SignatureValue element in each form a timestamp may cover. */
export function timestampedForms(signatureValue: Element): Record<TimestampedForm, Buffer> {
  const wrapped = canonicalize(signatureValue);
  // base64 holds no '<' or '>': the element's one text node is everything between them
  const imprint = wrapped.replace(/>([^<]*)</, (_m, value: string) => `>${value.replace(/\s+/g, "")}<`);
  return { imprint: Buffer.from(imprint, "utf8"), wrapped: Buffer.from(wrapped, "utf8") };
}

const FORM_NAMES: Record<TimestampedForm, string> = {
  imprint: "ZXPSignCmd's imprint form (base64 without line breaks)",
  wrapped: "the wrapped form as it stands in the file",
};

/** Null when the signature carries no timestamp. */
export async function checkSignatureTimestamp(signature: Element, now = new Date()): Promise<TimestampCheck | null> {
  const encapsulated = signature.getElementsByTagNameNS(XADES_NS, "EncapsulatedTimeStamp")[0] as Element | undefined;
  if (!encapsulated) return null;
  const signatureValue = signature.getElementsByTagNameNS(DSIG_NS, "SignatureValue")[0] as Element | undefined;
  if (!signatureValue) return { ok: false, detail: "a timestamp but no SignatureValue to cover", timestamp: null };
  let token;
  try {
    token = readTimestampToken(Buffer.from((encapsulated.textContent ?? "").replace(/\s+/g, ""), "base64"));
  } catch (e) {
    return { ok: false, detail: `unreadable RFC 3161 timestamp: ${(e as Error).message}`, timestamp: null };
  }
  if (!crypto.getHashes().includes(token.hashAlgorithm)) {
    return { ok: false, detail: `the timestamp uses an unknown digest (${token.hashAlgorithm})`, timestamp: null };
  }
  const forms = timestampedForms(signatureValue);
  const digest = (data: Buffer) => crypto.createHash(token.hashAlgorithm).update(data).digest();
  const form = (Object.keys(forms) as TimestampedForm[]).find((f) => digest(forms[f]).equals(token.messageImprint));
  const validTo = token.tsaValidity?.to ?? null;
  const timestamp: TimestampInfo = {
    genTime: token.genTime.toISOString(),
    tsa: token.tsa,
    hashAlgorithm: token.hashAlgorithm,
    form: form ?? null,
    tsaValidTo: validTo ? validTo.toISOString() : null,
    tsaCertificateExpired: validTo ? validTo < now : false,
  };
  if (!form) {
    return {
      ok: false,
      detail: `the timestamp is not over this signature value (its ${token.hashAlgorithm} imprint matches neither ${FORM_NAMES.imprint} nor ${FORM_NAMES.wrapped})`,
      timestamp,
    };
  }
  try {
    await token.verify(forms[form]);
  } catch (e) {
    return { ok: false, detail: (e as Error).message, timestamp };
  }
  const validity = token.tsaValidity;
  if (validity && (token.genTime < validity.from || token.genTime > validity.to)) {
    return {
      ok: false,
      detail: `timestamped ${timestamp.genTime}, outside its TSA certificate's validity (${validity.from.toISOString()} to ${validity.to.toISOString()})`,
      timestamp,
    };
  }
  const expiry = timestamp.tsaCertificateExpired
    ? `; the TSA certificate expired ${timestamp.tsaValidTo!.slice(0, 10)}, after the timestamp was made (reported, not refused)`
    : "";
  return {
    ok: true,
    detail: `timestamped ${timestamp.genTime} by ${token.tsa} over ${FORM_NAMES[form]}, ${token.hashAlgorithm}${expiry}`,
    timestamp,
  };
}
