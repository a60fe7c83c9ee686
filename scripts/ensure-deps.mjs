// prestart/pretest: on a fresh clone, install the locked dependencies first, so that
// `npm start` and `npm test` are the only two commands anyone needs.
import { execSync } from "node:child_process";
import fs from "node:fs";

const installed = "node_modules/.package-lock.json";
// A symlinked node_modules is an install shared by several worktrees: `npm ci` would empty the
// folder it points to (every worktree's packages) before installing, so it is never run on one.
const shared = fs.lstatSync("node_modules", { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
const stale = !fs.existsSync(installed) || fs.statSync("package-lock.json").mtimeMs > fs.statSync(installed).mtimeMs;
if (stale && shared) {
  console.warn("node_modules is a shared install (a symlink) older than package-lock.json: not reinstalling it here.");
} else if (stale) {
  console.log("installing dependencies (npm ci)…");
  execSync("npm ci", { stdio: "inherit" });
}
