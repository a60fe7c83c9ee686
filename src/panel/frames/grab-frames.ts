// A clip's sample frames by the fastest path that works (src/lib/frames/grab-plan.ts), falling
// back to Premiere's own export, which decodes every codec Premiere plays.
import type { ExportFramesResult, HostClient, ProjectItemRecord } from "../../lib/bridge";
import { DEFAULT_FRAME_FRACTIONS } from "../../shared/frames/frame-times";
import { imageSequenceFiles, mediaSecondsAt, planGrab, type GrabMethod } from "../../lib/frames/grab-plan";
import type { MediaAccess } from "./media-access";
import { videoFrames } from "./video-frames";

export interface GrabbedFrames {
  method: GrabMethod;
  frames: Blob[];
  labels: string[];
  /** why faster methods were skipped */
  fellBack: string[];
}

export class GrabFailed extends Error {}

export async function grabFrames(
  clip: ProjectItemRecord,
  deps: { host: HostClient; media: MediaAccess },
  fractions: number[] = DEFAULT_FRAME_FRACTIONS,
): Promise<GrabbedFrames> {
  const plan = planGrab(clip);
  if (plan.blocked) throw new GrabFailed(plan.blocked);
  const fellBack: string[] = [];
  for (const method of plan.methods) {
    try {
      return { method, fellBack, ...(await grabFramesWith(method, clip, deps, fractions)) };
    } catch (e) {
      fellBack.push(`${method}: ${(e as Error).message}`);
    }
  }
  throw new GrabFailed(`No frames from “${clip.name}”: ${fellBack.join("; ")}`);
}

/** One method only, no fallback (the self-check times each method on its own). */
export async function grabFramesWith(
  method: GrabMethod,
  clip: ProjectItemRecord,
  { host, media }: { host: HostClient; media: MediaAccess },
  fractions: number[],
) {
  switch (method) {
    case "still-file":
      return { frames: [await media.readFile(clip.mediaPath!)], labels: [clip.name] };
    case "image-sequence-files": {
      const files = imageSequenceFiles(clip, fractions);
      return {
        frames: await Promise.all(files.map((f) => media.readFile(f))),
        labels: files.map((f) => f.split(/[\\/]/).pop()!),
      };
    }
    case "browser-video": {
      const frames = await videoFrames(media.videoUrl(clip.mediaPath!), mediaSecondsAt(clip, fractions));
      return { frames, labels: fractions.map((f) => `${clip.name} @ ${Math.round(f * 100)}%`) };
    }
    case "host-export": {
      const exported = await host.call("exportFrames", { nodeId: clip.nodeId, fractions });
      return {
        frames: await readExportedFrames(exported, { host, media }),
        labels: exported.frames.map((f) => `${clip.name} @ ${Math.round(f.fraction * 100)}%`),
      };
    }
  }
}

/** The files Premiere exported, read; their folder is released whether reading worked or not. */
export async function readExportedFrames(
  exported: ExportFramesResult,
  { host, media }: { host: HostClient; media: MediaAccess },
): Promise<Blob[]> {
  try {
    return await Promise.all(exported.frames.map((f) => media.readFile(f.path)));
  } finally {
    await host.call("releaseFrames", exported.folder).catch(() => undefined);
  }
}
