// The undo of the last batch accept, kept per project beside the queue (localStorage) so that it
// survives a panel reload and a Premiere restart. It holds each clip's snapshot from before the
// write: the raw XMP, the column values and the corrections file's bytes (ADR 0017).
import type { ClipSnapshot } from "../../shared/bridge/contract";

const VERSION = 1;

export const batchUndoKey = (projectPath: string) => `reference-lookup.batch-undo:${projectPath}`;

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

export function serializeBatchUndo(undo: BatchUndo | null): string {
  return undo ? JSON.stringify({ v: VERSION, undo }) : "";
}

/** Unreadable or foreign data yields no undo, never a crash. */
export function deserializeBatchUndo(text: string | null): BatchUndo | null {
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as { v?: number; undo?: BatchUndo };
    const undo = parsed.v === VERSION ? parsed.undo : undefined;
    if (!undo || !Array.isArray(undo.clips)) return null;
    const clips = undo.clips.filter((c) => c && typeof c.nodeId === "string" && typeof c.before?.xmp === "string");
    return clips.length ? { ...undo, clips } : null;
  } catch {
    return null;
  }
}
