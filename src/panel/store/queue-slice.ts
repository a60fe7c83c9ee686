// New clips move through: waiting → grabbing frames → embedding → matching → suggested →
// applied (or skipped, or failed with a reason). One clip at a time, in import order.
import { CatalogError } from "../../lib/catalog";
import { planGrab } from "../../lib/frames/grab-plan";
import { suggest, type Calibration, type CurrentMetadata, type Suggestion } from "../../lib/suggestion";
import type { ProjectItemRecord } from "../../shared/bridge/contract";
import type { IaMetadata } from "../../shared/metadata/ia-metadata";
import { grabFrames, type GrabbedFrames } from "../frames/grab-frames";
import { toPanelError } from "./panel-error";
import { initialDraft } from "./review-slice";
import { deserializeQueue, queueKey, serializeQueue } from "./queue-persistence";
import type { SaveState } from "./save-slice";
import { frameFractions } from "./settings-values";
import type { Slice } from "./slice";

export type ClipStatus =
  "waiting" | "grabbing" | "embedding" | "matching" | "suggested" | "applied" | "skipped" | "failed";

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
  suggestion?: Suggestion;
  applied?: {
    at: string;
    metadata: IaMetadata;
    keptLocked: string[];
    /** what became of the correction in IA's .ingest-metadata-pp.json beside the media */
    correction?: { written: boolean; reason?: string };
  };
  /** its save as a reference, once the editor asked for one */
  saved?: SaveState;
}

export interface QueueSlice {
  queue: QueuedClip[];
  projectPath: string | null;
  enqueue(clips: ProjectItemRecord[]): void;
  updateClip(nodeId: string, patch: Partial<QueuedClip>): void;
  /** works through waiting clips, one at a time, as far as the model and the catalog allow */
  processQueue(): Promise<void>;
  /** puts a clip (back) in the queue with frames already grabbed, e.g. the frame at the playhead */
  enqueueWithFrames(clip: ProjectItemRecord, grabbed: GrabbedFrames, origin: "import" | "timeline"): Promise<void>;
  restoreQueue(projectPath: string): void;
  persistQueue(): void;
}

export const queueSlice: Slice<QueueSlice> = (set, get, services) => {
  let processing = false;
  let again = false;
  const grab = (clip: ProjectItemRecord) => {
    const fractions = frameFractions(get().settings.framesPerClip);
    if (services.grab) return services.grab(clip, fractions);
    if (!services.media) throw new Error("This panel cannot read media files.");
    return grabFrames(clip, { host: services.host, media: services.media }, fractions);
  };

  /** The next clip whose next step can run now. */
  function nextReady(): QueuedClip | undefined {
    const { modelStatus, catalogStatus, calibrationStatus } = get();
    const canEmbed = modelStatus.state === "ready" && !!services.embedder;
    const canMatch = catalogStatus.state === "connected" && calibrationStatus.state === "ready";
    return get().queue.find((q) => q.status === "waiting" && (q.embeddings ? canMatch : canEmbed));
  }

  async function embedStep(q: QueuedClip, given?: GrabbedFrames): Promise<NonNullable<QueuedClip["embeddings"]>> {
    const id = q.clip.nodeId;
    get().updateClip(id, { status: "grabbing", detail: undefined });
    const grabbed = given ?? (await grab(q.clip));
    const frameUrls =
      typeof URL.createObjectURL === "function" ? grabbed.frames.map((f) => URL.createObjectURL(f)) : [];
    get().updateClip(id, {
      status: "embedding",
      frames: grabbed.frames,
      frameUrls,
      technical: `frames via ${grabbed.method}`,
    });
    // progressive: the first frame ready is matched at once; the others refine its suggestion
    let early: Promise<void> | null = null;
    const onFrame =
      grabbed.frames.length > 1
        ? (_index: number, embedding: Float32Array) => {
            early ??= earlySuggestion(q, embedding).catch(() => undefined);
          }
        : undefined;
    const result = await services.embedder!.embedClip(grabbed.frames, grabbed.labels, onFrame);
    await early;
    return { modelVersion: result.modelVersion, pooled: result.clip, frames: result.frames };
  }

  /** A suggestion from one frame, shown while the clip's other frames are embedded. */
  async function earlySuggestion(q: QueuedClip, embedding: Float32Array): Promise<void> {
    const { calibrationStatus, modelStatus } = get();
    if (calibrationStatus.state !== "ready" || !services.catalog || modelStatus.state !== "ready") return;
    const { current, suggestion } = await suggestFrom(
      q,
      [embedding],
      modelStatus.modelVersion,
      calibrationStatus.calibration,
    );
    if (clipById(q.clip.nodeId)?.status !== "embedding") return; // the whole clip was faster
    get().updateClip(q.clip.nodeId, { ...current, status: "suggested", suggestion, refining: true });
    if (!get().selectedId) get().select(q.clip.nodeId);
  }

  const clipById = (nodeId: string) => get().queue.find((x) => x.clip.nodeId === nodeId);

  /** What the clip holds now, and the vote over its frames' neighbours. */
  async function suggestFrom(
    q: QueuedClip,
    queries: ArrayLike<number>[],
    modelVersion: string,
    calibration: Calibration,
  ) {
    const [current, frames] = await Promise.all([
      readCurrent(q),
      services.catalog!.matchFrames(queries, { k: get().settings.matchesPerFrame, modelVersion }),
    ]);
    const minConfidence = get().settings.abstentionThreshold;
    return {
      current,
      suggestion: suggest({ modelVersion, frames, current: current.current ?? {}, calibration, minConfidence }),
    };
  }

  async function readCurrent(q: QueuedClip): Promise<Pick<QueuedClip, "current" | "currentProblem">> {
    try {
      const record = await services.host.call("readClipMetadata", q.clip.nodeId);
      // the locks live in IA's sidecars, not in the XMP: a missing or unreadable one locks nothing
      const sidecar = await services.host.call("readIaSidecar", q.clip.nodeId).catch(() => null);
      const lockedFields = (sidecar?.lockedFields ?? []) as CurrentMetadata["lockedFields"];
      return { current: { ...(record.metadata as CurrentMetadata), lockedFields }, currentProblem: undefined };
    } catch (e) {
      return { current: {}, currentProblem: toPanelError("Reading the clip's metadata", e).detail };
    }
  }

  async function matchStep(q: QueuedClip, embeddings: NonNullable<QueuedClip["embeddings"]>): Promise<void> {
    const id = q.clip.nodeId;
    const { calibrationStatus } = get();
    if (calibrationStatus.state !== "ready") return;
    // an early suggestion stays on screen while the other frames are matched
    get().updateClip(id, clipById(id)?.refining ? { embeddings } : { status: "matching", embeddings });
    // frames when we have them; after a reload only the pooled embedding was kept
    const queries = embeddings.frames.length ? embeddings.frames : [embeddings.pooled];
    const { current, suggestion } = await suggestFrom(
      q,
      queries,
      embeddings.modelVersion,
      calibrationStatus.calibration,
    );
    const before = clipById(id);
    // the editor decided on the early suggestion while the other frames were still being looked at:
    // their decision stands; the clip keeps its full embedding (what a save stores)
    if (before?.status === "applied" || before?.status === "skipped") {
      get().updateClip(id, { refining: false, embeddings });
      get().persistQueue();
      return;
    }
    // the editor's draft follows the refined suggestion unless they already changed something
    const untouched =
      get().selectedId === id && before && JSON.stringify(get().draft) === JSON.stringify(initialDraft(before));
    get().updateClip(id, { ...current, status: "suggested", suggestion, detail: undefined, refining: false });
    get().persistQueue();
    if (!get().selectedId || untouched) get().select(id);
  }

  async function step(q: QueuedClip, given?: GrabbedFrames): Promise<void> {
    const id = q.clip.nodeId;
    let embeddings = q.embeddings;
    try {
      if (!embeddings) {
        embeddings = await embedStep(q, given);
        if (!clipById(id)?.refining)
          get().updateClip(id, { status: "waiting", embeddings, detail: "Waiting for the reference catalog…" });
      }
      const { catalogStatus } = get();
      if (catalogStatus.state === "unconfigured") {
        get().updateClip(id, {
          status: "waiting",
          detail: "No reference catalog is configured: ask your admin for the studio config.",
        });
        return;
      }
      await matchStep(q, embeddings);
    } catch (e) {
      if (e instanceof CatalogError && e.retryable) {
        // nothing is lost: the clip keeps its embeddings and is matched when the catalog is back
        get().updateClip(id, {
          status: "waiting",
          embeddings,
          detail: "The reference catalog cannot be reached. This clip waits and is matched when it is back.",
        });
        get().catalogLost(e);
        return;
      }
      get().updateClip(id, { status: "failed", detail: toPanelError("Suggesting", e).detail });
      get().persistQueue();
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
      // "grabbing" at once: the queue's own loop must not grab this clip's frames again
      const fresh: QueuedClip = { clip, status: "grabbing", origin };
      const others = get().queue.filter((q) => q.clip.nodeId !== clip.nodeId);
      set({ queue: [...others, fresh] });
      await step(fresh, grabbed);
      get().select(clip.nodeId);
    },
    updateClip(nodeId, patch) {
      set({ queue: get().queue.map((q) => (q.clip.nodeId === nodeId ? { ...q, ...patch } : q)) });
    },
    async processQueue() {
      if (processing) {
        again = true; // something changed while a clip was in work: look again afterwards
        return;
      }
      processing = true;
      try {
        do {
          again = false;
          // a clip left waiting with its embeddings waits for the catalog: nextReady skips it
          // until the catalog is connected again, and the others go on being embedded
          for (let next = nextReady(); next; next = nextReady()) await step(next);
        } while (again);
      } finally {
        processing = false;
      }
    },
    restoreQueue(projectPath) {
      if (get().projectPath === projectPath) return;
      const restored = deserializeQueue(services.storage?.getItem(queueKey(projectPath)) ?? null);
      const known = new Set(restored.map((q) => q.clip.nodeId));
      set({ projectPath, queue: [...restored, ...get().queue.filter((q) => !known.has(q.clip.nodeId))] });
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
