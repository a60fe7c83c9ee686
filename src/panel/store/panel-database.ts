// The panel's own IndexedDB (docs/adr/0030): the queue, the batch, the undo snapshots and the
// clips' thumbnails, per project. The one place that opens it and turns its failures into plain
// words; queue-persistence.ts, batch-undo-persistence.ts and thumbnail-store.ts say what goes in.
// Every write is one transaction: a second panel page, or a reload mid-write, sees all or nothing.
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from "idb";
import type { BatchRun } from "./batch-progress";
import type { StoredClip } from "./queue-persistence";
import type { StoredUndo, StoredUndoClip } from "./batch-undo-persistence";

export const PANEL_DATABASE = "reference-lookup-panel";
const VERSION = 1;

export interface PanelSchema extends DBSchema {
  /** per project: the queue's order (clips are rows of their own) and the batch in progress */
  queues: { key: string; value: { projectPath: string; order: string[]; batch?: BatchRun | null } };
  clips: { key: [string, string]; value: { projectPath: string; nodeId: string; clip: StoredClip } };
  /** undo indexes: per project and undo (a batch accept; one Accept may use its own) */
  undos: { key: [string, string]; value: StoredUndo };
  /** an undo's clips: each one's entry and snapshot */
  snapshots: { key: [string, string, string]; value: StoredUndoClip };
  /** a small JPEG per clip; `usedAt` orders eviction */
  thumbnails: {
    key: [string, string];
    value: { projectPath: string; nodeId: string; type: string; bytes: ArrayBuffer; usedAt: number };
    indexes: { byUse: number };
  };
}

type Names = StoreNames<PanelSchema>;
export type PanelTransaction<S extends Names[], M extends IDBTransactionMode> = IDBPTransaction<PanelSchema, S, M>;

/** A failed read or write of the panel's storage, in words an editor can act on. */
export class StorageProblem extends Error {
  constructor(
    message: string,
    readonly cause: unknown,
  ) {
    super(message);
    this.name = "StorageProblem";
  }
}

/** Why IndexedDB refused, and what to do about it. */
export function storageProblem(e: unknown): StorageProblem {
  if (e instanceof StorageProblem) return e;
  const name = (e as { name?: string } | null)?.name;
  const message =
    name === "QuotaExceededError"
      ? "This computer has no room left for the panel's storage. Free some disk space; until then the panel keeps its work only while it stays open."
      : name === "VersionError" || name === "BlockedError"
        ? "Another Reference Lookup panel of a different version has the panel's storage open. Close the other panel (or restart Premiere); until then this panel keeps its work only while it stays open."
        : "The panel cannot use its storage on this computer (private mode, or storage turned off for this panel). It keeps its work only while it stays open.";
  return new StorageProblem(message, e);
}

export class PanelDatabase {
  private opening: Promise<IDBPDatabase<PanelSchema>> | null = null;

  /** `factory`: IndexedDB (a fake one in tests); absent: the panel has none (private mode). */
  constructor(
    private readonly factory: IDBFactory | undefined = globalThis.indexedDB,
    readonly name = PANEL_DATABASE,
  ) {}

  /** Opened on first use; after a failure, or when a newer page asked us to close, the next use
   * opens it again. */
  private open(): Promise<IDBPDatabase<PanelSchema>> {
    if (this.opening) return this.opening;
    const factory = this.factory;
    if (!factory) return Promise.reject(storageProblem(new Error("no IndexedDB")));
    const request = factory.open(this.name, VERSION);
    request.onupgradeneeded = () => upgrade(request.result);
    let blocked = false;
    request.onblocked = () => (blocked = true);
    const opening = (wrap(request) as Promise<IDBPDatabase<PanelSchema>>).then(
      (db) => {
        // a page of a newer version wants to upgrade: give way, and open again on next use
        db.addEventListener("versionchange", () => {
          db.close();
          if (this.opening === opening) this.opening = null;
        });
        db.addEventListener("close", () => {
          if (this.opening === opening) this.opening = null;
        });
        return db;
      },
      (e: unknown) => {
        if (this.opening === opening) this.opening = null;
        throw storageProblem(blocked ? Object.assign(new Error("blocked"), { name: "BlockedError" }) : e);
      },
    );
    this.opening = opening;
    return opening;
  }

  /** Runs `body` in one transaction over `stores`; resolves when it is committed. Failures come
   * as a StorageProblem. */
  async run<S extends Names[], M extends IDBTransactionMode, T>(
    stores: S,
    mode: M,
    body: (tx: PanelTransaction<S, M>) => Promise<T>,
  ): Promise<T> {
    try {
      const db = await this.open();
      const tx = db.transaction(stores, mode);
      const [result] = await Promise.all([body(tx), tx.done]);
      return result;
    } catch (e) {
      throw storageProblem(e);
    }
  }

  /** Closes the connection (tests; a panel closing). */
  async close(): Promise<void> {
    const opening = this.opening;
    this.opening = null;
    if (opening) (await opening.catch(() => null))?.close();
  }
}

function upgrade(db: IDBDatabase): void {
  db.createObjectStore("queues", { keyPath: "projectPath" });
  db.createObjectStore("clips", { keyPath: ["projectPath", "nodeId"] });
  db.createObjectStore("undos", { keyPath: ["projectPath", "id"] });
  db.createObjectStore("snapshots", { keyPath: ["projectPath", "undoId", "nodeId"] });
  db.createObjectStore("thumbnails", { keyPath: ["projectPath", "nodeId"] }).createIndex("byUse", "usedAt");
}

/** Every key of a store that begins with `prefix` (a project's rows, an undo's snapshots). */
export function prefixRange(...prefix: string[]): IDBKeyRange {
  return IDBKeyRange.bound(prefix, [...prefix, []]);
}
