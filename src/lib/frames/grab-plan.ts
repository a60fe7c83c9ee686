// Which way to get a clip's frames, fastest first. Stills are read as they are; numbered image
// sequences by their files; video that Chromium decodes (H.264/HEVC in MP4/MOV) is sought with
// <video> + canvas, falling back to Premiere's export when the browser cannot decode it (a MOV
// may hold ProRes); everything else (ProRes, DNx, MXF, …) goes through the host export.
import type { ProjectItemRecord } from "../../shared/bridge/contract";
import { TICKS_PER_SECOND } from "../../shared/frames/frame-times";
import { mediaOfflineMessage } from "../../shared/messages";

export type GrabMethod = "still-file" | "image-sequence-files" | "browser-video" | "host-export";

export interface GrabPlan {
  /** methods to try in order; empty when the clip cannot be grabbed */
  methods: GrabMethod[];
  /** why nothing can be grabbed */
  blocked?: string;
}

const BROWSER_VIDEO = /\.(mp4|m4v|mov)$/i;

export function planGrab(clip: ProjectItemRecord): GrabPlan {
  if (clip.type !== "CLIP" || clip.isSequence)
    return { methods: [], blocked: `“${clip.name}” is not a clip with media.` };
  if (clip.offline || !clip.mediaPath) {
    return { methods: [], blocked: mediaOfflineMessage(clip.name) };
  }
  if (clip.still) return { methods: ["still-file", "host-export"] };
  if (clip.imageSequence) return { methods: ["image-sequence-files", "host-export"] };
  if (BROWSER_VIDEO.test(clip.mediaPath)) return { methods: ["browser-video", "host-export"] };
  return { methods: ["host-export"] };
}

/** Seconds into the media file for each fraction of the in–out range (for <video> seeking). */
export function mediaSecondsAt(clip: ProjectItemRecord, fractions: number[]): number[] {
  const inS = Number(clip.inPointTicks ?? 0) / TICKS_PER_SECOND;
  const outS = Number(clip.outPointTicks ?? 0) / TICKS_PER_SECOND;
  return fractions.map((f) => inS + (outS - inS) * f);
}

/** The numbered files of an image sequence that fall at each fraction. */
export function imageSequenceFiles(clip: ProjectItemRecord, fractions: number[]): string[] {
  const match = /(\d{3,})(\.[A-Za-z0-9]+)$/.exec(clip.mediaPath ?? "");
  if (!match || !clip.frameRate) return [];
  const first = Number(match[1]);
  const prefix = clip.mediaPath!.slice(0, match.index);
  return mediaSecondsAt(clip, fractions).map((s) => {
    const n = first + Math.floor(s * clip.frameRate! + 1e-6);
    return `${prefix}${String(n).padStart(match[1].length, "0")}${match[2]}`;
  });
}
