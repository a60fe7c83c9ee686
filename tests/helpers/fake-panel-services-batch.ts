// Fakes for batch tests: each stage (frame grab, encoder, catalog match) takes a few
// milliseconds, counts its calls per clip and the most clips it ever held at once. A panel's
// fakes share one `PanelLife`: once it has crashed, nothing they start or have in work ever
// answers, as when Premiere quits, while the counters go on for the next panel.
import type { GrabbedFrames } from "../../src/panel/frames/grab-frames";
import type { ProjectItemRecord } from "../../src/shared/bridge/contract";
import { FakeCatalog, FakeEmbedder, frameOfLook, sampleReferences } from "../../src/testing/fake-panel-services";

/** Calls per clip and the peak in flight of one stage; shared by the stores of one test. */
export class StageCounter {
  readonly calls = new Map<string, number>();
  inFlight = 0;
  peak = 0;
  /** counts the call, waits `ms`, and never answers once the panel crashed */
  async enter<T>(nodeId: string, ms: number, life: PanelLife, work: () => Promise<T>): Promise<T> {
    this.calls.set(nodeId, (this.calls.get(nodeId) ?? 0) + 1);
    this.inFlight++;
    this.peak = Math.max(this.peak, this.inFlight);
    try {
      await new Promise((r) => setTimeout(r, ms));
      if (life.crashed) await new Promise(() => undefined);
      return await work();
    } finally {
      this.inFlight--;
    }
  }
  total(): number {
    let n = 0;
    for (const c of this.calls.values()) n += c;
    return n;
  }
}

export interface PanelLife {
  crashed: boolean;
}

/** The three stages' counters. */
export function batchCounters() {
  return { grab: new StageCounter(), embed: new StageCounter(), match: new StageCounter() };
}
export type BatchCounters = ReturnType<typeof batchCounters>;

/** A grab whose frames carry the clip's id as their label (so the encoder can count per clip). */
export function countingGrab(counters: BatchCounters, life: PanelLife, look = 10) {
  return (clip: ProjectItemRecord): Promise<GrabbedFrames> =>
    counters.grab.enter(clip.nodeId, 2, life, async () => ({
      method: "host-export",
      frames: [frameOfLook(look), frameOfLook(look)],
      labels: [clip.nodeId, clip.nodeId],
      fellBack: [],
    }));
}

export class CountingEmbedder extends FakeEmbedder {
  constructor(
    private readonly counter: StageCounter,
    private readonly life: PanelLife,
  ) {
    super();
  }
  override async embedClip(images: Blob[], labels?: string[]) {
    return this.counter.enter(labels?.[0] ?? "?", 3, this.life, () => super.embedClip(images, labels));
  }
}

export class CountingCatalog extends FakeCatalog {
  constructor(
    private readonly counter: StageCounter,
    private readonly life: PanelLife,
  ) {
    super(sampleReferences());
  }
  override async matchFrames(frames: ArrayLike<number>[]) {
    return this.counter.enter("match", 4, this.life, () => super.matchFrames(frames));
  }
}
