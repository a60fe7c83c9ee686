// How far a batch is: done / total, clips per minute since it (re)started, and the time left.
import type { SkippedItem } from "../../shared/bridge/contract";
import type { QueuedClip } from "./queue-slice";

/** A batch the editor started ("Suggest for this bin" / "Suggest for selection"). */
export interface BatchRun {
  /** what it is for, in the editor's words: the bin's name, or "the selection" */
  label: string;
  /** its clips, in the order they are worked through */
  nodeIds: string[];
  cancelled: boolean;
  /** when this run started (or resumed, or the panel reopened) and how many were done then */
  startedAt: number;
  doneAtStart: number;
  /** clips of the bin or selection that were already applied (or skipped), left out */
  alreadyDecided: number;
  /** items the host left out: sequences, offline media, no media file */
  skipped: SkippedItem[];
}

export interface BatchProgress {
  done: number;
  total: number;
  cancelled: number;
  /** null until a clip is done in this run */
  perMinute: number | null;
  etaSeconds: number | null;
  finished: boolean;
}

/** Suggested (refined), applied, skipped or failed: nothing more to do for the batch. */
export function isDone(q: QueuedClip | undefined): boolean {
  if (!q) return true; // no longer in the queue: nothing left to do for it
  if (q.status === "suggested") return !q.refining;
  return q.status === "applied" || q.status === "skipped" || q.status === "failed";
}

export function countDone(batch: BatchRun, queue: QueuedClip[]): number {
  const byId = new Map(queue.map((q) => [q.clip.nodeId, q]));
  return batch.nodeIds.filter((id) => isDone(byId.get(id))).length;
}

export function batchProgress(batch: BatchRun, queue: QueuedClip[], now: number): BatchProgress {
  const byId = new Map(queue.map((q) => [q.clip.nodeId, q]));
  const done = countDone(batch, queue);
  const cancelled = batch.nodeIds.filter((id) => byId.get(id)?.status === "cancelled").length;
  const total = batch.nodeIds.length;
  const doneThisRun = done - batch.doneAtStart;
  const minutes = (now - batch.startedAt) / 60000;
  const perMinute = doneThisRun > 0 && minutes > 0 ? doneThisRun / minutes : null;
  const left = total - done - cancelled;
  const etaSeconds = perMinute && !batch.cancelled ? Math.round((left / perMinute) * 60) : null;
  return { done, total, cancelled, perMinute, etaSeconds, finished: done === total };
}
