// A folder only this OS user can enter (mode 0700, ours, not a symlink), for files the preview
// writes and serves back, such as frame grabs. In a shared temp folder anyone may create the name
// first: an existing one is used only when it is provably ours and private, else refused with
// what to do. Windows gives each user a private temp folder already, and has no such modes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Why `dir` (existing) is not private to this user, or null. */
export function privateFolderProblem(dir: string): string | null {
  const stat = fs.lstatSync(dir);
  if (stat.isSymbolicLink()) return "it is a symlink";
  if (!stat.isDirectory()) return "it is not a folder";
  if (process.platform === "win32") return null;
  const uid = process.getuid!();
  if (stat.uid !== uid) return `it belongs to user id ${stat.uid}, not to this user (${uid})`;
  if ((stat.mode & 0o077) !== 0) return `its mode is ${(stat.mode & 0o777).toString(8)}, not 700`;
  return null;
}

/** Creates `dir` with mode 0700, or checks that the existing one is private; returns it. */
export function ensurePrivateFolder(dir: string): string {
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  const problem = privateFolderProblem(dir);
  if (problem) {
    throw new Error(
      `${dir} cannot hold private files: ${problem}. Someone may have made it to read or swap them. ` +
        `Remove it and start again.`,
    );
  }
  return dir;
}

/** This user's private folder under `parent` (the OS temp folder by default), made when missing. */
export function userTempFolder(name: string, parent = os.tmpdir()): string {
  const owner = process.platform === "win32" ? os.userInfo().username : String(process.getuid!());
  return ensurePrivateFolder(path.join(parent, `${name}-${owner}`));
}
