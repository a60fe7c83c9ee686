// The undo of the last batch accept, kept per project beside the queue (localStorage) so that it
// survives a panel reload and a Premiere restart (ADR 0017). Each clip's snapshot (raw XMP,
// column values, the corrections file's bytes) has its own key, written once before that clip's
// write; a small index lists the clips. Writing the whole undo after each clip would cost the
// square of the batch (300 camera clips: about 1.5 GB of JSON).
import type { ClipSnapshot } from "../../shared/bridge/contract";

const VERSION = 2;

export const batchUndoKey = (projectPath: string) => `reference-lookup.batch-undo:${projectPath}`;
const snapshotKey = (projectPath: string, nodeId: string) =>
  `reference-lookup.batch-undo:${projectPath}:clip:${nodeId}`;

type Storage = { getItem(key: string): string | null; setItem(key: string, value: string): void };

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
  /** when the batch accept started (ISO) */
  at: string;
  threshold: number;
  /** in the order they were written; undone in reverse (IA's corrections file is per folder) */
  clips: BatchUndoClip[];
}

/** One clip's snapshot, before its write. Throws when storage is full. */
export function storeSnapshot(storage: Storage, projectPath: string, snapshot: ClipSnapshot): void {
  storage.setItem(snapshotKey(projectPath, snapshot.nodeId), JSON.stringify(snapshot));
}

/** The list of clips (without their snapshots); null clears the undo. Throws when storage is full. */
export function storeUndoIndex(storage: Storage, projectPath: string, undo: BatchUndo | null): void {
  const index = undo && { ...undo, clips: undo.clips.map(({ before: _before, ...entry }) => entry) };
  storage.setItem(batchUndoKey(projectPath), index ? JSON.stringify({ v: VERSION, undo: index }) : "");
}

/** Frees the snapshots of clips no longer in an undo (localStorage has no room to waste). */
export function dropSnapshots(storage: Storage, projectPath: string, nodeIds: string[]): void {
  for (const id of nodeIds) storage.setItem(snapshotKey(projectPath, id), "");
}

/** Unreadable or foreign data yields no undo, never a crash; a clip without its snapshot is left out. */
export function loadBatchUndo(storage: Storage, projectPath: string): BatchUndo | null {
  try {
    const parsed = JSON.parse(storage.getItem(batchUndoKey(projectPath)) || "null") as {
      v?: number;
      undo?: Omit<BatchUndo, "clips"> & { clips: Array<Omit<BatchUndoClip, "before">> };
    } | null;
    const undo = parsed?.v === VERSION ? parsed.undo : undefined;
    if (!undo || !Array.isArray(undo.clips)) return null;
    const clips: BatchUndoClip[] = [];
    for (const entry of undo.clips) {
      const text =
        entry && typeof entry.nodeId === "string" ? storage.getItem(snapshotKey(projectPath, entry.nodeId)) : null;
      const before = text ? (JSON.parse(text) as ClipSnapshot) : null;
      if (before && typeof before.xmp === "string") clips.push({ ...entry, before });
    }
    return clips.length ? { ...undo, clips } : null;
  } catch {
    return null;
  }
}
