// What the UXP host needs from UXP besides Premiere's DOM: files (UXP's `fs`), XMP (UXP's
// `uxp.xmp`), a temp folder, a clock and what it says of the machine. Premiere passes nothing of
// this to the DOM, so the plugin builds it (uxp-services.ts) and the simulator builds its own.

/** Files by native path (the platform's spelling), bytes as Uint8Array. Every call may throw. */
export interface HostFiles {
  /** null: nothing there */
  kind(path: string): Promise<"file" | "folder" | null>;
  read(path: string): Promise<Uint8Array>;
  /** creates or replaces the file */
  write(path: string, bytes: Uint8Array): Promise<void>;
  /** the names in a folder */
  list(folder: string): Promise<string[]>;
  /** makes the folder and any missing parents */
  mkdir(path: string): Promise<void>;
  /** a file, or an empty folder */
  remove(path: string): Promise<void>;
  /** renames within a folder; whether it replaces an existing target is not relied on */
  rename(from: string, to: string): Promise<void>;
  size(path: string): Promise<number>;
}

/** The part of XMPScript's XMPMeta the host uses (UXP's `require("uxp").xmp.XMPMeta`). */
export interface XmpMetaLike {
  getProperty(ns: string, name: string): { value?: unknown; toString(): string } | undefined | null;
  setProperty(ns: string, name: string, value: string): unknown;
  getLocalizedText(ns: string, name: string, genericLang: string | null, specificLang: string): unknown;
  setLocalizedText(ns: string, name: string, genericLang: string | null, specificLang: string, value: string): unknown;
  serialize(): string;
}

export interface XmpApi {
  XMPMeta: new (packet?: string) => XmpMetaLike;
}

export interface UxpHostServices {
  files: HostFiles;
  xmp: XmpApi;
  /** a folder private to the user (UXP's temporary folder, as a native path) */
  tempFolder: string;
  /** how paths are spelled: Windows' backslashes or POSIX slashes */
  platform: "macos" | "windows";
  now(): Date;
  /** waits, letting Premiere work in the background */
  sleep(ms: number): Promise<void>;
  /** what the OS says of itself, e.g. "Windows 10.0.22631" */
  os: string;
  /** the UXP runtime's version (uxp.versions.uxp) */
  uxpVersion: string;
  /** Premiere's build, where UXP tells it; "" otherwise */
  premiereBuild?: string;
  /** the self-check's sample clip shipped in the plugin (a native path) */
  sampleFile?: string;
}
