// RFC 3161 timestamps (pkijs): the request for a SHA-256 imprint, the POST to a TSA, and reading
// the token back. ZXPSignCmd timestamps the canonical SignatureValue element.
import crypto from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

export const SHA256_OID = "2.16.840.1.101.3.4.2.1";
const TST_INFO_OID = "1.2.840.113549.1.9.16.1.4";

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
  hashAlgorithm: "sha256" | string;
  messageImprint: Buffer;
  genTime: Date;
  tsa: string;
  signatureValid: boolean;
}

/** Reads a TimeStampResp and checks its token's signature and imprint over the timestamped data. */
export async function readTimestampToken(respDer: Buffer, timestampedData: Buffer): Promise<TimestampToken> {
  const resp = pkijs.TimeStampResp.fromBER(new Uint8Array(respDer));
  if (!resp.timeStampToken) throw new Error(`no token (PKIStatus ${resp.status.status})`);
  const signed = new pkijs.SignedData({ schema: resp.timeStampToken.content });
  if (signed.encapContentInfo.eContentType !== TST_INFO_OID) throw new Error("the token does not hold a TSTInfo");
  const eContent = signed.encapContentInfo.eContent!;
  const tst = pkijs.TSTInfo.fromBER(eContent.getValue());
  const cert = signed.certificates?.[0] as pkijs.Certificate | undefined;
  const cn = cert?.subject.typesAndValues.find((t) => t.type === "2.5.4.3")?.value.valueBlock.value;
  // pkijs checks the TSTInfo imprint against the data and the CMS signature with the TSA certificate
  const signatureValid = await signed
    .verify({ signer: 0, checkChain: false, data: new Uint8Array(timestampedData).buffer })
    .catch((e: Error) => {
      throw new Error(`the timestamp token does not verify: ${e.message}`);
    });
  return {
    hashAlgorithm:
      tst.messageImprint.hashAlgorithm.algorithmId === SHA256_OID
        ? "sha256"
        : tst.messageImprint.hashAlgorithm.algorithmId,
    messageImprint: Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView),
    genTime: tst.genTime,
    tsa: typeof cn === "string" ? cn : "unknown TSA",
    signatureValid,
  };
}
