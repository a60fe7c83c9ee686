// The queue's scheduler: runs each clip through grab → embed → match in import order, within the
// stage limits of queue-pipeline.ts, so that the next clips' frames are read while one is embedded
// and others are matched. It reads the store through `view` and tells the queue slice what became
// of each clip through one callback (`report`); the slice owns the state, the scheduler only
// what is in flight (its stages, the metadata read with the frames, who waits for what).
import type { HostClient } from "../../lib/bridge";
import { CatalogError, type Catalog } from "../../lib/catalog";
import { suggest, type Calibration, type CurrentMetadata } from "../../lib/suggestion";
import type { ProjectItemRecord } from "../../shared/bridge/contract";
import type { GrabbedFrames } from "../frames/grab-frames";
import type { PanelState } from "./panel-store";
import { toPanelError } from "./panel-error";
import { PIPELINE_LIMITS, PipelineStages } from "./queue-pipeline";
import type { QueuedClip } from "./queue-slice";
import type { Embedder } from "./services";
import { frameFractions } from "./settings-values";

/** What the scheduler reads of the store. */
export type SchedulerView = Pick<
  PanelState,
  "queue" | "selectedId" | "modelStatus" | "catalogStatus" | "calibrationStatus" | "settings"
>;

/** What became of a clip, for the queue slice to apply. */
export type SchedulerReport =
  /** the clip's new fields; `persist`: keep the queue now (a reload must not lose this step) */
  | { type: "update"; nodeId: string; patch: Partial<QueuedClip>; persist: boolean }
  /** a suggestion to show: `early` from the first frame while the others are embedded, else the
   * clip's final one (the slice decides what the card shows) */
  | { type: "suggested"; nodeId: string; patch: Partial<QueuedClip>; early: boolean }
  /** the catalog could not be reached: the clip waits with its embeddings */
  | { type: "catalog-lost"; nodeId: string; patch: Partial<QueuedClip>; error: CatalogError }
  /** the encoder answered (or failed) for a clip: which path runs may have changed */
  | { type: "encoder-ran"; nodeId: string };

export interface SchedulerDeps {
  view: () => SchedulerView;
  report: (report: SchedulerReport) => void;
  /** the clip's metadata and IA's sidecar beside its media */
  host: Pick<HostClient, "call">;
  embedder: () => Embedder | undefined;
  catalog: () => Pick<Catalog, "matchFrames"> | null;
  /** reads a clip's frames at these fractions of its in–out range */
  grab: (clip: ProjectItemRecord, fractions: number[]) => Promise<GrabbedFrames>;
}

/** clips done most recently that keep all their frames (the rest keep their first) */
export const FULL_FRAMES_KEPT = 24;

const NO_CATALOG = "No reference catalog is configured: ask your admin for the studio config.";
const WAITING_FOR_CATALOG = "Waiting for the reference catalog…";
const CATALOG_LOST = "The reference catalog cannot be reached. This clip waits and is matched when it is back.";

type Embeddings = NonNullable<QueuedClip["embeddings"]>;
type ReadMetadata = Pick<QueuedClip, "current" | "currentProblem" | "sidecarProblem">;

/** Frames to read: a waiting clip not embedded yet. */
const grabbable = (q: QueuedClip) => q.status === "waiting" && !q.embeddings;
/** Embedded, to be matched: waiting for the catalog, or showing its first frame's suggestion. */
const matchable = (q: QueuedClip) => !!q.embeddings && (q.status === "waiting" || !!q.refining);

export class QueueScheduler {
  private readonly stages = new PipelineStages();
  private readonly idleWaiters: Array<() => void> = [];
  private readonly clipWaiters = new Map<string, () => void>();
  /** What each clip held when its frames were read. ExtendScript runs one call at a time: read
   * later, a clip's metadata would wait behind the next clip's frame export (seconds) and so would
   * its suggestion. Kept for this session only, until the clip's final suggestion. */
  private readonly readWithFrames = new Map<string, ReadMetadata>();

  constructor(private readonly deps: SchedulerDeps) {}

  /** Starts what can start now; resolves when nothing is in work any more. */
  whenIdle(): Promise<void> {
    const idle = new Promise<void>((wake) => this.idleWaiters.push(wake));
    this.pump();
    return idle;
  }

  /** Takes a clip whose frames are already read (the frame at the playhead) to the encoder next;
   * resolves when the clip is out of the pipeline, or held only for want of an encoder. */
  takeGrabbed(nodeId: string, grabbed: GrabbedFrames): Promise<void> {
    this.stages.grabbed.set(nodeId, grabbed);
    const settled = new Promise<void>((wake) => this.clipWaiters.set(nodeId, wake));
    this.pump();
    return settled;
  }

  private readiness() {
    const { modelStatus, catalogStatus, calibrationStatus } = this.deps.view();
    return {
      canEmbed: modelStatus.state === "ready" && !!this.deps.embedder(),
      canMatch: catalogStatus.state === "connected" && calibrationStatus.state === "ready",
    };
  }

  /** Runs one stage of one clip; the next clips start as it ends. */
  private run(stage: Set<string>, nodeId: string, work: () => Promise<void>): void {
    stage.add(nodeId);
    void work().finally(() => {
      stage.delete(nodeId);
      this.pump();
    });
  }

  /** Starts every stage that may start now, in queue order, within the limits. */
  private pump(): void {
    const { stages } = this;
    const { canEmbed, canMatch } = this.readiness();
    const queue = this.deps.view().queue;
    if (canMatch) {
      for (const q of queue) {
        if (stages.matching.size >= PIPELINE_LIMITS.matching) break;
        if (matchable(q) && !stages.has(q.clip.nodeId)) this.run(stages.matching, q.clip.nodeId, () => this.match(q));
      }
    }
    if (canEmbed && stages.embedding.size < PIPELINE_LIMITS.embedding && stages.grabbed.size) {
      // the editor's frame at the playhead goes before a batch's clips
      const read = queue.filter((q) => stages.grabbed.has(q.clip.nodeId));
      const next = read.find((q) => q.origin === "timeline") ?? read[0];
      if (next) {
        const grabbed = stages.grabbed.get(next.clip.nodeId)!;
        stages.grabbed.delete(next.clip.nodeId);
        this.run(stages.embedding, next.clip.nodeId, () => this.embed(next, grabbed));
      }
    }
    if (canEmbed) {
      for (const q of queue) {
        if (stages.framesAhead >= PIPELINE_LIMITS.framesAhead) break;
        if (stages.grabbing.size >= PIPELINE_LIMITS.grabbing) break;
        if (grabbable(q) && !stages.has(q.clip.nodeId)) this.run(stages.grabbing, q.clip.nodeId, () => this.grab(q));
      }
    }
    this.settleWaiters(canEmbed, canMatch);
  }

  /** Wakes whoever waits for the pipeline to be idle, or for one clip to be out of it. */
  private settleWaiters(canEmbed: boolean, canMatch: boolean): void {
    const { stages } = this;
    for (const [nodeId, wake] of this.clipWaiters) {
      const q = this.clipById(nodeId);
      // frames read but no encoder yet (the model still loading): the caller need not wait for it
      const held = stages.grabbed.has(nodeId) && !canEmbed;
      const inWork = stages.has(nodeId) && !held;
      const more = q && (inWork || (canMatch && matchable(q)) || (canEmbed && grabbable(q)));
      if (!more) {
        this.clipWaiters.delete(nodeId);
        wake();
      }
    }
    if (stages.idle) this.idleWaiters.splice(0).forEach((wake) => wake());
  }

  private clipById(nodeId: string): QueuedClip | undefined {
    return this.deps.view().queue.find((x) => x.clip.nodeId === nodeId);
  }

  private update(nodeId: string, patch: Partial<QueuedClip>, persist = false): void {
    this.deps.report({ type: "update", nodeId, patch, persist });
  }

  private failed(nodeId: string, e: unknown): void {
    this.readWithFrames.delete(nodeId);
    this.update(nodeId, { status: "failed", detail: toPanelError("Suggesting", e).detail }, true);
  }

  private async grab(q: QueuedClip): Promise<void> {
    const id = q.clip.nodeId;
    this.update(id, { status: "grabbing", detail: undefined });
    try {
      const grabbed = await this.deps.grab(q.clip, frameFractions(this.deps.view().settings.framesPerClip));
      this.readWithFrames.set(id, await this.readCurrent(q));
      this.stages.grabbed.set(id, grabbed);
    } catch (e) {
      this.failed(id, e);
    }
  }

  private async embed(q: QueuedClip, grabbed: GrabbedFrames): Promise<void> {
    const id = q.clip.nodeId;
    try {
      const embeddings = await this.embedFrames(q, grabbed);
      // an early suggestion on screen (or the editor's decision on it) stays until the match;
      // kept at once: a reload or crash before the match does not embed the clip again
      if (this.clipById(id)?.refining) this.update(id, { embeddings }, true);
      else {
        const detail = this.deps.view().catalogStatus.state === "unconfigured" ? NO_CATALOG : WAITING_FOR_CATALOG;
        this.update(id, { status: "waiting", embeddings, detail }, true);
      }
    } catch (e) {
      this.failed(id, e);
    }
  }

  private async match(q: QueuedClip): Promise<void> {
    const id = q.clip.nodeId;
    try {
      await this.matchClip(q, q.embeddings!);
    } catch (e) {
      if (e instanceof CatalogError && e.retryable) {
        // nothing is lost: the clip keeps its embeddings and is matched when the catalog is back
        this.deps.report({
          type: "catalog-lost",
          nodeId: id,
          patch: { status: "waiting", detail: CATALOG_LOST },
          error: e,
        });
        return;
      }
      this.failed(id, e);
    }
  }

  private async embedFrames(q: QueuedClip, grabbed: GrabbedFrames): Promise<Embeddings> {
    const id = q.clip.nodeId;
    const frameUrls =
      typeof URL.createObjectURL === "function" ? grabbed.frames.map((f) => URL.createObjectURL(f)) : [];
    this.update(id, {
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
            early ??= this.earlySuggestion(q, embedding).catch(() => undefined);
          }
        : undefined;
    const result = await this.deps
      .embedder()!
      .embedClip(grabbed.frames, grabbed.labels, onFrame)
      .finally(() => this.deps.report({ type: "encoder-ran", nodeId: id }));
    await early;
    return { modelVersion: result.modelVersion, pooled: result.pooled, frames: result.frames };
  }

  /** A suggestion from one frame, shown while the clip's other frames are embedded. */
  private async earlySuggestion(q: QueuedClip, embedding: Float32Array): Promise<void> {
    const { calibrationStatus, modelStatus } = this.deps.view();
    if (calibrationStatus.state !== "ready" || !this.deps.catalog() || modelStatus.state !== "ready") return;
    const { current, suggestion } = await this.suggestFrom(
      q,
      [embedding],
      modelStatus.modelVersion,
      calibrationStatus.calibration,
    );
    if (this.clipById(q.clip.nodeId)?.status !== "embedding") return; // the whole clip was faster
    this.deps.report({
      type: "suggested",
      nodeId: q.clip.nodeId,
      patch: { ...current, status: "suggested", suggestion, refining: true },
      early: true,
    });
  }

  /** What the clip holds now, and the vote over its frames' neighbours. */
  private async suggestFrom(
    q: QueuedClip,
    queries: ArrayLike<number>[],
    modelVersion: string,
    calibration: Calibration,
  ) {
    const { settings } = this.deps.view();
    const [current, frames] = await Promise.all([
      this.readWithFrames.get(q.clip.nodeId) ?? this.readCurrent(q),
      this.deps.catalog()!.matchFrames(queries, { k: settings.matchesPerFrame, modelVersion }),
    ]);
    const minConfidence = this.deps.view().settings.abstentionThreshold;
    return {
      current,
      suggestion: suggest({ modelVersion, frames, current: current.current ?? {}, calibration, minConfidence }),
    };
  }

  private async readCurrent(q: QueuedClip): Promise<ReadMetadata> {
    const { host } = this.deps;
    try {
      const record = await host.call("readClipMetadata", q.clip.nodeId);
      // the locks live in IA's sidecars, not in the XMP, and so does IA's shot number (ADR 0022)
      let sidecarProblem: string | undefined;
      const sidecar = await host.call("readIaSidecar", q.clip.nodeId).catch((e) => {
        sidecarProblem = toPanelError("Reading IA's sidecars", e).detail;
        return null;
      });
      const lockedFields = (sidecar?.lockedFields ?? []) as CurrentMetadata["lockedFields"];
      const current: CurrentMetadata = { ...(record.metadata as CurrentMetadata), lockedFields };
      const shotNumber = sidecar?.shotNumber ?? record.metadata.shotNumber;
      if (shotNumber) current.shotNumber = shotNumber;
      return { current, currentProblem: undefined, sidecarProblem: sidecar?.problem ?? sidecarProblem };
    } catch (e) {
      return { current: {}, currentProblem: toPanelError("Reading the clip's metadata", e).detail };
    }
  }

  private async matchClip(q: QueuedClip, embeddings: Embeddings): Promise<void> {
    const id = q.clip.nodeId;
    const { calibrationStatus } = this.deps.view();
    if (calibrationStatus.state !== "ready") return;
    // an early suggestion stays on screen while the other frames are matched
    this.update(id, this.clipById(id)?.refining ? { embeddings } : { status: "matching", embeddings });
    // frames when we have them; after a reload only the pooled embedding was kept
    const queries = embeddings.frames.length ? embeddings.frames : [embeddings.pooled];
    let final;
    try {
      final = await this.suggestFrom(q, queries, embeddings.modelVersion, calibrationStatus.calibration);
    } finally {
      // used once: a later match (after the catalog was lost, say) reads the clip afresh
      this.readWithFrames.delete(id);
    }
    const { current, suggestion } = final;
    const before = this.clipById(id);
    // the editor decided on the early suggestion while the other frames were still being looked at:
    // their decision stands; the clip keeps its full embedding (what a save stores)
    if (before?.status === "applied" || before?.status === "skipped") {
      this.update(id, { refining: false, embeddings }, true);
      return;
    }
    this.deps.report({
      type: "suggested",
      nodeId: id,
      patch: { ...current, status: "suggested", suggestion, detail: undefined, refining: false },
      early: false,
    });
    this.trimFrames();
  }

  /** A batch of hundreds of clips must not hold five full-size frames of each: the clips done
   * longest ago (beyond the last FULL_FRAMES_KEPT, and not on the card) keep only their first
   * frame, the card's picture and a saved reference's thumbnail. */
  private trimFrames(): void {
    const { queue, selectedId } = this.deps.view();
    let recent = 0;
    for (let i = queue.length - 1; i >= 0; i--) {
      const q = queue[i];
      if (!q.frames || q.status === "grabbing" || q.status === "embedding" || q.refining) continue;
      if (++recent <= FULL_FRAMES_KEPT || q.frames.length < 2 || q.clip.nodeId === selectedId) continue;
      q.frameUrls?.slice(1).forEach((url) => URL.revokeObjectURL(url));
      this.update(q.clip.nodeId, { frames: q.frames.slice(0, 1), frameUrls: q.frameUrls?.slice(0, 1) });
    }
  }
}
