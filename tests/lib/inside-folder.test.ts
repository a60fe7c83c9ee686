// Paths judged by where they really are (ADR-0025): symlinks followed, the opened file checked,
// and private folders that are provably ours.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import {
  openInside,
  readFileInside,
  realPathInside,
  relativeNameProblem,
} from "../../src/lib/files/node/inside-folder";
import { ensurePrivateFolder, privateFolderProblem } from "../../src/lib/files/node/private-folder";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "rl-inside-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A root folder with one file, and a secret file beside the root. */
function layout(name: string) {
  const base = path.join(work, name);
  const root = path.join(base, "root");
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(root, "own.txt"), "own");
  const secret = path.join(base, "secret.txt");
  fs.writeFileSync(secret, "secret");
  return { root, secret };
}

describe("realPathInside and openInside", () => {
  it("follow symlinks: a link inside the root that leads out is outside, one that stays in is inside", () => {
    const { root, secret } = layout("links");
    fs.symlinkSync(secret, path.join(root, "out.txt"));
    fs.symlinkSync(path.dirname(secret), path.join(root, "out-dir"));
    fs.symlinkSync(path.join(root, "own.txt"), path.join(root, "in.txt"));
    expect(realPathInside(path.join(root, "out.txt"), [root])).toBe(false);
    expect(realPathInside(path.join(root, "out-dir/secret.txt"), [root])).toBe(false);
    expect(realPathInside(path.join(root, "out-dir/not-yet/new.txt"), [root])).toBe(false);
    expect(realPathInside(path.join(root, "in.txt"), [root])).toBe(true);
    expect(realPathInside(path.join(root, "not-yet/new.txt"), [root])).toBe(true);
    expect(() => readFileInside(path.join(root, "out.txt"), [root])).toThrow(/outside the folders/);
    expect(() => readFileInside(path.join(root, "out-dir/secret.txt"), [root])).toThrow(/outside the folders/);
    expect(readFileInside(path.join(root, "in.txt"), [root]).toString()).toBe("own");
  });

  it("a root that is itself a symlink is judged by its real path", () => {
    const { root } = layout("linked-root");
    const alias = path.join(work, "linked-root-alias");
    fs.symlinkSync(root, alias);
    expect(readFileInside(path.join(root, "own.txt"), [alias]).toString()).toBe("own");
  });

  it("checks the file it opened: a symlink to a secret swapped for a regular file right after the open is refused", () => {
    const { root, secret } = layout("swap");
    const name = path.join(root, "frame.png");
    fs.symlinkSync(secret, name);
    const realOpen = fs.openSync;
    const spy = vi.spyOn(fs, "openSync").mockImplementation((...args: Parameters<typeof fs.openSync>) => {
      const fd = realOpen(...args); // opens the secret, through the link
      fs.rmSync(name); // then the link becomes an innocent file inside the root
      fs.writeFileSync(name, "innocent");
      return fd;
    });
    try {
      expect(() => openInside(name, [root])).toThrow(`${name} changed while it was being opened`);
    } finally {
      spy.mockRestore();
    }
  });

  it("refuses folders and FIFOs without hanging", () => {
    const { root } = layout("special");
    expect(() => openInside(root, [path.dirname(root)])).toThrow(/is not a regular file/);
    if (process.platform !== "win32") {
      const fifo = path.join(root, "pipe.png");
      execFileSync("mkfifo", [fifo]);
      expect(() => openInside(fifo, [root])).toThrow(/is not a regular file/);
    }
  });

  it.each([
    ["../private/secret-photo.jpg", 'it climbs out of the folder with ".."'],
    ["sub/../../x.jpg", 'it climbs out of the folder with ".."'],
    ["..\\x.jpg", 'it climbs out of the folder with ".."'],
    ["/etc/passwd", "it is an absolute path, not a name in the folder"],
    ["C:\\Users\\x.jpg", "it is an absolute path, not a name in the folder"],
    ["C:x.jpg", "it is an absolute path, not a name in the folder"],
    ["\\\\server\\share\\x.jpg", "it is an absolute path, not a name in the folder"],
    ["a\0.jpg", "it contains a NUL character"],
    ["kitchen-oven-WS-#1.jpg", null],
    ["sub/EB001559.JPG", null],
    ["..hidden.jpg", null],
  ])("relativeNameProblem(%j)", (name, problem) => {
    expect(relativeNameProblem(name)).toBe(problem);
  });
});

describe.skipIf(process.platform === "win32")("private folders", () => {
  it("are made with mode 0700 and owned by this user", () => {
    const dir = ensurePrivateFolder(path.join(work, "fresh"));
    const stat = fs.statSync(dir);
    expect(stat.mode & 0o777).toBe(0o700);
    expect(stat.uid).toBe(process.getuid!());
  });

  it("refuse an existing folder others can enter, a symlink, and one owned by someone else", () => {
    const open = path.join(work, "open");
    fs.mkdirSync(open, { mode: 0o777 });
    fs.chmodSync(open, 0o777);
    expect(() => ensurePrivateFolder(open)).toThrow(
      `${open} cannot hold private files: its mode is 777, not 700. Someone may have made it to read or swap them.`,
    );
    const link = path.join(work, "link");
    fs.symlinkSync(ensurePrivateFolder(path.join(work, "target")), link);
    expect(() => ensurePrivateFolder(link)).toThrow(/cannot hold private files: it is a symlink/);
    expect(fs.statSync(open).mode & 0o777).toBe(0o777); // refused, never changed
  });

  it.skipIf(process.getuid?.() !== 0)("refuse a folder another user made first (needs root to chown)", () => {
    const theirs = path.join(work, "theirs");
    fs.mkdirSync(theirs, { mode: 0o700 });
    fs.chownSync(theirs, 65534, 65534);
    expect(privateFolderProblem(theirs)).toBe(`it belongs to user id 65534, not to this user (0)`);
    expect(() => ensurePrivateFolder(theirs)).toThrow(/belongs to user id 65534/);
  });
});
