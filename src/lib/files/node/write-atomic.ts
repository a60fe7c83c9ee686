// A file replaced whole or not at all: written beside its target, flushed, then renamed over it
// (rename is atomic within a folder), so a crash or a full disk leaves the old file or the new
// one, never half of one. Hand-written rather than write-file-atomic: node_modules is shared
// here and these ten lines need nothing that package adds (ownership, queueing).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function writeFileAtomic(file: string, data: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}-${crypto.randomBytes(4).toString("hex")}.tmp`;
  const fd = fs.openSync(temp, "wx", 0o600);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}
