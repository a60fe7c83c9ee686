// A batch's progress in numbers and words: done counts refined suggestions and decisions, the
// pace counts only this run, the time left stops while cancelled.
import { describe, expect, it } from "vitest";
import { batchProgress, type BatchRun, type QueuedClip } from "../../src/panel/store";
import { doneWords, etaWords, rateWords } from "../../src/panel/views/batch-words";
import type { ProjectItemRecord } from "../../src/shared/bridge/contract";

const clip = (nodeId: string) => ({ nodeId, name: `${nodeId}.mp4` }) as ProjectItemRecord;
const queued = (nodeId: string, status: QueuedClip["status"], refining = false): QueuedClip => ({
  clip: clip(nodeId),
  status,
  refining,
});

function run(nodeIds: string[], over: Partial<BatchRun> = {}): BatchRun {
  return {
    label: "“Day 1”",
    nodeIds,
    cancelled: false,
    startedAt: 0,
    doneAtStart: 0,
    alreadyDecided: 0,
    skipped: [],
    ...over,
  };
}

describe("batch progress", () => {
  it("counts suggested (refined), applied, skipped and failed clips as done", () => {
    const queue = [
      queued("a", "suggested"),
      queued("b", "suggested", true),
      queued("c", "applied"),
      queued("d", "failed"),
      queued("e", "embedding"),
      queued("f", "cancelled"),
    ];
    const p = batchProgress(run(["a", "b", "c", "d", "e", "f"]), queue, 60_000);
    expect(p).toMatchObject({ done: 3, total: 6, cancelled: 1, finished: false });
  });

  it("measures the pace from this run's start: 30 done in 2 minutes → 15 a minute, 6 min for 90", () => {
    const ids = Array.from({ length: 130 }, (_, i) => `c${i}`);
    const queue = ids.map((id, i) => queued(id, i < 40 ? "suggested" : "waiting"));
    const p = batchProgress(run(ids, { startedAt: 1_000, doneAtStart: 10 }), queue, 121_000);
    expect(p.perMinute).toBe(15);
    expect(p.etaSeconds).toBe(360);
    expect(rateWords(p)).toBe("15 clips a minute");
    expect(etaWords(p.etaSeconds)).toBe("about 6 min left");
  });

  it("has no pace before a clip is done, and no time left while cancelled", () => {
    const queue = [queued("a", "suggested"), queued("b", "cancelled")];
    expect(batchProgress(run(["a", "b"], { doneAtStart: 1 }), queue, 60_000).perMinute).toBeNull();
    expect(rateWords(batchProgress(run(["a", "b"], { doneAtStart: 1 }), queue, 60_000))).toBe("Measuring the pace…");
    expect(batchProgress(run(["a", "b"], { cancelled: true }), queue, 60_000).etaSeconds).toBeNull();
  });

  it("says the time left in words a glance reads", () => {
    expect(etaWords(null)).toBe("");
    expect(etaWords(40)).toBe("under a minute left");
    expect(etaWords(3 * 3600)).toBe("about 3 h left");
  });

  it("says at the end how many clips were suggested, and how many failed or were skipped", () => {
    const queue = [
      queued("a", "suggested"),
      queued("b", "applied"),
      queued("c", "failed"),
      queued("d", "skipped"),
      queued("e", "skipped"),
      queued("x", "suggested"), // another batch's clip
    ];
    expect(doneWords(run(["a", "b", "c", "d", "e"]), queue)).toBe("Done: 2 clips suggested · 1 failed · 2 skipped");
    expect(doneWords(run(["a"]), queue)).toBe("Done: 1 clip suggested");
  });
});
