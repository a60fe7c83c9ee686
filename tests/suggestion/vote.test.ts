import { describe, expect, it } from "vitest";
import type { IaMetadata } from "../../src/shared/metadata/ia-metadata";
import {
  calibrate,
  dot,
  suggest,
  type Calibration,
  type LabeledReference,
  type Neighbour,
  type Shot,
} from "../../src/lib/suggestion";
import { randomCentre, unitVector } from "../../src/testing/vectors";

const MODEL = "test/tiny@q8";
const meta = (m: Partial<IaMetadata>): IaMetadata => ({ location: "kitchen", subject: "oven", shotType: "MID", ...m });
let nextId = 0;
const near = (similarity: number, m: Partial<IaMetadata>, extra: Partial<Neighbour> = {}): Neighbour => ({
  referenceId: `ref-${++nextId}`,
  similarity,
  metadata: meta(m),
  shot: null,
  ...extra,
});
const shot = (id: string, more: Partial<Shot> = {}): Shot => ({
  id,
  shotNumber: 3,
  shotType: "CU",
  subject: "hob",
  action: null,
  shotStatus: "1st_take",
  movementType: "Standard",
  ...more,
});

/** A calibration with no curves: confidences are shrunk vote shares (what a tiny catalog gets). */
function uncalibrated(mean: number, std: number): Calibration {
  const empty = { points: [] };
  return {
    modelVersion: MODEL,
    background: { mean, std },
    sharpness: 1,
    fields: empty,
    keywords: empty,
    shot: empty,
    nearDuplicate: mean + 3 * std,
    sampleSize: 0,
    calibrated: false,
  };
}
const real = uncalibrated(0.5, 0.1); // real CLIP: unrelated images near 0.5
const random = uncalibrated(0.985, 0.004); // random test models: everything between 0.97 and 1.0

describe("the vote", () => {
  it("weights neighbours by similarity: one close reference outvotes two distant ones", () => {
    const frames = [[near(0.92, { subject: "hob" }), near(0.62, { subject: "oven" }), near(0.6, { subject: "oven" })]];
    const s = suggest({ modelVersion: MODEL, frames, current: {}, calibration: real, minConfidence: 0 });
    expect(s.fields.subject.value).toBe("hob");
    expect(s.fields.subject.alternatives.map((a) => a.value)).toEqual(["oven"]);
    expect(s.fields.subject.confidence).toBeGreaterThan(s.fields.subject.alternatives[0].confidence);
  });

  it("gives the same answer for the same structure on a random model's compressed scale", () => {
    // the same standardised distances as above, on the 0.97–1.0 scale of the test models
    const z = (s: number) => 0.985 + ((s - 0.5) / 0.1) * 0.004;
    const frames = [
      [near(z(0.92), { subject: "hob" }), near(z(0.62), { subject: "oven" }), near(z(0.6), { subject: "oven" })],
    ];
    const s = suggest({ modelVersion: MODEL, frames, current: {}, calibration: random, minConfidence: 0 });
    expect(s.fields.subject.value).toBe("hob");
    // a raw cosine threshold would have called all three near-identical; the calibrated one does not
    expect(s.fields.subject.support.map((x) => x.similarity)).toEqual([z(0.92)]);
  });

  it("votes across frames: agreement of several frames beats one frame's best match", () => {
    const frames = [
      [near(0.8, { location: "hallway" }), near(0.79, { location: "kitchen" })],
      [near(0.78, { location: "kitchen" })],
      [near(0.78, { location: "kitchen" })],
    ];
    const s = suggest({ modelVersion: MODEL, frames, current: {}, calibration: real, minConfidence: 0 });
    expect(s.fields.location.value).toBe("kitchen");
    expect(s.framesUsed).toBe(3);
  });

  it("breaks an exact tie by the best single similarity, then by name, the same way every time", () => {
    const a = near(0.8, { subject: "tap" });
    const b = near(0.8, { subject: "sink" });
    const once = suggest({ modelVersion: MODEL, frames: [[a, b]], current: {}, calibration: real, minConfidence: 0 });
    const again = suggest({ modelVersion: MODEL, frames: [[b, a]], current: {}, calibration: real, minConfidence: 0 });
    expect(once.fields.subject.value).toBe("sink");
    expect(again.fields.subject.value).toBe("sink");
  });

  it("groups values that differ only in case or spaces, and shows the form most voters wrote", () => {
    const frames = [
      [near(0.9, { location: "Kitchen" }), near(0.88, { location: "kitchen " }), near(0.87, { location: "Kitchen" })],
    ];
    const s = suggest({ modelVersion: MODEL, frames, current: {}, calibration: real, minConfidence: 0 });
    expect(s.fields.location.value).toBe("Kitchen");
    expect(s.fields.location.alternatives).toEqual([]);
  });

  it("abstains below the confidence threshold rather than guessing", () => {
    const frames = [[near(0.8, { subject: "tap" }), near(0.8, { subject: "sink" }), near(0.8, { subject: "bath" })]];
    const s = suggest({ modelVersion: MODEL, frames, current: {}, calibration: real, minConfidence: 0.5 });
    expect(s.fields.subject.value).toBeNull();
    expect(s.fields.subject.fillsEmpty).toBe(false);
    expect(s.fields.subject.alternatives.map((a) => a.value).sort()).toEqual(["bath", "sink", "tap"]);
    // the location all three agree on is still proposed
    expect(s.fields.location.value).toBe("kitchen");
  });

  it("neighbours no closer than unrelated references get no vote at all", () => {
    const frames = [[near(0.45, { subject: "tap" }), near(0.5, { subject: "tap" })]];
    const s = suggest({ modelVersion: MODEL, frames, current: {}, calibration: real, minConfidence: 0 });
    expect(s.fields.subject.value).toBeNull();
    expect(s.fields.subject.confidence).toBe(0);
  });

  it("never replaces a human's value or a locked field: it shows the suggestion beside it", () => {
    const frames = [[near(0.95, { subject: "oven", location: "kitchen", action: "cleaning" })]];
    const current = { subject: "hob", location: "kitchen", lockedFields: ["location" as const] };
    const s = suggest({ modelVersion: MODEL, frames, current, calibration: real, minConfidence: 0 });
    expect(s.fields.subject).toMatchObject({ value: "oven", current: "hob", locked: false, fillsEmpty: false });
    expect(s.fields.location).toMatchObject({ value: "kitchen", locked: true, fillsEmpty: false });
    expect(s.fields.action).toMatchObject({ value: "cleaning", current: "", fillsEmpty: true });
  });

  it("proposes the weighted union of the neighbours' keywords above the threshold", () => {
    const frames = [
      [
        near(0.9, { keywords: ["steel", "door open", "Steel"] }),
        near(0.88, { keywords: ["steel", "light"] }),
        near(0.65, { keywords: ["crumbs"] }),
      ],
    ];
    const s = suggest({
      modelVersion: MODEL,
      frames,
      current: { keywords: ["mine"] },
      calibration: real,
      minConfidence: 0.3,
    });
    // "light" (one reference) and "crumbs" (a distant one) stay below the threshold
    expect(s.keywords.map((k) => k.value)).toEqual(["steel", "door open"]);
    expect(s.keywords[0].confidence).toBeGreaterThan(s.keywords[1].confidence);
    expect(s.currentKeywords).toEqual(["mine"]);
  });

  it("suggests the planned shot and maps EAV's shot type to IA's explicitly", () => {
    const tracking = shot("s-7", { shotType: null, movementType: "Tracking", shotNumber: 7 });
    const frames = [
      [
        near(0.9, { subject: "hob", shotType: "WS" }, { shot: tracking }),
        near(0.9, { subject: "hob", shotType: "CU" }, { shot: tracking }),
        near(0.9, { subject: "hob", shotType: "MID" }, { shot: tracking }),
      ],
    ];
    const s = suggest({ modelVersion: MODEL, frames, current: {}, calibration: real, minConfidence: 0.5 });
    expect(s.shot?.shot.id).toBe("s-7");
    expect(s.shot?.iaShotType).toBe("TRACK");
    // the framing vote is split three ways; the shot's own type (EAV Tracking → IA TRACK) fills it
    expect(s.fields.shotType.value).toBe("TRACK");
    expect(s.evidence[0].backs).toContain("shot #7");
  });

  it("maps EAV types without an IA equivalent to nothing (OBJ-L needs the editor)", () => {
    const objl = shot("s-2", { shotType: "OBJ-L" });
    const frames = [
      [
        near(0.9, { shotType: "WS" }, { shot: objl }),
        near(0.9, { shotType: "CU" }, { shot: objl }),
        near(0.9, { shotType: "MID" }, { shot: objl }),
      ],
    ];
    const s = suggest({ modelVersion: MODEL, frames, current: {}, calibration: real, minConfidence: 0.5 });
    expect(s.shot?.iaShotType).toBeNull();
    expect(s.fields.shotType.value).toBeNull();
  });

  it("with no neighbours, suggests nothing and says so", () => {
    const s = suggest({ modelVersion: MODEL, frames: [[], []], current: {}, calibration: real });
    for (const f of Object.values(s.fields)) expect(f).toMatchObject({ value: null, confidence: 0 });
    expect(s.shot).toBeNull();
    expect(s.keywords).toEqual([]);
    expect(s.evidence).toEqual([]);
  });

  it("ignores neighbours of another model version and counts them", () => {
    const frames = [
      [
        near(0.99, { subject: "tap" }, { modelVersion: "other@q8" }),
        near(0.9, { subject: "oven" }, { modelVersion: MODEL }),
      ],
    ];
    const s = suggest({ modelVersion: MODEL, frames, current: {}, calibration: real, minConfidence: 0 });
    expect(s.fields.subject.value).toBe("oven");
    expect(s.ignoredOtherModel).toBe(1);
    expect(s.evidence.map((e) => e.similarity)).toEqual([0.9]);
  });

  it("lists each reference once as evidence, with its best similarity, its frames and what it backs", () => {
    const ref = near(0.9, { subject: "oven", keywords: ["steel"] }, { thumbnailUrl: "http://x/t.jpg" });
    const frames = [[ref], [{ ...ref, similarity: 0.93 }], [near(0.7, { subject: "tap" })]];
    const s = suggest({ modelVersion: MODEL, frames, current: {}, calibration: real, minConfidence: 0.2 });
    const e = s.evidence.find((x) => x.referenceId === ref.referenceId)!;
    expect(e).toMatchObject({ similarity: 0.93, frames: [0, 1], thumbnailUrl: "http://x/t.jpg" });
    expect(e.backs).toEqual(expect.arrayContaining(["subject: oven", "location: kitchen", "keywords: steel"]));
  });
});

describe("calibration per model version", () => {
  /** A catalog of `groups` clusters of `per` references on a unit sphere, spread like a model's scale. */
  function catalog(groups: number, per: number, spread: number, dims = 16): LabeledReference[] {
    const out: LabeledReference[] = [];
    for (let g = 0; g < groups; g++) {
      const centre = randomCentre(7 + g, dims);
      for (let i = 0; i < per; i++) {
        out.push({
          referenceId: `g${g}-${i}`,
          embedding: Array.from(unitVector({ dims, centre, noise: spread, seed: 1000 * g + i })),
          metadata: meta({ location: `loc${g}`, subject: `subj${g}`, keywords: [`kw${g}`] }),
          shot: shot(`shot-${g}`),
        });
      }
    }
    return out;
  }

  it("learns from leave-one-out that clean clusters are reliable, and fits monotone curves", () => {
    const c = calibrate(MODEL, catalog(6, 5, 0.3));
    expect(c.calibrated).toBe(true);
    expect(c.sampleSize).toBe(30);
    const acc = c.fields.points.map((p) => p.accuracy);
    expect([...acc].sort((a, b) => a - b)).toEqual(acc);
    expect(acc[acc.length - 1]).toBeGreaterThan(0.9);
    expect(c.nearDuplicate).toBeGreaterThan(c.background.mean);
    expect(c.nearDuplicate).toBeLessThanOrEqual(1);
  });

  it("a too-small catalog is marked uncalibrated and still has a background", () => {
    const c = calibrate(MODEL, catalog(2, 3, 0.3));
    expect(c.calibrated).toBe(false);
    expect(c.background.std).toBeGreaterThan(0);
  });

  it("suggests the held-out cluster's values with a calibrated confidence", () => {
    const refs = catalog(6, 5, 0.3);
    const c = calibrate(MODEL, refs.slice(1));
    const query = refs[0];
    const neighbours = refs
      .slice(1)
      .map((r) => ({ r, s: dot(r.embedding, query.embedding) }))
      .sort((a, b) => b.s - a.s)
      .slice(0, 10)
      .map(({ r, s }) => ({ referenceId: r.referenceId, similarity: s, metadata: r.metadata, shot: r.shot }));
    const s = suggest({ modelVersion: MODEL, frames: [neighbours], current: {}, calibration: c });
    expect(s.calibrated).toBe(true);
    expect(s.fields.location.value).toBe("loc0");
    expect(s.shot?.shot.id).toBe("shot-0");
    expect(s.fields.location.confidence).toBeGreaterThan(0.5);
  });
});
