// RFC 3161 timestamps (pkijs): the request for a SHA-256 imprint, the POST to a TSA, and reading
// a TimeStampResp back (its TSTInfo, the TSA certificate, and a check of its CMS signature).
import crypto from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

export const SHA256_OID = "2.16.840.1.101.3.4.2.1";
const TST_INFO_OID = "1.2.840.113549.1.9.16.1.4";
const COMMON_NAME_OID = "2.5.4.3";

/** Digest algorithms a TSTInfo may name, as Node's crypto calls them. */
const HASH_NAMES: Record<string, string> = {
  "1.3.14.3.2.26": "sha1",
  [SHA256_OID]: "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512",
};

export function timestampRequest(imprint: Buffer, nonce = crypto.randomBytes(8)): Buffer {
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_OID }),
      hashedMessage: new asn1js.OctetString({ valueHex: imprint }),
    }),
    nonce: new asn1js.Integer({ valueHex: nonce }),
    certReq: true,
  });
  return Buffer.from(req.toSchema().toBER(false));
}

/** POSTs the request; resolves with the DER TimeStampResp, or fails saying what the TSA said. */
export async function requestTimestamp(
  tsaUrl: string,
  imprint: Buffer,
  fetchImpl: typeof fetch = fetch,
): Promise<Buffer> {
  const response = await fetchImpl(tsaUrl, {
    method: "POST",
    headers: { "content-type": "application/timestamp-query" },
    body: new Uint8Array(timestampRequest(imprint)),
  });
  if (!response.ok) throw new Error(`the timestamp server ${tsaUrl} answered HTTP ${response.status}`);
  const der = Buffer.from(await response.arrayBuffer());
  const resp = pkijs.TimeStampResp.fromBER(new Uint8Array(der));
  if (resp.status.status > 1 || !resp.timeStampToken) {
    throw new Error(`the timestamp server ${tsaUrl} refused the request (PKIStatus ${resp.status.status})`);
  }
  return der;
}

export interface TimestampToken {
  /** the TSTInfo's digest algorithm as Node names it (sha1, sha256…), or its OID when unknown */
  hashAlgorithm: string;
  messageImprint: Buffer;
  genTime: Date;
  tsa: string;
  /** the TSA certificate's validity, when the token carries it */
  tsaValidity: { from: Date; to: Date } | null;
  /** checks the CMS signature and that the imprint is the digest of this data; throws when not */
  verify(timestampedData: Buffer): Promise<void>;
}

function signerCertificate(signed: pkijs.SignedData): pkijs.Certificate | undefined {
  const sid = signed.signerInfos[0]?.sid;
  const certificates = (signed.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    const found = certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
    if (found) return found;
  }
  return certificates[0];
}

/** Reads a DER TimeStampResp (as XAdES EncapsulatedTimeStamp holds it in a ZXP). */
export function readTimestampToken(respDer: Buffer): TimestampToken {
  const resp = pkijs.TimeStampResp.fromBER(new Uint8Array(respDer));
  if (!resp.timeStampToken) throw new Error(`no token (PKIStatus ${resp.status.status})`);
  const signed = new pkijs.SignedData({ schema: resp.timeStampToken.content });
  if (signed.encapContentInfo.eContentType !== TST_INFO_OID) throw new Error("the token does not hold a TSTInfo");
  const tst = pkijs.TSTInfo.fromBER(signed.encapContentInfo.eContent!.getValue());
  const cert = signerCertificate(signed);
  const cn = cert?.subject.typesAndValues.find((t) => t.type === COMMON_NAME_OID)?.value.valueBlock.value;
  const oid = tst.messageImprint.hashAlgorithm.algorithmId;
  return {
    hashAlgorithm: HASH_NAMES[oid] ?? oid,
    messageImprint: Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView),
    genTime: tst.genTime,
    tsa: typeof cn === "string" ? cn : "unknown TSA",
    tsaValidity: cert ? { from: cert.notBefore.value, to: cert.notAfter.value } : null,
    async verify(timestampedData) {
      // pkijs checks the TSTInfo imprint against the data and the CMS signature with the TSA
      // certificate; no chain or date check here (the verifier reports the certificate's dates)
      try {
        await signed.verify({ signer: 0, checkChain: false, data: new Uint8Array(timestampedData).buffer });
      } catch (e) {
        throw new Error(`the timestamp token does not verify: ${(e as Error).message}`, { cause: e });
      }
    },
  };
}
