// npm run zxp:verify <file.zxp> [-- --expect-fingerprint <SHA-256>]
// Checks zip layout, every file digest, the manifest digest, the signature and any timestamp;
// prints each check and a verdict naming the first problem. Exit code 1 when it fails.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { verifyZxp } from "../src/zxp/verify-zxp";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "expect-fingerprint": { type: "string" } },
});
const file = positionals[0];
if (!file) {
  console.error("usage: npm run zxp:verify <file.zxp> [-- --expect-fingerprint <SHA-256>]");
  process.exit(2);
}
if (!fs.existsSync(file)) {
  console.error(`zxp:verify: ${file} does not exist`);
  process.exit(2);
}
const verdict = await verifyZxp(fs.readFileSync(file), { expectedFingerprint256: values["expect-fingerprint"] });
for (const c of verdict.checks) console.log(`${c.ok ? "ok  " : "FAIL"} ${c.name.padEnd(16)} ${c.detail}`);
console.log(verdict.ok ? `VALID: ${file} (${verdict.files} files)` : `INVALID: ${file}: ${verdict.firstProblem}`);
process.exit(verdict.ok ? 0 : 1);
