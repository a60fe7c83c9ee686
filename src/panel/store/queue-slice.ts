// New clips move through: waiting → grabbing frames → embedding → matching → suggested →
// applied (or skipped, or failed with a reason; or cancelled with their batch). The stages run
// as a pipeline in import order with bounded concurrency (queue-pipeline.ts): the next clips'
// frames are read while one is embedded and others are matched.
import { CatalogError } from "../../lib/catalog";
import { planGrab } from "../../lib/frames/grab-plan";
import { suggest, type Calibration, type CurrentMetadata, type Suggestion } from "../../lib/suggestion";
import type { ProjectItemRecord } from "../../shared/bridge/contract";
import type { IaMetadata } from "../../shared/metadata/ia-metadata";
import { grabFrames, type GrabbedFrames } from "../frames/grab-frames";
import { toPanelError } from "./panel-error";
import { PIPELINE_LIMITS, PipelineStages } from "./queue-pipeline";
import { initialDraft } from "./review-slice";
import { deserializeQueue, queueKey, serializeQueue } from "./queue-persistence";
import type { SaveState } from "./save-slice";
import { frameFractions } from "./settings-values";
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
  /** starts what can start now, as far as the model, the catalog and the stage limits allow;
   * resolves when nothing is in work any more */
  processQueue(): Promise<void>;
  /** puts a clip (back) in the queue with frames already grabbed, e.g. the frame at the playhead */
  enqueueWithFrames(clip: ProjectItemRecord, grabbed: GrabbedFrames, origin: "import" | "timeline"): Promise<void>;
  restoreQueue(projectPath: string): void;
  persistQueue(): void;
}

/** clips done most recently that keep all their frames (the rest keep their first) */
export const FULL_FRAMES_KEPT = 24;

const NO_CATALOG = "No reference catalog is configured: ask your admin for the studio config.";
const WAITING_FOR_CATALOG = "Waiting for the reference catalog…";
const CATALOG_LOST = "The reference catalog cannot be reached. This clip waits and is matched when it is back.";

/** Frames to read: a waiting clip not embedded yet. */
const grabbable = (q: QueuedClip) => q.status === "waiting" && !q.embeddings;
/** Embedded, to be matched: waiting for the catalog, or showing its first frame's suggestion. */
const matchable = (q: QueuedClip) => !!q.embeddings && (q.status === "waiting" || !!q.refining);

export const queueSlice: Slice<QueueSlice> = (set, get, services) => {
  const stages = new PipelineStages();
  const idleWaiters: Array<() => void> = [];
  const clipWaiters = new Map<string, () => void>();
  const grab = (clip: ProjectItemRecord) => {
    const fractions = frameFractions(get().settings.framesPerClip);
    if (services.grab) return services.grab(clip, fractions);
    if (!services.media) throw new Error("This panel cannot read media files.");
    return grabFrames(clip, { host: services.host, media: services.media }, fractions);
  };

  function readiness() {
    const { modelStatus, catalogStatus, calibrationStatus } = get();
    return {
      canEmbed: modelStatus.state === "ready" && !!services.embedder,
      canMatch: catalogStatus.state === "connected" && calibrationStatus.state === "ready",
    };
  }

  /** Runs one stage of one clip; the next clips start as it ends. */
  function run(stage: Set<string>, nodeId: string, work: () => Promise<void>): void {
    stage.add(nodeId);
    void work().finally(() => {
      stage.delete(nodeId);
      pump();
    });
  }

  /** Starts every stage that may start now, in queue order, within the limits. */
  function pump(): void {
    const { canEmbed, canMatch } = readiness();
    const queue = get().queue;
    if (canMatch) {
      for (const q of queue) {
        if (stages.matching.size >= PIPELINE_LIMITS.matching) break;
        if (matchable(q) && !stages.has(q.clip.nodeId)) run(stages.matching, q.clip.nodeId, () => matchTask(q));
      }
    }
    if (canEmbed && stages.embedding.size < PIPELINE_LIMITS.embedding && stages.grabbed.size) {
      // the editor's frame at the playhead goes before a batch's clips
      const read = queue.filter((q) => stages.grabbed.has(q.clip.nodeId));
      const next = read.find((q) => q.origin === "timeline") ?? read[0];
      if (next) {
        const grabbed = stages.grabbed.get(next.clip.nodeId)!;
        stages.grabbed.delete(next.clip.nodeId);
        run(stages.embedding, next.clip.nodeId, () => embedTask(next, grabbed));
      }
    }
    if (canEmbed) {
      for (const q of queue) {
        if (stages.framesAhead >= PIPELINE_LIMITS.framesAhead) break;
        if (stages.grabbing.size >= PIPELINE_LIMITS.grabbing) break;
        if (grabbable(q) && !stages.has(q.clip.nodeId)) run(stages.grabbing, q.clip.nodeId, () => grabTask(q));
      }
    }
    settleWaiters(canEmbed, canMatch);
  }

  /** Wakes whoever waits for the pipeline to be idle, or for one clip to be out of it. */
  function settleWaiters(canEmbed: boolean, canMatch: boolean): void {
    for (const [nodeId, wake] of clipWaiters) {
      const q = clipById(nodeId);
      // frames read but no encoder yet (the model still loading): the caller need not wait for it
      const held = stages.grabbed.has(nodeId) && !canEmbed;
      const inWork = stages.has(nodeId) && !held;
      const more = q && (inWork || (canMatch && matchable(q)) || (canEmbed && grabbable(q)));
      if (!more) {
        clipWaiters.delete(nodeId);
        wake();
      }
    }
    if (stages.idle) idleWaiters.splice(0).forEach((wake) => wake());
  }

  function failed(nodeId: string, e: unknown): void {
    readWithFrames.delete(nodeId);
    get().updateClip(nodeId, { status: "failed", detail: toPanelError("Suggesting", e).detail });
    get().persistQueue();
  }

  /** What each clip held when its frames were read. ExtendScript runs one call at a time: read
   * later, a clip's metadata would wait behind the next clip's frame export (seconds) and so would
   * its suggestion. Kept for this session only, until the clip's final suggestion. */
  const readWithFrames = new Map<string, Pick<QueuedClip, "current" | "currentProblem">>();

  async function grabTask(q: QueuedClip): Promise<void> {
    const id = q.clip.nodeId;
    get().updateClip(id, { status: "grabbing", detail: undefined });
    try {
      const grabbed = await grab(q.clip);
      readWithFrames.set(id, await readCurrent(q));
      stages.grabbed.set(id, grabbed);
    } catch (e) {
      failed(id, e);
    }
  }

  async function embedTask(q: QueuedClip, grabbed: GrabbedFrames): Promise<void> {
    const id = q.clip.nodeId;
    try {
      const embeddings = await embedStep(q, grabbed);
      const now = clipById(id);
      // an early suggestion on screen (or the editor's decision on it) stays until the match
      if (now?.refining) get().updateClip(id, { embeddings });
      else {
        const detail = get().catalogStatus.state === "unconfigured" ? NO_CATALOG : WAITING_FOR_CATALOG;
        get().updateClip(id, { status: "waiting", embeddings, detail });
      }
      // kept at once: a reload or crash before the match does not embed the clip again
      get().persistQueue();
    } catch (e) {
      failed(id, e);
    }
  }

  async function matchTask(q: QueuedClip): Promise<void> {
    const id = q.clip.nodeId;
    try {
      await matchStep(q, q.embeddings!);
    } catch (e) {
      if (e instanceof CatalogError && e.retryable) {
        // nothing is lost: the clip keeps its embeddings and is matched when the catalog is back
        get().updateClip(id, { status: "waiting", detail: CATALOG_LOST });
        get().catalogLost(e);
        return;
      }
      failed(id, e);
    }
  }

  async function embedStep(q: QueuedClip, grabbed: GrabbedFrames): Promise<NonNullable<QueuedClip["embeddings"]>> {
    const id = q.clip.nodeId;
    const frameUrls =
      typeof URL.createObjectURL === "function" ? grabbed.frames.map((f) => URL.createObjectURL(f)) : [];
    get().updateClip(id, {
      status: "embedding",
      detail: undefined,
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
    const result = await services.embedder!.embedClip(grabbed.frames, grabbed.labels, onFrame).finally(() =>
      // the embedder may have moved to WASM (its native thread died): the details line says so
      get().refreshModelDetail(),
    );
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
      readWithFrames.get(q.clip.nodeId) ?? readCurrent(q),
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
    let final;
    try {
      final = await suggestFrom(q, queries, embeddings.modelVersion, calibrationStatus.calibration);
    } finally {
      // used once: a later match (after the catalog was lost, say) reads the clip afresh
      readWithFrames.delete(id);
    }
    const { current, suggestion } = final;
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
    trimFrames();
  }

  /** A batch of hundreds of clips must not hold five full-size frames of each: the clips done
   * longest ago (beyond the last FULL_FRAMES_KEPT, and not on the card) keep only their first
   * frame, the card's picture and a saved reference's thumbnail. */
  function trimFrames(): void {
    const { queue, selectedId } = get();
    let recent = 0;
    for (let i = queue.length - 1; i >= 0; i--) {
      const q = queue[i];
      if (!q.frames || q.status === "grabbing" || q.status === "embedding" || q.refining) continue;
      if (++recent <= FULL_FRAMES_KEPT || q.frames.length < 2 || q.clip.nodeId === selectedId) continue;
      q.frameUrls?.slice(1).forEach((url) => URL.revokeObjectURL(url));
      get().updateClip(q.clip.nodeId, { frames: q.frames.slice(0, 1), frameUrls: q.frameUrls?.slice(0, 1) });
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
      stages.grabbed.set(clip.nodeId, grabbed);
      const settled = new Promise<void>((wake) => clipWaiters.set(clip.nodeId, wake));
      pump();
      await settled;
      get().select(clip.nodeId);
    },
    updateClip(nodeId, patch) {
      set({ queue: get().queue.map((q) => (q.clip.nodeId === nodeId ? { ...q, ...patch } : q)) });
    },
    processQueue() {
      const idle = new Promise<void>((wake) => idleWaiters.push(wake));
      pump();
      return idle;
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
