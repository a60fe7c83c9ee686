// A local RFC 3161 timestamp authority for tests (no network): it parses each TimeStampReq,
// answers a TimeStampResp whose token is a CMS SignedData over a TSTInfo, signed with a
// self-signed TSA certificate it makes at start.
import http from "node:http";
import type { AddressInfo } from "node:net";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

export interface TestTsa {
  url: string;
  requests: Array<{ hashAlgorithm: string; imprint: Buffer; certReq: boolean; hasNonce: boolean }>;
  close(): Promise<void>;
}

async function tsaCertificate() {
  const crypto = pkijs.getCrypto(true);
  const keys = (await crypto.generateKey(
    { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
    true,
    ["sign", "verify"],
  )) as CryptoKeyPair;
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: 7 });
  const name = [
    new pkijs.AttributeTypeAndValue({
      type: "2.5.4.3",
      value: new asn1js.Utf8String({ value: "Reference Lookup Test TSA" }),
    }),
  ];
  cert.issuer.typesAndValues = name;
  cert.subject.typesAndValues = name;
  cert.notBefore.value = new Date(Date.now() - 86_400_000);
  cert.notAfter.value = new Date(Date.now() + 86_400_000);
  const eku = new pkijs.ExtKeyUsage({ keyPurposes: ["1.3.6.1.5.5.7.3.8"] }); // timeStamping
  cert.extensions = [
    new pkijs.Extension({
      extnID: "2.5.29.37",
      critical: true,
      extnValue: eku.toSchema().toBER(false),
      parsedValue: eku,
    }),
  ];
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  await cert.sign(keys.privateKey, "SHA-256");
  return { cert, privateKey: keys.privateKey };
}

export async function startTestTsa(): Promise<TestTsa> {
  const { cert, privateKey } = await tsaCertificate();
  const requests: TestTsa["requests"] = [];
  let serial = 1;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        if (req.headers["content-type"] !== "application/timestamp-query") throw new Error("wrong content type");
        const tsReq = pkijs.TimeStampReq.fromBER(new Uint8Array(Buffer.concat(chunks)));
        requests.push({
          hashAlgorithm: tsReq.messageImprint.hashAlgorithm.algorithmId,
          imprint: Buffer.from(tsReq.messageImprint.hashedMessage.valueBlock.valueHexView),
          certReq: Boolean(tsReq.certReq),
          hasNonce: Boolean(tsReq.nonce),
        });
        const tstInfo = new pkijs.TSTInfo({
          version: 1,
          policy: "1.3.6.1.4.1.99999.1",
          messageImprint: tsReq.messageImprint,
          serialNumber: new asn1js.Integer({ value: serial++ }),
          genTime: new Date(),
          ordering: false,
          ...(tsReq.nonce ? { nonce: tsReq.nonce } : {}),
        });
        const signed = new pkijs.SignedData({
          version: 3,
          encapContentInfo: new pkijs.EncapsulatedContentInfo({
            eContentType: "1.2.840.113549.1.9.16.1.4",
            eContent: new asn1js.OctetString({ valueHex: tstInfo.toSchema().toBER(false) }),
          }),
          signerInfos: [
            new pkijs.SignerInfo({
              version: 1,
              sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
            }),
          ],
          certificates: tsReq.certReq ? [cert] : [cert],
        });
        await signed.sign(privateKey, 0, "SHA-256");
        const resp = new pkijs.TimeStampResp({
          status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
          timeStampToken: new pkijs.ContentInfo({
            contentType: "1.2.840.113549.1.7.2",
            content: signed.toSchema(true),
          }),
        });
        res.writeHead(200, { "content-type": "application/timestamp-reply" });
        res.end(Buffer.from(resp.toSchema().toBER(false)));
      } catch (e) {
        res.writeHead(400);
        res.end((e as Error).message);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
