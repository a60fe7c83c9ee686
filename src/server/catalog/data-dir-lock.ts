// One process per catalog data dir. PGlite caches the database's pages in its own memory and
// writes them back when it likes, so a second process on the same files overwrites the first's
// acknowledged saves (issue 20). The lock is the operating system's on <dataDir>/catalog.lock
// (fs-native-extensions: an open-file-description lock on Linux, flock on macOS, LockFileEx on
// Windows): the kernel drops it when the process ends, however it ends, kill -9 included, so it
// is never left stuck. The file itself says who holds it, for the refusal's message.
import fs from "node:fs";
import path from "node:path";
import { tryLock, unlock } from "fs-native-extensions";

export const LOCK_FILE = "catalog.lock";
// A byte past anything the file holds: Windows locks are mandatory on their range, and the holder's
// details below it must stay readable to the process that is refused.
const LOCK_OFFSET = 1 << 20;

export interface DataDirHolder {
  pid: number;
  command: string;
  since: string;
  /** the catalog server's address, once it listens (db:audit asks it) */
  url?: string;
}

export class DataDirBusyError extends Error {
  readonly code = "DATA_DIR_BUSY";
  constructor(
    readonly dataDir: string,
    readonly holder: DataDirHolder | undefined,
  ) {
    const who = holder
      ? `process ${holder.pid} (${holder.command}, since ${holder.since})`
      : "another process (it is starting up)";
    super(
      `The catalog data dir ${dataDir} is in use by ${who}. One process at a time may open it: ` +
        `stop that process first, or give this one another data dir (CATALOG_DATA_DIR).`,
    );
    this.name = "DataDirBusyError";
    this.stack = `${this.name}: ${this.message}`; // a refusal to explain, not a fault to trace
  }
}

/** How this process was started, as a person would recognise it in a refusal (call it on the
 * main thread: a worker's argv is its own script). */
export function processCommand(): string {
  const args = process.argv.slice(1).map((a) => {
    const relative = path.isAbsolute(a) ? path.relative(process.cwd(), a) : a;
    return relative && !relative.startsWith("..") ? relative : a;
  });
  const node = `node ${args.join(" ")}`;
  // npm's variables reach every process below a script (a test suite's children too): name the
  // script only when it is the one that runs this file
  const npmScript = process.env.npm_lifecycle_event;
  const runsThis = (process.env.npm_lifecycle_script ?? "").includes(args[0] ?? "\0");
  return npmScript && npmScript !== "npx" && runsThis ? `npm run ${npmScript}: ${node}` : node;
}

export function readHolder(dataDir: string): DataDirHolder | undefined {
  try {
    const text = fs.readFileSync(path.join(dataDir, LOCK_FILE), "utf8");
    const holder = JSON.parse(text) as DataDirHolder;
    return typeof holder.pid === "number" ? holder : undefined;
  } catch {
    return undefined; // absent, or being written this very moment
  }
}

export class DataDirLock {
  private holder: DataDirHolder;

  private constructor(
    readonly dataDir: string,
    private fd: number | undefined,
    command: string,
  ) {
    this.holder = { pid: process.pid, command, since: new Date().toISOString() };
    this.write();
  }

  /** Takes the data dir for this process, or throws DataDirBusyError naming the holder. */
  static acquire(dataDir: string, command = processCommand()): DataDirLock {
    fs.mkdirSync(dataDir, { recursive: true });
    const fd = fs.openSync(path.join(dataDir, LOCK_FILE), "a+");
    let granted = false;
    try {
      granted = tryLock(fd, LOCK_OFFSET, 1);
    } finally {
      if (!granted) fs.closeSync(fd);
    }
    if (!granted) throw new DataDirBusyError(dataDir, readHolder(dataDir));
    return new DataDirLock(dataDir, fd, command);
  }

  /** Adds to what the lock file says about this process (e.g. the server's url). */
  announce(details: Partial<Pick<DataDirHolder, "url">>): void {
    this.holder = { ...this.holder, ...details };
    this.write();
  }

  get held(): boolean {
    return this.fd !== undefined;
  }

  release(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    // the file stays: removing it would let a third process lock a new file while a second waits on this one
    fs.ftruncateSync(fd, 0);
    unlock(fd, LOCK_OFFSET, 1);
    fs.closeSync(fd);
  }

  private write(): void {
    if (this.fd === undefined) return;
    const text = JSON.stringify(this.holder);
    fs.ftruncateSync(this.fd, 0);
    fs.writeSync(this.fd, text, 0);
  }
}
