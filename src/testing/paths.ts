import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const DIST = path.join(ROOT, "dist/cep");
export const JSX_BUNDLE = path.join(DIST, "jsx/index.js");
/** The team's shared folder beside the checkout (a worktree in ../wt/<name> finds it one level up). */
export const SHARED =
  [path.resolve(ROOT, "../shared"), path.resolve(ROOT, "../../shared")].find((dir) => fs.existsSync(dir)) ??
  path.resolve(ROOT, "../shared");

/** A built asset by its name's start, e.g. "main-" or "embedding.worker-". */
export function builtAsset(prefix: string): string {
  const file = fs.readdirSync(path.join(DIST, "assets")).find((f) => f.startsWith(prefix) && f.endsWith(".js"));
  if (!file) throw new Error(`no ${prefix}*.js in dist/cep/assets`);
  return path.join(DIST, "assets", file);
}

export const panelBundle = () => builtAsset("main-");
