// npm run zxp [-- --with-model <dir>] [--config studio.json] [--p12 cert.p12] [--tsa <url>] [--sourcemaps]
// Builds the extension and writes a signed dist/zxp/<id>-<version>.zxp on any OS.
// Without --p12 it signs with a self-signed certificate kept in .cache/zxp/ (made on first use
// from cep.config.ts's country/organisation or ZXP_COUNTRY/ZXP_ORG; password from ZXP_PASSWORD or
// generated there). A studio .p12 takes its password from ZXP_P12_PASSWORD.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import cepConfig from "../cep.config.ts";
import { buildExtension } from "./build";
import { createSelfSigned, readP12, writeP12, type SigningIdentity } from "../src/zxp/certificate";
import { packageExtension } from "../src/zxp/package-extension";
import { verifyZxp } from "../src/zxp/verify-zxp";

const root = path.resolve(import.meta.dirname, "..");

export function studioIdentity(cacheDir = path.join(root, ".cache/zxp")): SigningIdentity {
  const p12 = path.join(cacheDir, "selfsigned.p12");
  const passwordFile = path.join(cacheDir, "selfsigned.password");
  fs.mkdirSync(cacheDir, { recursive: true });
  if (!process.env.ZXP_PASSWORD && !fs.existsSync(passwordFile)) {
    fs.writeFileSync(passwordFile, crypto.randomBytes(24).toString("base64url"), { mode: 0o600 });
  }
  const password = process.env.ZXP_PASSWORD ?? fs.readFileSync(passwordFile, "utf8").trim();
  if (!fs.existsSync(p12)) {
    const { pem } = createSelfSigned({
      country: process.env.ZXP_COUNTRY || cepConfig.zxp.country || "US",
      province: process.env.ZXP_PROVINCE || cepConfig.zxp.province || undefined,
      organization: process.env.ZXP_ORG || cepConfig.zxp.org || cepConfig.displayName,
      commonName: cepConfig.displayName,
    });
    writeP12(p12, pem, password);
    console.log(
      `made a self-signed certificate: ${path.relative(root, p12)} (keep it: updates must be signed by the same certificate)`,
    );
  }
  return readP12(p12, password);
}

async function main() {
  const { values } = parseArgs({
    options: {
      "with-model": { type: "string" },
      config: { type: "string" },
      p12: { type: "string" },
      tsa: { type: "string" },
      sourcemaps: { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
    },
  });
  if (!values["no-build"]) await buildExtension();
  const identity = values.p12 ? readP12(values.p12, process.env.ZXP_P12_PASSWORD ?? "") : studioIdentity();
  const { zxp, files } = await packageExtension({
    extensionDir: path.join(root, "dist/cep"),
    identity,
    modelDir: values["with-model"],
    studioConfigFile: values.config,
    includeSourceMaps: values.sourcemaps,
    tsaUrl: values.tsa ?? process.env.ZXP_TSA_URL,
  });
  const out = path.join(root, "dist/zxp", `${cepConfig.id}-${cepConfig.version}.zxp`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, zxp);
  const verdict = await verifyZxp(zxp);
  console.log(`${path.relative(root, out)}: ${(zxp.length / 1e6).toFixed(2)} MB, ${files.length} files`);
  console.log(`signed by ${verdict.certificate?.subject} (SHA-256 ${verdict.certificate?.fingerprint256})`);
  console.log(verdict.ok ? "verified: OK" : `verification FAILED: ${verdict.firstProblem}`);
  if (!verdict.ok) process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(`zxp: ${(e as Error).message}`);
    process.exit(1);
  });
}
