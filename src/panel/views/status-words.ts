// Plain words for editors (no "via", "@q8", "by events" in the main view).
import type { QueuedClip } from "../store";

export function statusWords(q: QueuedClip): string {
  switch (q.status) {
    case "waiting":
      return q.detail ?? "Waiting…";
    case "grabbing":
      return "Reading frames…";
    case "cancelled":
      return "Cancelled with its batch · resume to suggest it";
    case "embedding":
      return "Looking at the frames…";
    case "matching":
      return "Finding similar shots…";
    case "suggested": {
      if (q.refining) return "First frame matched · refining with the others…";
      const n = q.suggestion?.evidence.length ?? 0;
      return n === 0 ? "No similar shots found" : `${n} similar shot${n === 1 ? "" : "s"} found`;
    }
    case "applied":
      return "Applied to the clip";
    case "skipped":
      return "Skipped";
    case "failed":
      return q.detail ?? "Failed";
  }
}

export function percent(x: number): string {
  return `${Math.round(x * 100)} %`;
}
