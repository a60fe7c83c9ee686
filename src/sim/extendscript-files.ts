// ExtendScript's File and Folder over the real file system, with the properties host code uses.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export class SimFile {
  readonly fsName: string;
  constructor(p: string) {
    this.fsName = path.resolve(String(p));
  }
  get name(): string {
    return path.basename(this.fsName);
  }
  get exists(): boolean {
    return fs.existsSync(this.fsName);
  }
  get length(): number {
    return this.exists ? fs.statSync(this.fsName).size : -1;
  }
  remove(): boolean {
    try {
      fs.rmSync(this.fsName);
      return true;
    } catch {
      return false;
    }
  }
}

export class SimFolder extends SimFile {
  static get temp(): SimFolder {
    return new SimFolder(process.env.RL_SIM_TEMP ?? os.tmpdir());
  }
  create(): boolean {
    fs.mkdirSync(this.fsName, { recursive: true });
    return true;
  }
  /** Only empty folders can be removed, as in ExtendScript. */
  remove(): boolean {
    try {
      fs.rmdirSync(this.fsName);
      return true;
    } catch {
      return false;
    }
  }
  getFiles(): SimFile[] {
    if (!this.exists) return [];
    return fs.readdirSync(this.fsName).map((n) => {
      const full = path.join(this.fsName, n);
      return fs.statSync(full).isDirectory() ? new SimFolder(full) : new SimFile(full);
    });
  }
}
