// Builds dist/cep once per test run: the build tests, the simulator tests and the browser
// smoke test all check the real built output, never the sources. It runs as its own process
// because the build must not see Vitest's environment (the cep() plugin is off under VITEST).
import { execFileSync } from "node:child_process";
import path from "node:path";

export default function setup(): void {
  if (process.env.SKIP_TEST_BUILD === "1") return;
  const root = path.resolve(import.meta.dirname, "../..");
  const env = { ...process.env };
  delete env.VITEST;
  delete env.VITEST_MODE;
  delete env.NODE_ENV;
  execFileSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/build.ts"], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
}
