// Paths that must stay inside their folders (ADR-0025). A path's real location is judged with
// every symlink followed, never by its spelling; a file that is read is judged after it is
// opened, on the file the descriptor holds, so nothing can be swapped in between.
import fs from "node:fs";
import path from "node:path";

/** A refused path: what it was and why, in words for the person who gave it. */
export class OutsideFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutsideFolderError";
  }
}

/** Whether `child` is `parent` itself or below it (both absolute, already resolved). */
export function isInside(child: string, parent: string, allowSelf = true): boolean {
  const rel = path.relative(parent, child);
  if (rel === "") return allowSelf;
  return !rel.startsWith(`..${path.sep}`) && rel !== ".." && !path.isAbsolute(rel);
}

/** The real path of a folder that may not exist yet: its deepest existing ancestor's real path,
 * then the rest as written (what does not exist yet cannot be a symlink). */
export function realPathOf(p: string): string {
  const resolved = path.resolve(p);
  const rest: string[] = [];
  let at = resolved;
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(at), ...rest.reverse());
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") throw e;
      const parent = path.dirname(at);
      if (parent === at) return resolved;
      rest.push(path.basename(at));
      at = parent;
    }
  }
}

/** Whether the real path of `p` (symlinks followed, the last one too) is inside one of `roots`. */
export function realPathInside(p: string, roots: string[]): boolean {
  const real = realPathOf(p);
  return roots.some((root) => isInside(real, realPathOf(root)));
}

/**
 * Why `name`, taken from a file someone else wrote, cannot name a file directly in or below
 * `folder`, or null. Refused as written: absolute paths, drive letters, `..` segments.
 */
export function relativeNameProblem(name: string): string | null {
  if (name.includes("\0")) return "it contains a NUL character";
  if (path.isAbsolute(name) || path.win32.isAbsolute(name) || /^[A-Za-z]:/.test(name))
    return "it is an absolute path, not a name in the folder";
  if (name.split(/[\\/]/).includes("..")) return 'it climbs out of the folder with ".."';
  return null;
}

export interface OpenedInside {
  fd: number;
  /** the opened file's real path */
  realPath: string;
  size: number;
}

/**
 * Opens `file` for reading and returns its descriptor only when the file opened is a regular
 * file whose real path is inside one of `roots`. The check is made after the open, on the opened
 * file (same device and inode as the real path found), so a path swapped for a symlink between a
 * check and the open cannot slip through. O_NONBLOCK: a FIFO planted under the name never hangs us.
 */
export function openInside(file: string, roots: string[]): OpenedInside {
  const flags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
  const fd = fs.openSync(file, flags);
  try {
    const opened = fs.fstatSync(fd, { bigint: true });
    if (!opened.isFile()) throw new OutsideFolderError(`${file} is not a regular file`);
    const real = fs.realpathSync.native(file);
    if (!roots.some((root) => isInside(real, realPathOf(root), false)))
      throw new OutsideFolderError(`${file} is outside the folders it may come from (it is really ${real})`);
    const now = fs.statSync(real, { bigint: true });
    if (now.dev !== opened.dev || now.ino !== opened.ino)
      throw new OutsideFolderError(`${file} changed while it was being opened`);
    return { fd, realPath: real, size: Number(opened.size) };
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
}

/** Reads a whole file through openInside. */
export function readFileInside(file: string, roots: string[]): Buffer {
  const { fd } = openInside(file, roots);
  try {
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
