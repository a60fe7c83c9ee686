import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const DIST = path.join(ROOT, "dist/cep");
export const JSX_BUNDLE = path.join(DIST, "jsx/index.js");
export const SHARED = path.resolve(ROOT, "../shared");

export function panelBundle(): string {
  const file = fs.readdirSync(path.join(DIST, "assets")).find((f) => f.endsWith(".js"));
  if (!file) throw new Error("no panel bundle in dist/cep/assets");
  return path.join(DIST, "assets", file);
}
