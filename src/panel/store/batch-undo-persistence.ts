// Undo snapshots, kept per project in the panel's database (IndexedDB, ADR 0017 and 0030) so that
// an undo survives a panel reload and a Premiere restart. The one place where undo snapshots are
// persisted: a batch accept's (kind "batch") and any other undo of clips' writes (its own kind).
// Each undo has an id and a small row of its own; each clip's entry and snapshot (raw XMP, column
// values, the corrections file's bytes) is a row, written with the undo's row in one transaction
// before that clip's write, and again with the fingerprints after it. Writing the whole undo
// after each clip would cost the square of the batch.
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

/** An undo's row; its clips are rows of their own (StoredUndoClip). */
export interface StoredUndo extends Omit<BatchUndo, "clips"> {
  projectPath: string;
}

/** One clip of an undo: `seq` is its place in the undo's clips. */
export interface StoredUndoClip {
  projectPath: string;
  undoId: string;
  nodeId: string;
  seq: number;
  entry: Omit<BatchUndoClip, "before">;
  snapshot: ClipSnapshot;
}

export const newUndoId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

const header = (projectPath: string, { clips: _clips, ...undo }: BatchUndo): StoredUndo => ({ ...undo, projectPath });

function clipRow(projectPath: string, undo: BatchUndo, clip: BatchUndoClip): StoredUndoClip {
  const { before, ...entry } = clip;
  const seq = undo.clips.indexOf(clip);
  return { projectPath, undoId: undo.id, nodeId: clip.nodeId, seq, entry, snapshot: before };
}

/** These clips of the undo (as they are now: a new snapshot before its write, its fingerprints
 * after) and the undo's row, in one transaction. Rejects (StorageProblem) when they could not be
 * stored: before a write, then do not write. */
export function storeUndoClips(
  db: PanelDatabase,
  projectPath: string,
  undo: BatchUndo,
  clips: BatchUndoClip[],
): Promise<void> {
  return db.run(["undos", "snapshots"], "readwrite", async (tx) => {
    const rows = tx.objectStore("snapshots");
    await Promise.all([
      ...clips.map((c) => rows.put(clipRow(projectPath, undo, c))),
      tx.objectStore("undos").put(header(projectPath, undo)),
    ]);
  });
}

/** The whole undo (a small one, e.g. of one Accept). */
export const storeUndo = (db: PanelDatabase, projectPath: string, undo: BatchUndo) =>
  storeUndoClips(db, projectPath, undo, undo.clips);

/** Stores the undo exactly as given, in one transaction: its row and its clips' rows; rows of
 * clips no longer in it are removed, and with no clips left the undo goes altogether. For an undo
 * that lost clips (put back, or dropped from a bounded list) or was reordered. */
export function replaceUndo(db: PanelDatabase, projectPath: string, undo: BatchUndo): Promise<void> {
  const keep = new Set(undo.clips.map((c) => c.nodeId));
  return db.run(["undos", "snapshots"], "readwrite", async (tx) => {
    const rows = tx.objectStore("snapshots");
    const gone = (await rows.getAllKeys(prefixRange(projectPath, undo.id))).filter(([, , id]) => !keep.has(id));
    await Promise.all([
      ...gone.map((key) => rows.delete(key)),
      ...undo.clips.map((c) => rows.put(clipRow(projectPath, undo, c))),
      keep.size
        ? tx.objectStore("undos").put(header(projectPath, undo))
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
    const rows = (await tx.objectStore("undos").getAll(prefixRange(projectPath))).filter((u) => u.kind === kind);
    const undos: BatchUndo[] = [];
    for (const row of rows.sort((a, b) => (a.at < b.at ? 1 : -1))) {
      const stored = await tx.objectStore("snapshots").getAll(prefixRange(projectPath, row.id));
      const clips = stored
        .filter((c) => c.entry && typeof c.snapshot?.xmp === "string")
        .sort((a, b) => a.seq - b.seq)
        .map((c): BatchUndoClip => ({ ...c.entry, nodeId: c.nodeId, before: c.snapshot }));
      if (clips.length) undos.push({ id: row.id, kind: row.kind, at: row.at, threshold: row.threshold, clips });
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
    type Legacy = Omit<StoredUndo, "id" | "kind" | "projectPath"> & { clips: Array<Omit<BatchUndoClip, "before">> };
    const parsed = JSON.parse(text) as { v?: number; undo?: Legacy } | null;
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
    await storeUndo(db, projectPath, undo);
  }
  for (const key of keys)
    if (legacy.removeItem) legacy.removeItem(key);
    else legacy.setItem(key, "");
}
