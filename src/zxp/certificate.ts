// The signing identity: a studio's own .p12, or a self-signed certificate this tool makes (as
// ZXPSignCmd -selfSignedCert does), RSA 2048 with SHA-256, kept outside the repository.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import forge from "node-forge";

export interface SigningIdentity {
  privateKey: crypto.KeyObject;
  /** DER of the X509 certificate that goes into KeyInfo */
  certificateDer: Buffer;
}

export interface SelfSignedOptions {
  country: string;
  province?: string;
  organization: string;
  commonName?: string;
  validityDays?: number;
}

export function createSelfSigned(options: SelfSignedOptions): {
  identity: SigningIdentity;
  pem: { key: string; cert: string };
} {
  const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  cert.serialNumber = crypto
    .randomBytes(8)
    .toString("hex")
    .replace(/^[89a-f]/, "1");
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + (options.validityDays ?? 3650) * 86_400_000);
  const attrs = [
    { shortName: "C", value: options.country },
    ...(options.province ? [{ shortName: "ST", value: options.province }] : []),
    { shortName: "O", value: options.organization },
    { shortName: "CN", value: options.commonName ?? options.organization },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true },
  ]);
  const keyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  return {
    identity: {
      privateKey,
      certificateDer: Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), "binary"),
    },
    pem: { key: keyPem, cert: certPem },
  };
}

export function writeP12(file: string, pem: { key: string; cert: string }, password: string): void {
  const p12 = forge.pkcs12.toPkcs12Asn1(
    forge.pki.privateKeyFromPem(pem.key),
    [forge.pki.certificateFromPem(pem.cert)],
    password,
    {
      algorithm: "3des",
    },
  );
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.from(forge.asn1.toDer(p12).getBytes(), "binary"), { mode: 0o600 });
}

export function readP12(file: string, password: string): SigningIdentity {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(fs.readFileSync(file).toString("binary")), password);
  } catch (e) {
    throw new Error(
      `cannot open ${file}: ${(e as Error).message.includes("Invalid password") ? "wrong password" : (e as Error).message}`,
      { cause: e },
    );
  }
  const keyBag = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ][0];
  const certBag = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])[0];
  if (!keyBag?.key || !certBag?.cert) throw new Error(`${file} holds no private key and certificate`);
  return {
    privateKey: crypto.createPrivateKey(forge.pki.privateKeyToPem(keyBag.key)),
    certificateDer: Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certBag.cert)).getBytes(), "binary"),
  };
}
