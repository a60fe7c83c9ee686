// The rule of ADR-0012 "A newer correction speaks for its shot": the case (22 §4) is a
// shot whose older references say "kitchen" and whose newest, the editor's correction, says
// "utility room"; the next clip of that shot must follow the correction, and the card must say so.
import { describe, expect, it } from "vitest";
import type { IaMetadata } from "../../src/shared/metadata/ia-metadata";
import {
  calibrate,
  suggest,
  supersededBy,
  type Calibration,
  type Neighbour,
  type Shot,
} from "../../src/lib/suggestion";
import { randomCentre, unitVector } from "../../src/testing/vectors";

const MODEL = "test/tiny@q8";
const real: Calibration = {
  modelVersion: MODEL,
  background: { mean: 0.5, std: 0.1 },
  sharpness: 1,
  fields: { points: [] },
  keywords: { points: [] },
  shot: { points: [] },
  nearDuplicate: 0.8,
  sampleSize: 0,
  calibrated: false,
};
const shot = (id: string): Shot => ({
  id,
  shotNumber: 4,
  shotType: null,
  subject: null,
  action: null,
  shotStatus: null,
  movementType: null,
});
const S4 = shot("shot-4");
let n = 0;
const ref = (similarity: number, m: Partial<IaMetadata>, more: Partial<Neighbour> = {}): Neighbour => ({
  referenceId: `r${++n}`,
  similarity,
  metadata: { location: "kitchen", subject: "worktop", shotType: "TRACK", ...m },
  shot: S4,
  correctedAt: "2026-12-01T09:00:00Z",
  ...more,
});
const correction = (similarity: number) =>
  ref(similarity, { location: "utility room" }, { correctedAt: "2026-12-06T13:05:00Z", correctedByYou: true });
const vote = (frames: Neighbour[][]) =>
  suggest({ modelVersion: MODEL, frames, current: {}, calibration: real, minConfidence: 0 });

describe("a newer correction of the same planned shot", () => {
  it("outweighs the older references of that shot: the next clip follows it", () => {
    const older = [ref(0.9, {}), ref(0.89, {}), ref(0.88, {})];
    const withoutTimes = vote([[...older, correction(0.9)].map(({ correctedAt: _, ...r }) => r)]);
    expect(withoutTimes.fields.location.value).toBe("kitchen");

    const s = vote([[...older, correction(0.9)]]);
    expect(s.fields.location.value).toBe("utility room");
    // the other fields, on which nobody disagreed, keep their vote
    expect(s.fields.subject.value).toBe("worktop");
    expect(s.fields.subject.disagreement).toBeNull();
  });

  it("says on the field who says what, and names the correction with its time", () => {
    const fix = correction(0.9);
    const s = vote([[ref(0.9, {}), ref(0.89, {}), ref(0.88, {}), fix]]);
    expect(s.fields.location.disagreement).toEqual({
      values: [
        { value: "kitchen", references: 3 },
        { value: "utility room", references: 1 },
      ],
      correction: { value: "utility room", correctedAt: fix.correctedAt, byYou: true, referenceId: fix.referenceId },
    });
  });

  it("leaves references of other shots, without a shot or without a time as they are", () => {
    const otherShot = [1, 2, 3].map(() => ref(0.9, {}, { shot: shot("shot-9") }));
    expect(vote([[...otherShot, correction(0.9)]]).fields.location.value).toBe("kitchen");
    const unlinked = [1, 2, 3].map(() => ref(0.9, {}, { shot: null }));
    expect(vote([[...unlinked, correction(0.9)]]).fields.location.value).toBe("kitchen");
    const untimed = [1, 2, 3].map(() => ref(0.9, {}, { correctedAt: undefined }));
    expect(vote([[...untimed, correction(0.9)]]).fields.location.value).toBe("kitchen");
  });

  it("an empty value is no correction, and an older reference never outweighs a newer one", () => {
    const emptyNewer = ref(0.9, { location: "" }, { correctedAt: "2026-12-07T00:00:00Z" });
    expect(supersededBy([ref(0.9, {}), emptyNewer]).size).toBe(0);
    const older = ref(0.9, { location: "utility room" }, { correctedAt: "2025-01-01T00:00:00Z" });
    const s = vote([[ref(0.9, {}), ref(0.9, {}), older]]);
    expect(s.fields.location.value).toBe("kitchen");
  });

  it("compares times, not their spelling: an offset later in the alphabet is not newer", () => {
    const a = ref(0.9, { location: "pantry" }, { correctedAt: "2026-12-06T14:00:00+02:00" }); // 12:00 UTC
    const b = ref(0.9, { location: "scullery" }, { correctedAt: "2026-12-06T12:30:00Z" });
    expect(supersededBy([a, b]).get(a.referenceId)?.location?.value).toBe("scullery");
  });

  it("marks in the evidence each reference's own values, the newest correction and what it outweighs", () => {
    const fix = correction(0.95);
    const old = ref(0.9, {});
    const s = vote([[fix, old]]);
    const [first, second] = s.evidence;
    expect(first).toMatchObject({
      referenceId: fix.referenceId,
      values: { location: "utility room", subject: "worktop", action: "", shotType: "TRACK" },
      newestOfShot: true,
      correctedByYou: true,
      superseded: [],
      disagrees: [],
    });
    expect(second).toMatchObject({
      referenceId: old.referenceId,
      values: { location: "kitchen" },
      newestOfShot: false,
      superseded: ["location"],
      disagrees: ["location"],
    });
  });

  it("keeps the calibration honest: held-out older references are judged by what the catalog now says", () => {
    // 6 shots × 5 views; in shot 0 the two newest views were corrected to "utility room"
    const sample = Array.from({ length: 30 }, (_, i) => {
      const c = Math.floor(i / 5);
      return {
        referenceId: `s${i}`,
        embedding: unitVector({ centre: randomCentre(c), noise: 0.3, seed: i + 1 }),
        metadata: {
          location: c === 0 && i >= 3 ? "utility room" : `room ${c}`,
          subject: `thing ${c}`,
          shotType: "MID",
        },
        shot: shot(`shot-${c}`),
        correctedAt: new Date(Date.UTC(2026, 11, 1, 0, i)).toISOString(),
      } as const;
    });
    const c = calibrate(MODEL, [...sample]);
    // every leave-one-out answer is right under the rule: one step, all right (Laplace-smoothed)
    expect(c.fields.points).toHaveLength(1);
    const [all] = c.fields.points;
    expect(all.accuracy).toBeCloseTo((all.n + 1) / (all.n + 2), 9);
  });
});
