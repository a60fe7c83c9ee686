// Undo snapshots, kept per project in the panel's database (IndexedDB, ADR 0017 and 0030) so that
// an undo survives a panel reload and a Premiere restart. The one place where undo snapshots are
// persisted: a batch accept's (kind "batch") and any other undo of clips' writes (its own kind).
// Each undo has an id; each clip's snapshot (raw XMP, column values, the corrections file's
// bytes) is a row of its own, written with the undo's index in one transaction before that
// clip's write. Writing the whole undo after each clip would cost the square of the batch.
// localStorage's undo (format 2, before ADR 0030) is moved over once, then its keys removed.
import type { ClipSnapshot } from "../../shared/bridge/contract";
import { prefixRange, type PanelDatabase } from "./panel-database";
import type { LegacyStorage } from "./queue-persistence";

export interface BatchUndoClip {
  nodeId: string;
  name: string;
  /** what the clip held before the batch wrote to it */
  before: ClipSnapshot;
  /** fingerprints right after the write: an undo keeps what was changed since; absent: the
   * panel stopped between snapshot and write, and the snapshot is put back as it is */
  after?: { xmp: string; corrections?: string };
  /** false when its write failed: nothing of the batch is on it, but putting it back is harmless */
  written: boolean;
}

export interface BatchUndo {
  /** unique per undo (newUndoId): snapshots are keyed by it, so two undos never share a row */
  id: string;
  /** "batch": the batch accept's (one per project, the newest); other kinds are kept side by side */
  kind: string;
  /** when the batch accept started (ISO) */
  at: string;
  threshold: number;
  /** in the order they were written; undone in reverse (IA's corrections file is per folder) */
  clips: BatchUndoClip[];
}

/** An undo's row: its clips without their snapshots. */
export interface StoredUndo extends Omit<BatchUndo, "clips"> {
  projectPath: string;
  clips: Array<Omit<BatchUndoClip, "before">>;
}

export const newUndoId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

const index = (projectPath: string, { clips, ...undo }: BatchUndo): StoredUndo => ({
  ...undo,
  projectPath,
  clips: clips.map(({ before: _before, ...entry }) => entry),
});

/** One clip's snapshot and the undo's index (which lists it), in one transaction, before the
 * clip's write. Rejects (StorageProblem) when they could not be stored: then do not write. */
export function storeSnapshot(
  db: PanelDatabase,
  projectPath: string,
  undo: BatchUndo,
  snapshot: ClipSnapshot,
): Promise<void> {
  return db.run(["undos", "snapshots"], "readwrite", async (tx) => {
    await Promise.all([
      tx.objectStore("snapshots").put({ projectPath, undoId: undo.id, nodeId: snapshot.nodeId, snapshot }),
      tx.objectStore("undos").put(index(projectPath, undo)),
    ]);
  });
}

/** The undo's index as it is now (its fingerprints after the writes). */
export function storeUndoIndex(db: PanelDatabase, projectPath: string, undo: BatchUndo): Promise<void> {
  return db.run(["undos"], "readwrite", async (tx) => {
    await tx.objectStore("undos").put(index(projectPath, undo));
  });
}

/** The undo keeps only `undo.clips` (the others were put back): the rest's snapshots go; with no
 * clips left the undo goes altogether. */
export function storeUndoLeft(db: PanelDatabase, projectPath: string, undo: BatchUndo): Promise<void> {
  const keep = new Set(undo.clips.map((c) => c.nodeId));
  return db.run(["undos", "snapshots"], "readwrite", async (tx) => {
    const snapshots = tx.objectStore("snapshots");
    const ids = (await snapshots.getAllKeys(prefixRange(projectPath, undo.id))).filter(([, , id]) => !keep.has(id));
    await Promise.all([
      ...ids.map((key) => snapshots.delete(key)),
      keep.size
        ? tx.objectStore("undos").put(index(projectPath, undo))
        : tx.objectStore("undos").delete([projectPath, undo.id]),
    ]);
  });
}

/** Removes an undo and its snapshots. */
export function dropUndo(db: PanelDatabase, projectPath: string, undoId: string): Promise<void> {
  return db.run(["undos", "snapshots"], "readwrite", async (tx) => {
    await Promise.all([
      tx.objectStore("snapshots").delete(prefixRange(projectPath, undoId)),
      tx.objectStore("undos").delete([projectPath, undoId]),
    ]);
  });
}

/** This project's undos of `kind`, newest first, each with its clips' snapshots; a clip without
 * its snapshot is left out, unreadable rows yield nothing (never a crash). */
export function loadUndos(db: PanelDatabase, projectPath: string, kind: string): Promise<BatchUndo[]> {
  return db.run(["undos", "snapshots"], "readonly", async (tx) => {
    const rows = (await tx.objectStore("undos").getAll(prefixRange(projectPath))).filter(
      (u) => u.kind === kind && Array.isArray(u.clips),
    );
    const undos: BatchUndo[] = [];
    for (const { projectPath: _path, ...row } of rows.sort((a, b) => (a.at < b.at ? 1 : -1))) {
      const snapshots = await tx.objectStore("snapshots").getAll(prefixRange(projectPath, row.id));
      const byId = new Map(snapshots.map((s) => [s.nodeId, s.snapshot]));
      const clips: BatchUndoClip[] = [];
      for (const entry of row.clips) {
        const before = entry && byId.get(entry.nodeId);
        if (before && typeof before.xmp === "string") clips.push({ ...entry, before });
      }
      if (clips.length) undos.push({ ...row, clips });
    }
    return undos;
  });
}

/** The newest batch accept's undo. Older ones (left by another panel page) are removed; a
 * batch undo in localStorage (format 2) is moved over first. */
export async function loadBatchUndo(
  db: PanelDatabase,
  projectPath: string,
  legacy?: LegacyStorage,
): Promise<BatchUndo | null> {
  if (legacy) await migrateLegacyUndo(db, projectPath, legacy);
  const [newest, ...older] = await loadUndos(db, projectPath, "batch");
  for (const undo of older) await dropUndo(db, projectPath, undo.id).catch(() => undefined);
  return newest ?? null;
}

/** localStorage's keys of format 2 (before ADR 0030). */
export const batchUndoKey = (projectPath: string) => `reference-lookup.batch-undo:${projectPath}`;
const legacySnapshotKey = (projectPath: string, nodeId: string) =>
  `reference-lookup.batch-undo:${projectPath}:clip:${nodeId}`;

/** Moves format 2 over; its keys go only once the database has the undo. */
async function migrateLegacyUndo(db: PanelDatabase, projectPath: string, legacy: LegacyStorage): Promise<void> {
  const text = legacy.getItem(batchUndoKey(projectPath));
  if (!text) return;
  const keys = [batchUndoKey(projectPath)];
  let undo: BatchUndo | null = null;
  try {
    const parsed = JSON.parse(text) as { v?: number; undo?: Omit<StoredUndo, "id" | "kind" | "projectPath"> } | null;
    if (parsed?.v === 2 && parsed.undo && Array.isArray(parsed.undo.clips)) {
      const clips: BatchUndoClip[] = [];
      for (const entry of parsed.undo.clips) {
        if (!entry || typeof entry.nodeId !== "string") continue;
        const key = legacySnapshotKey(projectPath, entry.nodeId);
        keys.push(key);
        const before = JSON.parse(legacy.getItem(key) || "null") as ClipSnapshot | null;
        if (before && typeof before.xmp === "string") clips.push({ ...entry, before });
      }
      undo = { ...parsed.undo, id: `migrated-${newUndoId()}`, kind: "batch", clips };
    }
  } catch {
    undo = null; // unreadable: nothing to move (its keys are removed all the same)
  }
  if (undo?.clips.length) {
    const { clips } = undo;
    await db.run(["undos", "snapshots"], "readwrite", async (tx) => {
      const snapshots = tx.objectStore("snapshots");
      await Promise.all([
        ...clips.map((c) => snapshots.put({ projectPath, undoId: undo.id, nodeId: c.nodeId, snapshot: c.before })),
        tx.objectStore("undos").put(index(projectPath, undo)),
      ]);
    });
  }
  for (const key of keys)
    if (legacy.removeItem) legacy.removeItem(key);
    else legacy.setItem(key, "");
}
