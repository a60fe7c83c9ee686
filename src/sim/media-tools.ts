// ffmpeg and ffprobe for the simulator (the sample media, what Premiere reads from an imported
// file, Premiere's frame export): the system's when it is on PATH (npm test installs Debian's),
// else the static builds that @ffmpeg-installer and @ffprobe-installer ship inside their npm
// tarballs, so that `npm start` needs no system package (ADR 0031).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";

export type MediaTool = "ffmpeg" | "ffprobe";

export interface ResolvedTool {
  /** what to run: the bare name (found on PATH) or the npm package's binary */
  command: string;
  source: "system" | "npm";
}

const NPM_PACKAGE: Record<MediaTool, string> = {
  ffmpeg: "@ffmpeg-installer/ffmpeg",
  ffprobe: "@ffprobe-installer/ffprobe",
};

const resolved = new Map<MediaTool, ResolvedTool | null>();

function runs(command: string): boolean {
  try {
    execFileSync(command, ["-version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The package's binary, executable (npm may skip the package's own `chmod u+x` postinstall). */
function npmBinary(tool: MediaTool): string | null {
  try {
    const file = (createRequire(import.meta.url)(NPM_PACKAGE[tool]) as { path: string }).path;
    try {
      fs.accessSync(file, fs.constants.X_OK);
    } catch {
      fs.chmodSync(file, 0o755);
    }
    return file;
  } catch {
    return null; // no build for this platform, or optional dependencies were omitted
  }
}

export function resolveMediaTool(tool: MediaTool): ResolvedTool | null {
  if (!resolved.has(tool)) {
    let found: ResolvedTool | null = null;
    if (runs(tool)) found = { command: tool, source: "system" };
    else {
      const npm = npmBinary(tool);
      if (npm && runs(npm)) found = { command: npm, source: "npm" };
    }
    resolved.set(tool, found);
  }
  return resolved.get(tool)!;
}

/** The command to run, or an error that says what to do. */
export function mediaTool(tool: MediaTool): string {
  const found = resolveMediaTool(tool);
  if (!found)
    throw new Error(
      `${tool} not found: neither on PATH nor from ${NPM_PACKAGE[tool]} (run npm install, or install ${tool})`,
    );
  return found.command;
}
