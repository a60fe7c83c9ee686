// A batch's progress in plain words: "12.5 clips a minute · about 4 min left".
import type { BatchProgress, BatchRun, ClipStatus, QueuedClip } from "../store";

export function rateWords(p: BatchProgress): string {
  if (p.perMinute === null) return "Measuring the pace…";
  const rate = p.perMinute >= 10 ? Math.round(p.perMinute) : Math.round(p.perMinute * 10) / 10;
  return `${rate} clip${rate === 1 ? "" : "s"} a minute`;
}

export function etaWords(seconds: number | null): string {
  if (seconds === null) return "";
  if (seconds < 60) return "under a minute left";
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} min left`;
  return `about ${Math.round(minutes / 6) / 10} h left`;
}

/** A finished batch: "Done: 78 clips suggested · 1 failed · 2 skipped" (accepted ones were suggested). */
export function doneWords(batch: BatchRun, queue: QueuedClip[]): string {
  const statusOf = new Map(queue.map((q) => [q.clip.nodeId, q.status]));
  const count = (...statuses: ClipStatus[]) =>
    batch.nodeIds.filter((id) => statuses.includes(statusOf.get(id) as ClipStatus)).length;
  const suggested = count("suggested", "applied");
  const failed = count("failed");
  const skipped = count("skipped");
  return [
    `Done: ${suggested} clip${suggested === 1 ? "" : "s"} suggested`,
    failed > 0 && `${failed} failed`,
    skipped > 0 && `${skipped} skipped`,
  ]
    .filter(Boolean)
    .join(" · ");
}
