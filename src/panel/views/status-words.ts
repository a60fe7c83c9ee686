// Plain words for editors (no "via", "@q8", "by events" in the main view).
import type { PanelState, QueuedClip } from "../store";

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
      return failureWords(q.detail).said;
  }
}

export function percent(x: number): string {
  return `${Math.round(x * 100)} %`;
}

/** A clip that could not be suggested, in an editor's words: what happened and what to do. The
 * methods' own messages (which decoder, which timeout) stay in `detail`, one click away. */
export function failureWords(detail: string | undefined): { said: string; todo: string } {
  const d = detail ?? "";
  if (/is offline: its media file is missing/.test(d))
    return { said: "Media offline", todo: "Its media file is missing: relink it in Premiere, then Retry." };
  if (/is not a clip with media/.test(d))
    return { said: "Not a clip with media", todo: "Only clips with a media file get suggestions: Skip it." };
  if (/No frames from|cannot decode|did not write frame/.test(d))
    return {
      said: "No picture could be read",
      todo: "Neither the panel nor Premiere could read a frame of this clip. If its media is offline or moved, relink it in Premiere; then Retry.",
    };
  return { said: "Could not be suggested", todo: "Retry; if it fails again, Skip it and tell your admin." };
}

/** The references the panel's model can match, as last counted: the offline copy's count after
 * each sync (a save is followed by one), else the calibration's sample when the panel started. */
export function referenceCount(s: Pick<PanelState, "calibrationStatus" | "copyStatus" | "modelStatus">): number | null {
  const model = s.modelStatus.state === "ready" ? s.modelStatus.modelVersion : null;
  if (s.copyStatus.state === "synced" && s.copyStatus.modelVersion === model) return s.copyStatus.references;
  return s.calibrationStatus.state === "ready" ? s.calibrationStatus.calibration.sampleSize : null;
}
