// The services from UXP's own modules, for the plugin: `require("fs")` (needs the manifest's
// `localFileSystem: "fullAccess"` to reach media folders), `require("os")` and
// `require("uxp").xmp`. Untried in a real Premiere (ADR 0032): written against UXP's documented
// Node-like fs (promises, native paths) and its XMP module.
import type { HostFiles, UxpHostServices, XmpApi } from "./services";

/** The part of UXP's `fs` module the host uses. */
export interface UxpFs {
  lstat(path: string): Promise<{ isFile(): boolean; isDirectory(): boolean; size: number }>;
  readFile(path: string): Promise<ArrayBuffer | Uint8Array>;
  writeFile(path: string, data: ArrayBuffer | Uint8Array): Promise<unknown>;
  readdir(path: string): Promise<string[]>;
  mkdir(path: string, options?: { recursive?: boolean }): Promise<unknown>;
  unlink(path: string): Promise<unknown>;
  rmdir(path: string): Promise<unknown>;
  rename(from: string, to: string): Promise<unknown>;
}

/** The part of UXP's `os` module the host uses. */
export interface UxpOs {
  platform(): string;
  release(): string;
  tmpdir?(): string;
}

export function uxpFiles(fs: UxpFs): HostFiles {
  const stat = (path: string) => fs.lstat(path).catch(() => null);
  return {
    async kind(path) {
      const s = await stat(path);
      return !s ? null : s.isDirectory() ? "folder" : s.isFile() ? "file" : null;
    },
    async read(path) {
      const data = await fs.readFile(path);
      return data instanceof Uint8Array ? data : new Uint8Array(data);
    },
    async write(path, bytes) {
      await fs.writeFile(path, bytes);
    },
    list: (folder) => fs.readdir(folder),
    async mkdir(path) {
      await fs.mkdir(path, { recursive: true });
    },
    async remove(path) {
      const s = await stat(path);
      if (s?.isDirectory()) await fs.rmdir(path);
      else await fs.unlink(path);
    },
    async rename(from, to) {
      await fs.rename(from, to);
    },
    async size(path) {
      return (await fs.lstat(path)).size;
    },
  };
}

export function uxpServices(options: {
  fs: UxpFs;
  os: UxpOs;
  xmp: XmpApi;
  uxpVersion: string;
  tempFolder?: string;
  sampleFile?: string;
}): UxpHostServices {
  const windows = /^win/i.test(options.os.platform());
  const tempFolder = options.tempFolder ?? options.os.tmpdir?.() ?? "";
  return {
    files: uxpFiles(options.fs),
    xmp: options.xmp,
    tempFolder,
    platform: windows ? "windows" : "macos",
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    os: (windows ? "Windows " : "Macintosh ") + options.os.release(),
    uxpVersion: options.uxpVersion,
    sampleFile: options.sampleFile,
  };
}
