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
import { QueuePersistence } from "./queue-persistence";
import { StorageProblem, storageProblem } from "./panel-database";
import { loadThumbnails, storeThumbnail } from "./thumbnail-store";
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
  /** the project's stored queue and batch (moved from localStorage once); resolves when they
   * are in the store: work is scheduled only after that */
  restoreQueue(projectPath: string): Promise<void>;
  /** resolves when the queue and the batch as they are now are stored (or could not be: then
   * the banner says so and they stay in memory; the next call tries again) */
  persistQueue(): Promise<void>;
  /** a write to the panel's storage failed (problem) or worked again (null): the banner says so */
  storageWritten(what: string, problem: StorageProblem | null): void;
  /** a failed clip goes through the pipeline again (after its media was relinked, say) */
  retryClip(nodeId: string): void;
}

export { FULL_FRAMES_KEPT } from "./queue-scheduler";

export const queueSlice: Slice<QueueSlice> = (set, get, services, { catalog: connection }) => {
  const { database } = services;
  let persisted: QueuePersistence | null = null;
  /** the restore under way: the scheduler waits for it */
  let restoring: { projectPath: string; done: Promise<void> } | null = null;
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
      if (patch.frames?.length) keepThumbnail(nodeId, patch.frames[0]);
      if (report.persist) void get().persistQueue();
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

  /** The clip's first frame, small, for its picture after a reload (a failure only costs that). */
  function keepThumbnail(nodeId: string, frame: Blob): void {
    const { projectPath } = get();
    if (!database || !projectPath) return;
    const picture = services.clipThumbnail ? services.clipThumbnail(frame) : Promise.resolve(frame);
    picture
      .then((p) => storeThumbnail(database, projectPath, nodeId, p))
      .catch((e: unknown) => {
        if (e instanceof StorageProblem) get().storageWritten("Keeping the clip's picture", e);
      });
  }

  /** The stored pictures as the clips' first frame, where a clip has none in this session. */
  async function showThumbnails(projectPath: string): Promise<void> {
    if (!database || typeof URL.createObjectURL !== "function") return;
    const pictures = await loadThumbnails(database, projectPath).catch(() => new Map<string, Blob>());
    if (!pictures.size || get().projectPath !== projectPath) return;
    const queue = get().queue.map((q) => {
      const picture = pictures.get(q.clip.nodeId);
      if (!picture || q.frameUrls?.length) return q;
      const shown = { ...q, frameUrls: [URL.createObjectURL(picture)] };
      persisted?.markWritten(q, shown);
      return shown;
    });
    set({ queue });
  }

  async function restore(projectPath: string): Promise<void> {
    const store = database ? new QueuePersistence(database, projectPath) : null;
    let loaded: Awaited<ReturnType<QueuePersistence["load"]>> = { queue: [], batch: null };
    if (store) {
      try {
        loaded = await store.load(services.storage);
        get().clearError("storage");
      } catch (e) {
        get().storageWritten("Reading the stored queue", storageProblem(e));
      }
    }
    persisted = store;
    const known = new Set(loaded.queue.map((q) => q.clip.nodeId));
    set({ projectPath, queue: [...loaded.queue, ...get().queue.filter((q) => !known.has(q.clip.nodeId))] });
    get().restoreBatch(loaded.batch);
    // after a reload the editor picks up where the work is: the first clip that waits for review
    const open = get().queue.find((q) => q.status === "suggested");
    if (!get().selectedId && open) get().select(open.clip.nodeId);
    if (get().queue.length > loaded.queue.length) void get().persistQueue();
    await showThumbnails(projectPath);
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
    async processQueue() {
      // the stored queue comes first: a clip restored as applied is not worked on again
      if (restoring) await restoring.done;
      return scheduler.whenIdle();
    },
    retryClip(nodeId) {
      const q = get().queue.find((x) => x.clip.nodeId === nodeId);
      if (q?.status !== "failed") return;
      get().updateClip(nodeId, { status: "waiting", detail: undefined });
      void get().persistQueue();
      void get().processQueue();
    },
    restoreQueue(projectPath) {
      if (restoring?.projectPath === projectPath) return restoring.done;
      if (get().projectPath === projectPath) return Promise.resolve();
      const done = restore(projectPath).finally(() => {
        if (restoring?.done === done) restoring = null;
      });
      restoring = { projectPath, done };
      void done.then(() => get().processQueue());
      return done;
    },
    async persistQueue() {
      const { projectPath, queue, batch } = get();
      if (!persisted || persisted.projectPath !== projectPath) return;
      get().storageWritten("Keeping the queue", await persisted.save(queue, batch));
    },
    storageWritten(what, problem) {
      const title = `${what} failed`;
      // a write that works again clears its own problem, not another one's
      if (!problem) return void (get().error?.title === title && get().clearError("storage"));
      get().showError("storage", { title, detail: problem.message });
    },
  };
};
