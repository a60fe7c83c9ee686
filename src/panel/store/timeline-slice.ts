// Save frame at playhead: the clip under the playhead on the topmost enabled video track, its
// source frame at the media time under the playhead (what ingestion sees, not the graded program
// frame), embedded and suggested in the same card, pre-filled from the clip's own XMP.
import { TICKS_PER_SECOND } from "../../shared/frames/frame-times";
import { readExportedFrames, type GrabbedFrames } from "../frames/grab-frames";
import { toPanelError } from "./panel-error";
import type { Slice } from "./slice";

export interface TimelineSlice {
  timelineBusy: boolean;
  timelineError: string | null;
  saveFrameAtPlayhead(): Promise<void>;
}

export const timelineSlice: Slice<TimelineSlice> = (set, get, services) => ({
  timelineBusy: false,
  timelineError: null,
  async saveFrameAtPlayhead() {
    const { host, media } = services;
    if (get().timelineBusy) return;
    set({ timelineBusy: true, timelineError: null });
    try {
      if (!media) throw new Error("This panel cannot read media files.");
      const at = await host.call("getClipAtPlayhead");
      const exported = await host.call("exportFrameAt", { nodeId: at.item.nodeId, ticks: at.sourceTicks });
      const [frame] = await readExportedFrames(exported, { host, media });
      const seconds = Number(at.sourceTicks) / TICKS_PER_SECOND;
      const grabbed: GrabbedFrames = {
        method: "host-export",
        frames: [frame],
        labels: [`${at.item.name} @ ${seconds.toFixed(2)} s`],
        fellBack: [],
      };
      await get().enqueueWithFrames(at.item, grabbed, "timeline");
      get().updateClip(at.item.nodeId, {
        technical: `frame at the playhead: ${seconds.toFixed(2)} s into the source, ${at.sequenceName}`,
      });
    } catch (e) {
      set({ timelineError: toPanelError("Save frame at playhead", e).detail });
    } finally {
      set({ timelineBusy: false });
    }
  },
});
