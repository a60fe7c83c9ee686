// ExtendScript's File and Folder over the real disk, spelled as the simulated platform spells
// paths (sim-paths.ts). Operations outside the simulator's folders fail like a refused file
// operation: false and `error` set, or false from `exists`; nothing outside is read or changed.
import fs from "node:fs";
import path from "node:path";
import type { SimPaths } from "./sim-paths";

type Mode = "r" | "w" | "e" | "a";
const LINE_FEEDS: Record<string, string> = { windows: "\r\n", macintosh: "\r", unix: "\n" };

/** Glob masks as Folder.getFiles takes them ("*.png", "frame-?.png"), with the volume's case rule. */
function maskTest(mask: string, caseInsensitive: boolean): (name: string) => boolean {
  const source = mask
    .split(/[;,]/)
    .map((m) =>
      m
        .trim()
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, "."),
    )
    .join("|");
  const re = new RegExp(`^(?:${source})$`, caseInsensitive ? "i" : "");
  return (name) => re.test(name);
}

export function createFileClasses(paths: SimPaths) {
  const cwd = { current: paths.home };

  function decode(bytes: Buffer, encoding: string): string {
    const e = encoding.toUpperCase();
    if (e === "BINARY" || e === "CP1252" || e === "ISO-8859-1" || e === "ASCII") return bytes.toString("latin1");
    return bytes.toString("utf8").replace(/^\uFEFF/, "");
  }
  function encode(text: string, encoding: string): Buffer {
    const e = encoding.toUpperCase();
    if (e === "BINARY" || e === "CP1252" || e === "ISO-8859-1" || e === "ASCII") return Buffer.from(text, "latin1");
    return Buffer.from(text, "utf8");
  }

  class SimEntry {
    protected real: string;
    error = "";
    /** File.fs and Folder.fs: "Windows" or "Macintosh"; encode/decode are URI escaping */
    static get fs(): string {
      return paths.fsName;
    }
    static encode(s: string): string {
      return encodeURIComponent(String(s));
    }
    static decode(s: string): string {
      return decodeURIComponent(String(s));
    }
    constructor(p?: string) {
      this.real = paths.toReal(p === undefined || p === null ? "" : String(p), cwd.current);
    }
    get fsName(): string {
      return paths.toHost(this.real);
    }
    /** the URI form: "/c/dir/file" on Windows, "~" for the home folder */
    get fullName(): string {
      if (this.real === paths.home || this.real.startsWith(paths.home + "/"))
        return "~" + this.real.slice(paths.home.length);
      const host = this.fsName;
      return paths.windows ? "/" + host[0].toLowerCase() + host.slice(2).replace(/\\/g, "/") : host;
    }
    get absoluteURI(): string {
      return encodeURI(this.fullName);
    }
    get relativeURI(): string {
      return this.getRelativeURI(cwd.current);
    }
    get name(): string {
      return encodeURIComponent(path.basename(this.real));
    }
    get displayName(): string {
      return path.basename(this.real);
    }
    get localizedName(): string {
      return this.displayName;
    }
    get path(): string {
      return new SimFolder(paths.toHost(path.dirname(this.real))).fullName;
    }
    get parent(): SimFolder | null {
      return this.real === "/" ? null : new SimFolder(paths.toHost(path.dirname(this.real)));
    }
    get exists(): boolean {
      return paths.allowed(this.real) && fs.existsSync(this.real);
    }
    get hidden(): boolean {
      return path.basename(this.real).startsWith(".");
    }
    get alias(): boolean {
      return this.exists && fs.lstatSync(this.real).isSymbolicLink();
    }
    get created(): Date | null {
      return this.exists ? fs.statSync(this.real).birthtime : null;
    }
    get modified(): Date | null {
      return this.exists ? fs.statSync(this.real).mtime : null;
    }
    getRelativeURI(base?: string): string {
      const from = base ? paths.toReal(String(base), cwd.current) : cwd.current;
      return path.relative(from, this.real).split(path.sep).join("/") || ".";
    }
    resolve(): SimEntry | null {
      return this.exists ? this : null;
    }
    toString(): string {
      return this.fullName;
    }
    /** Runs a disk operation: false with `error` set when it is refused or fails. */
    protected attempt(what: string, run: () => void): boolean {
      try {
        paths.require(this.real, what);
        run();
        this.error = "";
        return true;
      } catch (e) {
        this.error = (e as Error).message;
        return false;
      }
    }
    rename(newName: string): boolean {
      const target = path.join(path.dirname(this.real), String(newName));
      return this.attempt("rename", () => {
        paths.require(target, "rename");
        fs.renameSync(this.real, target);
        this.real = target;
      });
    }
    execute(): boolean {
      this.error = "execute is not available in the simulator";
      return false;
    }
  }

  class SimFile extends SimEntry {
    encoding = "UTF-8";
    lineFeed = paths.windows ? "Windows" : "Unix";
    readonly type = "????";
    readonly creator = "????";
    private mode: Mode | null = null;
    private text = "";
    private position = 0;

    static isEncodingAvailable(name: string): boolean {
      return ["UTF-8", "BINARY", "ASCII", "CP1252", "ISO-8859-1"].includes(String(name).toUpperCase());
    }

    get length(): number {
      return this.exists && fs.statSync(this.real).isFile() ? fs.statSync(this.real).size : -1;
    }
    get readonly(): boolean {
      return false;
    }
    get eof(): boolean {
      return this.mode === null || this.position >= this.text.length;
    }

    open(mode: string): boolean {
      const m = String(mode).charAt(0).toLowerCase() as Mode;
      if (!"rwea".includes(m)) return false;
      return this.attempt("open", () => {
        const present = fs.existsSync(this.real) && fs.statSync(this.real).isFile();
        if (m === "r" && !present) throw new Error(`${this.fsName} does not exist`);
        if (m !== "w" && present) this.text = decode(paths.readFile(this.real), this.encoding);
        else this.text = "";
        if (m === "w" || !present) fs.writeFileSync(this.real, "");
        this.position = m === "a" ? this.text.length : 0;
        this.mode = m;
      });
    }
    close(): boolean {
      if (this.mode === null) return false;
      const writable = this.mode !== "r";
      this.mode = null;
      return writable
        ? this.attempt("close", () => fs.writeFileSync(this.real, encode(this.text, this.encoding)))
        : true;
    }
    read(chars?: number): string {
      if (this.mode === null) return "";
      const end = chars === undefined ? this.text.length : this.position + Number(chars);
      const out = this.text.slice(this.position, end);
      this.position = Math.min(end, this.text.length);
      return out;
    }
    readch(): string {
      return this.read(1);
    }
    readln(): string {
      if (this.mode === null) return "";
      const rest = this.text.slice(this.position);
      const match = /\r\n|\r|\n/.exec(rest);
      const line = match ? rest.slice(0, match.index) : rest;
      this.position += match ? match.index + match[0].length : rest.length;
      return line;
    }
    write(...texts: unknown[]): boolean {
      if (this.mode === null || this.mode === "r") return false;
      const chunk = texts.map(String).join("");
      this.text = this.text.slice(0, this.position) + chunk + this.text.slice(this.position + chunk.length);
      this.position += chunk.length;
      return true;
    }
    writeln(...texts: unknown[]): boolean {
      return this.write(...texts, LINE_FEEDS[this.lineFeed.toLowerCase()] ?? "\n");
    }
    seek(pos: number, mode = 0): boolean {
      const base = mode === 1 ? this.position : mode === 2 ? this.text.length : 0;
      this.position = Math.max(0, Math.min(this.text.length, base + Number(pos)));
      return true;
    }
    tell(): number {
      return this.position;
    }
    copy(target: string | SimEntry): boolean {
      const to = target instanceof SimEntry ? paths.toReal(target.fsName) : paths.toReal(String(target), cwd.current);
      return this.attempt("copy", () => {
        paths.require(to, "copy");
        fs.copyFileSync(this.real, to);
      });
    }
    remove(): boolean {
      return this.attempt("remove", () => fs.rmSync(this.real));
    }
    createAlias(): boolean {
      this.error = "createAlias is not available in the simulator";
      return false;
    }
    openDlg(): null {
      return null; // no dialogs in the simulator: as if the user cancelled
    }
    saveDlg(): null {
      return null;
    }
  }

  class SimFolder extends SimEntry {
    static get current(): SimFolder {
      return new SimFolder(paths.toHost(cwd.current));
    }
    static set current(folder: SimFolder | string) {
      cwd.current = paths.toReal(folder instanceof SimEntry ? folder.fsName : String(folder), cwd.current);
    }
    static get temp(): SimFolder {
      return new SimFolder(paths.toHost(paths.temp));
    }
    static get userData(): SimFolder {
      return SimFolder.under(paths.windows ? "AppData/Roaming" : "Library/Application Support");
    }
    static get appData(): SimFolder {
      return SimFolder.under(paths.windows ? "AppData/Roaming" : "Library/Application Support");
    }
    static get myDocuments(): SimFolder {
      return SimFolder.under("Documents");
    }
    static get desktop(): SimFolder {
      return SimFolder.under("Desktop");
    }
    static get trash(): SimFolder | null {
      return paths.windows ? null : SimFolder.under(".Trash");
    }
    static get startup(): SimFolder {
      return SimFolder.under(".premiere-simulator");
    }
    static get system(): SimFolder {
      return new SimFolder(paths.windows ? "C:\\Windows" : "/System");
    }
    static get commonFiles(): SimFolder {
      return new SimFolder(paths.windows ? "C:\\Program Files\\Common Files" : "/Library/Application Support");
    }
    static get appPackage(): SimFolder {
      return SimFolder.startup;
    }
    static selectDialog(): null {
      return null;
    }
    private static under(relative: string): SimFolder {
      return new SimFolder(paths.toHost(path.join(paths.home, relative)));
    }

    create(): boolean {
      return this.attempt("create", () => fs.mkdirSync(this.real, { recursive: true }));
    }
    /** Only empty folders can be removed, as in ExtendScript. */
    remove(): boolean {
      return this.attempt("remove", () => fs.rmdirSync(this.real));
    }
    changePath(relative: string): boolean {
      this.real = paths.toReal(String(relative), this.real);
      return true;
    }
    /** Files and folders inside, filtered by a mask ("*.png") or a function. */
    getFiles(mask?: string | ((entry: SimEntry) => boolean)): SimEntry[] {
      if (!this.exists || !fs.statSync(this.real).isDirectory()) return [];
      const entries = fs.readdirSync(this.real).map((n) => {
        const full = path.join(this.real, n);
        const host = paths.toHost(full);
        return fs.statSync(full).isDirectory() ? new SimFolder(host) : new SimFile(host);
      });
      if (typeof mask === "function") return entries.filter((e) => mask(e));
      if (mask === undefined || mask === null || String(mask) === "") return entries;
      const test = maskTest(String(mask), !paths.caseSensitive);
      return entries.filter((e) => test(e.displayName));
    }
    selectDlg(): null {
      return null;
    }
  }

  return { File: SimFile, Folder: SimFolder, Entry: SimEntry };
}

export type SimFileClasses = ReturnType<typeof createFileClasses>;
