// The queue: new clips move through waiting → grabbing frames → embedding → matching → suggested
// → applied (or skipped, or failed with a reason; or cancelled with their batch). The slice holds
// the clips and keeps them across reloads; the scheduler (queue-scheduler.ts) runs their stages
// and reports back here.
import { planGrab } from "../../lib/frames/grab-plan";
import type { CurrentMetadata, Suggestion } from "../../lib/suggestion";
import type { ProjectItemRecord } from "../../shared/bridge/contract";
import type { IaMetadata } from "../../shared/metadata/ia-metadata";
import { grabFrames, type GrabbedFrames } from "../frames/grab-frames";
import { initialDraft } from "./review-slice";
import { deserializeQueue, queueKey, serializeQueue } from "./queue-persistence";
import { QueueScheduler, type SchedulerReport } from "./queue-scheduler";
import type { SaveState } from "./save-slice";
import type { Slice } from "./slice";

export type ClipStatus =
  | "waiting"
  | "grabbing"
  | "embedding"
  | "matching"
  | "suggested"
  | "applied"
  | "skipped"
  | "failed"
  /** its batch was cancelled before the clip was started: resuming the batch puts it back */
  | "cancelled";

export interface QueuedClip {
  clip: ProjectItemRecord;
  status: ClipStatus;
  /** plain words: why it failed, or what it waits for */
  detail?: string;
  /** for the details line: how the frames were read, timings */
  technical?: string;
  /** the grabbed frames, and as object URLs for the card (neither kept across reloads) */
  frames?: Blob[];
  frameUrls?: string[];
  /** the suggestion is from the first frame; the other frames are still being looked at */
  refining?: boolean;
  /** "timeline": a frame at the playhead, saved from the timeline (one frame, the source's) */
  origin?: "import" | "timeline";
  embeddings?: { modelVersion: string; pooled: Float32Array; frames: Float32Array[] };
  /** what the clip's XMP says now */
  current?: CurrentMetadata;
  /** the XMP could not be read: the suggestion stands alone */
  currentProblem?: string;
  /** one of IA's sidecars beside the media could not be read (it is left as it is) */
  sidecarProblem?: string;
  suggestion?: Suggestion;
  applied?: {
    at: string;
    metadata: IaMetadata;
    keptLocked: string[];
    /** what became of the correction in IA's .ingest-metadata-pp.json beside the media:
     * `reason` when not writing it was right, `problem` when the editor should act */
    correction?: { written: boolean; reason?: string; problem?: string };
  };
  /** its save as a reference, once the editor asked for one */
  saved?: SaveState;
}

export interface QueueSlice {
  queue: QueuedClip[];
  projectPath: string | null;
  enqueue(clips: ProjectItemRecord[]): void;
  updateClip(nodeId: string, patch: Partial<QueuedClip>): void;
  /** starts what can start now, as far as the model, the catalog and the stage limits allow;
   * resolves when nothing is in work any more */
  processQueue(): Promise<void>;
  /** puts a clip (back) in the queue with frames already grabbed, e.g. the frame at the playhead */
  enqueueWithFrames(clip: ProjectItemRecord, grabbed: GrabbedFrames, origin: "import" | "timeline"): Promise<void>;
  restoreQueue(projectPath: string): void;
  persistQueue(): void;
  /** a failed clip goes through the pipeline again (after its media was relinked, say) */
  retryClip(nodeId: string): void;
}

export { FULL_FRAMES_KEPT } from "./queue-scheduler";

export const queueSlice: Slice<QueueSlice> = (set, get, services, { catalog: connection }) => {
  const scheduler = new QueueScheduler({
    view: get,
    report: (report) => applyReport(report),
    host: services.host,
    embedder: () => services.embedder,
    catalog: () => connection.current,
    grab: (clip, fractions) => {
      if (services.grab) return services.grab(clip, fractions);
      if (!services.media) throw new Error("This panel cannot read media files.");
      return grabFrames(clip, { host: services.host, media: services.media }, fractions);
    },
  });

  /** What the scheduler found, into the queue (and the card, when it shows a new suggestion). */
  function applyReport(report: SchedulerReport): void {
    // the embedder may have moved to WASM (its native thread died): the details line says so
    if (report.type === "encoder-ran") return get().refreshModelDetail();
    const { nodeId, patch } = report;
    if (report.type === "update") {
      get().updateClip(nodeId, patch);
      if (report.persist) get().persistQueue();
    } else if (report.type === "catalog-lost") {
      get().updateClip(nodeId, patch);
      get().catalogLost(report.error);
    } else if (report.early) {
      get().updateClip(nodeId, patch);
      if (!get().selectedId) get().select(nodeId);
    } else {
      // the editor's draft follows the refined suggestion unless they already changed something
      const before = get().queue.find((q) => q.clip.nodeId === nodeId);
      const untouched =
        get().selectedId === nodeId && before && JSON.stringify(get().draft) === JSON.stringify(initialDraft(before));
      get().updateClip(nodeId, patch);
      get().persistQueue();
      if (!get().selectedId || untouched) get().select(nodeId);
    }
  }

  return {
    queue: [],
    projectPath: null,
    enqueue(clips) {
      const known = new Set(get().queue.map((q) => q.clip.nodeId));
      const fresh = clips
        .filter((c) => !known.has(c.nodeId))
        .map((clip): QueuedClip => {
          const plan = planGrab(clip);
          return plan.blocked ? { clip, status: "failed", detail: plan.blocked } : { clip, status: "waiting" };
        });
      if (!fresh.length) return;
      set({ queue: [...get().queue, ...fresh] });
      get().persistQueue();
      void get().processQueue();
    },
    async enqueueWithFrames(clip, grabbed, origin) {
      // its frames are read: the pipeline takes it to the encoder next, without grabbing again
      const fresh: QueuedClip = { clip, status: "grabbing", origin };
      const others = get().queue.filter((q) => q.clip.nodeId !== clip.nodeId);
      set({ queue: [...others, fresh] });
      await scheduler.takeGrabbed(clip.nodeId, grabbed);
      get().select(clip.nodeId);
    },
    updateClip(nodeId, patch) {
      set({ queue: get().queue.map((q) => (q.clip.nodeId === nodeId ? { ...q, ...patch } : q)) });
    },
    processQueue() {
      return scheduler.whenIdle();
    },
    retryClip(nodeId) {
      const q = get().queue.find((x) => x.clip.nodeId === nodeId);
      if (q?.status !== "failed") return;
      get().updateClip(nodeId, { status: "waiting", detail: undefined });
      get().persistQueue();
      void get().processQueue();
    },
    restoreQueue(projectPath) {
      if (get().projectPath === projectPath) return;
      const restored = deserializeQueue(services.storage?.getItem(queueKey(projectPath)) ?? null);
      const known = new Set(restored.map((q) => q.clip.nodeId));
      set({ projectPath, queue: [...restored, ...get().queue.filter((q) => !known.has(q.clip.nodeId))] });
      get().restoreBatch(projectPath);
      // after a reload the editor picks up where the work is: the first clip that waits for review
      const open = get().queue.find((q) => q.status === "suggested");
      if (!get().selectedId && open) get().select(open.clip.nodeId);
      void get().processQueue();
    },
    persistQueue() {
      const { projectPath, queue } = get();
      if (!projectPath || !services.storage) return;
      try {
        services.storage.setItem(queueKey(projectPath), serializeQueue(queue));
      } catch {
        // storage full: the queue still works for this session
      }
    },
  };
};
