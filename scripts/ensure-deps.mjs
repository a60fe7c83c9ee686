// prestart/pretest: on a fresh clone, install the locked dependencies first, so that
// `npm start` and `npm test` are the only two commands anyone needs.
import { execSync } from "node:child_process";
import fs from "node:fs";

const installed = "node_modules/.package-lock.json";
const stale = !fs.existsSync(installed) || fs.statSync("package-lock.json").mtimeMs > fs.statSync(installed).mtimeMs;
if (stale) {
  console.log("installing dependencies (npm ci)…");
  execSync("npm ci", { stdio: "inherit" });
}
