import fs from "node:fs";
import type { BrowserType, LaunchOptions } from "playwright-core";

/** Headless without background traffic: this machine has no network (docs/facts/measured.md). */
export const HEADLESS_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium, headless, no background network traffic. launch() gives a fresh profile. */
export function launchChromium(type: BrowserType, extra: LaunchOptions = {}) {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run 'npm test' (it installs Debian's chromium) or set CHROMIUM_PATH`,
    );
  }
  return type.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    ...extra,
    args: [...HEADLESS_FLAGS, "--disable-sync", ...(extra.args ?? [])],
  });
}
