// The queue's scheduler on its own: fakes of the host, the encoder and the catalog, and a plain
// object for the store (no simulator, no build). What it reports, in which order, within which
// limits, and what it does when the catalog is lost or a step fails.
import { describe, expect, it, vi } from "vitest";
import { CatalogError } from "../../src/lib/catalog";
import { calibrate } from "../../src/lib/suggestion";
import type { GrabbedFrames } from "../../src/panel/frames/grab-frames";
import type { QueuedClip } from "../../src/panel/store";
import { PIPELINE_LIMITS } from "../../src/panel/store/queue-pipeline";
import { QueueScheduler, type SchedulerReport, type SchedulerView } from "../../src/panel/store/queue-scheduler";
import { BUILT_IN_SETTINGS } from "../../src/panel/store/settings-values";
import type { ProjectItemRecord } from "../../src/shared/bridge/contract";
import { FakeCatalog, FakeEmbedder, MODEL, frameOfLook, sampleReferences } from "../../src/testing/fake-panel-services";

const clipRecord = (nodeId: string): ProjectItemRecord => ({
  nodeId,
  name: `${nodeId}.mov`,
  treePath: `\\${nodeId}.mov`,
  type: "CLIP",
  isSequence: false,
  mediaPath: `/media/${nodeId}.mov`,
  inPointTicks: null,
  outPointTicks: null,
  durationTicks: null,
  frameRate: 25,
  width: 1920,
  height: 1080,
  offline: false,
  still: false,
  imageSequence: false,
});

/** Counts how many calls are in flight at once. */
function peakCounter() {
  const counter = { now: 0, peak: 0 };
  return {
    counter,
    async around<T>(work: () => Promise<T>): Promise<T> {
      counter.peak = Math.max(counter.peak, ++counter.now);
      try {
        return await work();
      } finally {
        counter.now--;
      }
    },
  };
}

/** Host reads: each clip's XMP says location "kitchen"; the sidecar locks nothing. */
function fakeHost() {
  const reads: string[] = [];
  const call = vi.fn(async (fn: string, nodeId: string) => {
    reads.push(`${fn}:${nodeId}`);
    if (fn === "readClipMetadata") return { nodeId, metadata: { location: "kitchen" } };
    if (fn === "readIaSidecar") throw new Error("no sidecar");
    throw new Error(`unexpected host call ${fn}`);
  });
  return { host: { call } as never, reads };
}

async function setup(options: { clips?: number; look?: number } = {}) {
  const catalog = new FakeCatalog(sampleReferences());
  const embedder = new FakeEmbedder();
  const { host, reads } = fakeHost();
  const reports: SchedulerReport[] = [];
  const state: SchedulerView = {
    queue: Array.from({ length: options.clips ?? 1 }, (_, i) => ({ clip: clipRecord(`c${i}`), status: "waiting" })),
    selectedId: null,
    modelStatus: { state: "ready", modelVersion: MODEL, threads: 1, isTestModel: true },
    catalogStatus: { state: "connected", url: "http://catalog.test", defaultModelVersion: MODEL },
    calibrationStatus: { state: "ready", calibration: calibrate(MODEL, await catalog.referenceSample()) },
    settings: { ...BUILT_IN_SETTINGS, framesPerClip: 2 },
  };
  const apply = (nodeId: string, patch: Partial<QueuedClip>) =>
    (state.queue = state.queue.map((q) => (q.clip.nodeId === nodeId ? { ...q, ...patch } : q)));
  const grabs = peakCounter();
  const grab = vi.fn((_clip: ProjectItemRecord, fractions: number[]): Promise<GrabbedFrames> =>
    grabs.around(async () => ({
      method: "host-export",
      frames: fractions.map(() => frameOfLook(options.look ?? 10)),
      labels: fractions.map(String),
      fellBack: [],
    })),
  );
  const scheduler = new QueueScheduler({
    view: () => state,
    report: (report) => {
      reports.push(report);
      if (report.type === "encoder-ran") return;
      apply(report.nodeId, report.patch);
      // as the catalog slice does: no more matches until it reconnects
      if (report.type === "catalog-lost")
        state.catalogStatus = { state: "error", url: "http://catalog.test", error: { title: "lost", detail: "" } };
    },
    host,
    embedder: () => embedder,
    catalog: () => catalog,
    grab,
  });
  const status = () => state.queue.map((q) => q.status);
  return { scheduler, state, reports, catalog, embedder, reads, grab, grabs: grabs.counter, status };
}

describe("the queue's scheduler", () => {
  it("takes a clip from its frames to a suggestion, reading its metadata once, with the frames", async () => {
    const { scheduler, state, reports, reads, grab } = await setup();
    await scheduler.whenIdle();
    expect(state.queue[0]).toMatchObject({
      status: "suggested",
      current: { location: "kitchen", lockedFields: [] },
      refining: false,
      embeddings: { modelVersion: MODEL },
      technical: "frames via host-export",
    });
    expect(state.queue[0].suggestion?.fields.subject.value).toBe("oven");
    expect(grab).toHaveBeenCalledWith(state.queue[0].clip, [0.25, 0.75]); // the settings' two frames per clip
    expect(reads).toEqual(["readClipMetadata:c0", "readIaSidecar:c0"]);
    const steps = reports.map((r) => (r.type === "update" ? (r.patch.status ?? "patch") : r.type));
    expect(steps).toEqual(["grabbing", "embedding", "encoder-ran", "waiting", "matching", "suggested"]);
    // what a reload must not lose is kept at once: the embeddings, and the suggestion
    const kept = reports.flatMap((r) => (r.type === "update" && r.persist ? [r.patch.status] : []));
    expect(kept).toEqual(["waiting"]);
    expect(reports.at(-1)).toMatchObject({ type: "suggested", early: false });
  });

  it("keeps each stage within its limit and suggests in import order", async () => {
    const { scheduler, state, reports, embedder, catalog, grabs } = await setup({ clips: 9 });
    const embeds = peakCounter();
    const matches = peakCounter();
    const embedClip = embedder.embedClip.bind(embedder);
    embedder.embedClip = (images, labels, onFrame) => embeds.around(() => embedClip(images, labels, onFrame));
    const matchFrames = catalog.matchFrames.bind(catalog);
    catalog.matchFrames = (frames) => matches.around(() => matchFrames(frames));
    await scheduler.whenIdle();
    expect(state.queue.every((q) => q.status === "suggested")).toBe(true);
    const suggested = reports.flatMap((r) => (r.type === "suggested" ? [r.nodeId] : []));
    expect(suggested).toEqual(state.queue.map((q) => q.clip.nodeId));
    expect(grabs.peak).toBe(PIPELINE_LIMITS.grabbing);
    expect(embeds.counter.peak).toBe(PIPELINE_LIMITS.embedding);
    expect(matches.counter.peak).toBeLessThanOrEqual(PIPELINE_LIMITS.matching);
  });

  it("shows a suggestion from the first frame while the others are embedded, then refines it", async () => {
    const { scheduler, state, reports, embedder } = await setup();
    const { finish } = embedder.holdAfterFirstFrame();
    const idle = scheduler.whenIdle();
    await vi.waitFor(() => expect(state.queue[0]).toMatchObject({ status: "suggested", refining: true }));
    expect(reports.find((r) => r.type === "suggested")).toMatchObject({ early: true });
    finish();
    await idle;
    expect(state.queue[0]).toMatchObject({ status: "suggested", refining: false });
    expect(reports.filter((r) => r.type === "suggested").map((r) => r.type === "suggested" && r.early)).toEqual([
      true,
      false,
    ]);
  });

  it("a lost catalog leaves the clip waiting with its embeddings; another error fails it with a reason", async () => {
    const lost = await setup();
    lost.catalog.down = true;
    await lost.scheduler.whenIdle();
    expect(lost.state.queue[0]).toMatchObject({ status: "waiting", embeddings: { modelVersion: MODEL } });
    const report = lost.reports.at(-1);
    expect(report?.type).toBe("catalog-lost");
    expect(report?.type === "catalog-lost" && report.error).toBeInstanceOf(CatalogError);

    const broken = await setup();
    broken.embedder.embedClip = async () => {
      throw new Error("the encoder ran out of memory");
    };
    await broken.scheduler.whenIdle();
    expect(broken.state.queue[0]).toMatchObject({ status: "failed" });
    expect(broken.state.queue[0].detail).toContain("the encoder ran out of memory");
    expect(broken.reports.at(-1)).toMatchObject({ type: "update", persist: true });
  });

  it("waits for the encoder before grabbing; a clip given with its frames is held, not awaited", async () => {
    const { scheduler, state, grab, embedder } = await setup({ clips: 2 });
    const embedded: string[] = [];
    const embedClip = embedder.embedClip.bind(embedder);
    embedder.embedClip = (images, labels, onFrame) => (embedded.push(labels![0]), embedClip(images, labels, onFrame));
    state.modelStatus = { state: "loading", percent: 10, source: "test" };
    await scheduler.whenIdle();
    expect(grab).not.toHaveBeenCalled();
    const grabbed: GrabbedFrames = { method: "host-export", frames: [frameOfLook(20)], labels: ["p"], fellBack: [] };
    state.queue = [...state.queue, { clip: clipRecord("playhead"), status: "grabbing", origin: "timeline" }];
    await scheduler.takeGrabbed("playhead", grabbed); // resolves: no encoder to wait for
    expect(state.queue.at(-1)?.status).toBe("grabbing");

    state.modelStatus = { state: "ready", modelVersion: MODEL, threads: 1, isTestModel: true };
    await scheduler.whenIdle();
    // the frame at the playhead went to the encoder before the batch's clips
    expect(state.queue.map((q) => q.status)).toEqual(["suggested", "suggested", "suggested"]);
    expect(state.queue.at(-1)?.suggestion?.fields.subject.value).toBe("hob");
    expect(embedded[0]).toBe("p");
    expect(grab).toHaveBeenCalledTimes(2);
  });
});
