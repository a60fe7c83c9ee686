// The builds the test projects need, each made at most once per Vitest run: the ExtendScript
// bundle (dist/cep/jsx) for the host and store tests, the whole extension for the tests of the
// built panel. Every project's global setup runs in Vitest's one main process, each through its
// own module runner, so what was built is kept on globalThis, not in this module.
// The builds run as their own processes: they must not see Vitest's environment (the cep()
// plugin is off under VITEST). SKIP_TEST_BUILD=1 uses the dist/ that is there.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type Build = "jsx" | "full";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DIST = path.join(ROOT, "dist/cep");
const built: Set<Build> = ((globalThis as { __testBuilds?: Set<Build> }).__testBuilds ??= new Set());

function run(args: string[]): void {
  const env = { ...process.env };
  delete env.VITEST;
  delete env.VITEST_MODE;
  delete env.NODE_ENV;
  execFileSync(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
}

const tsx = (script: string) => run([path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), script]);

/** The panel alone (Vite), into a dist/cep emptied of earlier builds but for the jsx bundle. */
function buildPanelBesideJsx(): void {
  for (const entry of fs.existsSync(DIST) ? fs.readdirSync(DIST) : [])
    if (entry !== "jsx") fs.rmSync(path.join(DIST, entry), { recursive: true, force: true });
  run([path.join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"]);
}

export function ensureBuilt(need: Build): void {
  if (process.env.SKIP_TEST_BUILD === "1" || built.has(need) || built.has("full")) return;
  if (need === "jsx") tsx("scripts/build-jsx.ts");
  else if (built.has("jsx")) {
    buildPanelBesideJsx();
    tsx("scripts/build-uxp.ts"); // the UXP plugin and the preview's stand-in for it
  } else tsx("scripts/build.ts");
  built.add(need);
}
