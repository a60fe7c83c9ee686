// How the simulated platform spells paths, over the real (POSIX) disk of the machine running it.
// macOS paths are the real paths. On Windows, each drive letter is mounted on a real folder
// (C: on "/" by default) and separators are backslashes. On both, names match case-insensitively
// as NTFS and APFS do by default (a case-sensitive APFS volume can be asked for).
import fs from "node:fs";
import path from "node:path";
import { readFileInside, realPathInside } from "../lib/files/node/inside-folder";

export type SimPlatform = "windows" | "macos";

export interface SimPathOptions {
  platform: SimPlatform;
  /** the folder "~" means (a real path) */
  home: string;
  /** the real folder Folder.temp is (a real path) */
  temp: string;
  /** Windows only: drive letter → real folder it shows; default { C: "/" } */
  drives?: Record<string, string>;
  /** when set, File and Folder touch nothing outside these real folders */
  roots?: string[];
  /** a case-sensitive volume (macOS only; NTFS never is); default false */
  caseSensitive?: boolean;
}

export class SimPaths {
  readonly platform: SimPlatform;
  readonly home: string;
  readonly temp: string;
  private readonly drives: Array<[string, string]>;
  private readonly roots: string[] | null;
  readonly caseSensitive: boolean;

  constructor(options: SimPathOptions) {
    this.platform = options.platform;
    this.home = path.resolve(options.home);
    this.temp = path.resolve(options.temp);
    this.drives = Object.entries(options.drives ?? { C: "/" })
      .map(([letter, real]) => [letter.toUpperCase(), path.resolve(real)] as [string, string])
      .sort((a, b) => b[1].length - a[1].length);
    this.roots = options.roots ? options.roots.map((r) => path.resolve(r)) : null;
    this.caseSensitive = options.platform === "macos" && Boolean(options.caseSensitive);
  }

  get windows(): boolean {
    return this.platform === "windows";
  }

  /** The platform's spelling (fsName) of a real path. */
  toHost(real: string): string {
    const resolved = path.resolve(real);
    if (!this.windows) return resolved;
    for (const [letter, mount] of this.drives) {
      if (resolved === mount || resolved.startsWith(mount === "/" ? "/" : mount + "/")) {
        const rest = resolved.slice(mount === "/" ? 1 : mount.length + 1);
        return `${letter}:\\${rest.split("/").join("\\")}`;
      }
    }
    throw new Error(`${real} is on no simulated drive`);
  }

  /** The real path of a script's path: "~", URI form (/c/dir), drive letters, relative to `base`. */
  toReal(hostPath: string, base?: string): string {
    let p = String(hostPath).trim();
    if (p === "~" || p.startsWith("~/") || p.startsWith("~\\")) return this.matchCase(this.home + "/" + p.slice(2));
    if (this.windows) {
      p = p.replace(/\\/g, "/");
      const drive = /^([A-Za-z]):(\/|$)/.exec(p) ?? /^\/([A-Za-z])(\/|$)/.exec(p);
      if (drive) {
        const mount = this.drives.find(([letter]) => letter === drive[1].toUpperCase());
        if (!mount) throw new Error(`drive ${drive[1]}: does not exist`);
        return this.matchCase(path.join(mount[1], p.slice(drive[0].length)));
      }
      if (p.startsWith("/")) return this.matchCase(path.join(this.drives[this.drives.length - 1][1], p));
    }
    if (p.startsWith("/")) return this.matchCase(p);
    return this.matchCase(path.resolve(base ?? this.home, p));
  }

  /** Names are case-insensitive: find the real spelling of each existing part. */
  private matchCase(real: string): string {
    const resolved = path.resolve(real);
    if (this.caseSensitive || fs.existsSync(resolved)) return resolved;
    let out = "/";
    for (const part of resolved.split("/").filter(Boolean)) {
      const exact = path.join(out, part);
      if (fs.existsSync(exact)) {
        out = exact;
        continue;
      }
      let names: string[] = [];
      try {
        names = fs.readdirSync(out);
      } catch {
        // a parent that does not exist: keep the name as written
      }
      out = path.join(out, names.find((n) => n.toLowerCase() === part.toLowerCase()) ?? part);
    }
    return out;
  }

  /** Whether scripts may touch this path (always, when no roots were given): judged by where it
   * really is, every symlink followed, so a link inside a root that leads out is outside. */
  allowed(real: string): boolean {
    return !this.roots || realPathInside(real, this.roots);
  }

  /** A file's bytes, read through a descriptor checked after the open to be inside the roots
   * (openInside), so nothing can be swapped in between the check and the read. */
  readFile(real: string): Buffer {
    return this.roots ? readFileInside(real, this.roots) : fs.readFileSync(real);
  }

  /** Throws, as a refused file operation, when the path is outside the roots. */
  require(real: string, what: string): string {
    if (!this.allowed(real)) throw new Error(`${what}: ${this.toHost(real)} is outside the simulator's folders`);
    return real;
  }

  /** Folder.fs */
  get fsName(): "Windows" | "Macintosh" {
    return this.windows ? "Windows" : "Macintosh";
  }

  get separator(): string {
    return this.windows ? "\\" : "/";
  }
}
