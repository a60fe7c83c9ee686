// Chromium 88, CEP 11's browser engine, from chrome-aws-lambda's brotli-packed binary, driven by
// puppeteer-core 5.5 (Playwright's injected script needs Chromium 105+, so its clicks fail here).
// Playwright can still launch and evaluate in it: once unpacked, the worker tests run there with
// CHROMIUM_PATH=.cache/chromium88/chromium npx vitest run tests/e2e/embedding-worker.test.ts
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { Browser, PuppeteerNode } from "puppeteer-core/lib/cjs/puppeteer/api-docs-entry.js";
import { HEADLESS_FLAGS } from "./chromium";
import { ROOT } from "./paths";

const PACKED = path.join(ROOT, "node_modules/chrome-aws-lambda/bin/chromium.br");
const CACHE = path.join(ROOT, ".cache/chromium88");
export const CHROMIUM88_PATH = path.join(CACHE, "chromium");

// puppeteer-core 5.5's entry point has no typings; its compiled declarations describe the same object
const puppeteer = createRequire(import.meta.url)("puppeteer-core") as PuppeteerNode;

/** Unpacks chromium.br once into .cache/chromium88/ and returns the executable's path. */
export function chromium88Path(): string {
  if (fs.existsSync(CHROMIUM88_PATH)) return CHROMIUM88_PATH;
  if (!fs.existsSync(PACKED)) throw new Error(`Chromium 88 not found: ${PACKED} is missing (chrome-aws-lambda@5.5.0)`);
  fs.mkdirSync(CACHE, { recursive: true });
  // unpack beside the target and rename: two test files starting at once never see half a binary
  const partial = `${CHROMIUM88_PATH}.${process.pid}.part`;
  try {
    execFileSync("brotli", ["--decompress", "--force", `--output=${partial}`, PACKED], { stdio: "pipe" });
  } catch (e) {
    fs.rmSync(partial, { force: true });
    const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
    throw new Error(
      missing
        ? "Chromium 88 cannot be unpacked: the 'brotli' command is missing (run scripts/ensure-system-packages.sh)"
        : `Chromium 88 cannot be unpacked: ${String((e as { stderr?: Buffer }).stderr ?? e)}`,
      { cause: e },
    );
  }
  fs.chmodSync(partial, 0o755);
  fs.renameSync(partial, CHROMIUM88_PATH);
  return CHROMIUM88_PATH;
}

export interface Chromium88 {
  browser: Browser;
  version: string;
  close(): Promise<void>;
}

/** Launches Chromium 88 headless with a fresh profile; close() also removes the profile. */
export async function launchChromium88(): Promise<Chromium88> {
  const executablePath = chromium88Path();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rl-chromium88-"));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      userDataDir,
      timeout: 30_000,
      args: HEADLESS_FLAGS,
    });
  } catch (e) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw new Error(`Chromium 88 (${executablePath}) did not start: ${(e as Error).message}`, { cause: e });
  }
  return {
    browser,
    version: await browser.version(),
    async close() {
      await browser.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
