// What a batch accept would write, decided from the queue alone: the threshold per value taken
// from the suggestion, keywords one by one, the planned shot, locked fields, and the reasons a
// clip is left for review.
import { describe, expect, it } from "vitest";
import { SUGGESTED_FIELDS, type CurrentMetadata, type SuggestedField, type Suggestion } from "../../src/lib/suggestion";
import { groupWrites, planBatchAccept, type QueuedClip } from "../../src/panel/store";
import type { ProjectItemRecord } from "../../src/shared/bridge/contract";

type Proposed = Partial<Record<SuggestedField, [value: string, confidence: number]>>;

let nextId = 1;
/** A suggested clip: `proposed` fields carry a value and confidence; `current` is what the clip holds. */
function clip(
  proposed: Proposed,
  options: {
    current?: CurrentMetadata;
    keywords?: Array<[string, number]>;
    shot?: [number, number];
    refining?: boolean;
  } = {},
): QueuedClip {
  const current = options.current ?? {};
  const locked = new Set<string>(current.lockedFields ?? []);
  const fields = {} as Suggestion["fields"];
  for (const field of SUGGESTED_FIELDS) {
    const [value, confidence] = proposed[field] ?? [null, 0];
    const have = String(current[field] ?? "");
    fields[field] = {
      field,
      value,
      confidence,
      current: have,
      locked: locked.has(field),
      fillsEmpty: value !== null && !locked.has(field) && have === "",
      support: [],
      alternatives: [],
    };
  }
  const id = String(nextId++);
  const shot = options.shot
    ? {
        shot: {
          id: `shot-${id}`,
          shotNumber: options.shot[0],
          shotType: null,
          subject: null,
          action: null,
          shotStatus: null,
          movementType: null,
        },
        confidence: options.shot[1],
        iaShotType: null,
        support: [],
      }
    : null;
  return {
    clip: { nodeId: id, name: `C${id}.mp4` } as ProjectItemRecord,
    status: "suggested",
    refining: options.refining,
    current,
    suggestion: {
      modelVersion: "m",
      fields,
      keywords: (options.keywords ?? []).map(([value, confidence]) => ({ value, confidence, support: [] })),
      currentKeywords: current.keywords ?? [],
      shot,
      evidence: [],
      framesUsed: 2,
      calibrated: true,
      ignoredOtherModel: 0,
    },
  };
}

const sure: Proposed = { location: ["kitchen", 0.95], subject: ["oven", 0.9], shotType: ["MID", 0.85] };

describe("planBatchAccept", () => {
  it("takes a clip whose every suggested value reaches the threshold; its confidence is the lowest", () => {
    const q = clip(sure);
    const plan = planBatchAccept([q], 0.8);
    expect(plan.left).toEqual([]);
    expect(plan.accept).toHaveLength(1);
    expect(plan.accept[0].confidence).toBe(0.85);
    expect(plan.accept[0].metadata).toMatchObject({
      location: "kitchen",
      subject: "oven",
      shotType: "MID",
      action: null,
    });
    expect(plan.accept[0].writes).toEqual([
      { field: "location", value: "kitchen" },
      { field: "subject", value: "oven" },
      { field: "shotType", value: "MID" },
    ]);
  });

  it("leaves a clip with one value below the threshold, saying by how much", () => {
    const q = clip({ ...sure, action: ["cleaning", 0.6] });
    const plan = planBatchAccept([q], 0.8);
    expect(plan.accept).toEqual([]);
    expect(plan.left).toEqual([{ nodeId: q.clip.nodeId, name: q.clip.name, reason: "Action 60 % sure, below 80 %" }]);
    expect(planBatchAccept([q], 0.6).accept).toHaveLength(1);
  });

  it("names the field below the threshold and never shows it equal to the threshold", () => {
    const q = clip({ location: ["kitchen", 0.985], subject: ["oven", 0.995], shotType: ["MID", 0.995] });
    expect(planBatchAccept([q], 0.99).left[0].reason).toBe("Location 98.5 % sure, below 99 %");
  });

  it("says what it will not write: the planned shot, and keywords below the threshold", () => {
    const allSure: Proposed = { location: ["kitchen", 0.99], subject: ["oven", 0.99], shotType: ["MID", 0.99] };
    const q = clip(allSure, {
      shot: [1, 0.96],
      keywords: [
        ["door", 0.99],
        ["steam", 0.5],
      ],
    });
    const [planned] = planBatchAccept([q], 0.98).accept;
    expect(planned.leftOut).toEqual(["planned shot #1 (96 %)", "keyword steam (50 %)"]);
  });

  it("adds only the keywords that reach the threshold, after the clip's own", () => {
    const q = clip(sure, {
      current: { keywords: ["steel"] },
      keywords: [
        ["door", 0.9],
        ["steam", 0.5],
      ],
    });
    const [planned] = planBatchAccept([q], 0.8).accept;
    expect(planned.metadata.keywords).toEqual(["steel", "door"]);
    expect(planned.writes).toContainEqual({ field: "keywords", value: "steel, door" });
  });

  it("never writes a planned shot's number: the clip keeps IA's shot number, or has none", async () => {
    const [planned] = planBatchAccept([clip(sure, { shot: [3, 0.9] })], 0.8).accept;
    expect(planned.metadata.shotNumber).toBe(null);
    expect(planned.confidence).toBe(0.85);
    const [ia] = planBatchAccept([clip(sure, { shot: [12, 0.95], current: { shotNumber: 1 } })], 0.8).accept;
    expect(ia.metadata.shotNumber).toBe(1);
    expect(ia.writes.map((w) => w.field)).toEqual(["location", "subject", "shotType"]);
    // a clip whose only news would be the planned shot has nothing to write
    const nothing = clip({}, { shot: [3, 0.9], current: { location: "kitchen", subject: "oven", shotType: "MID" } });
    expect(planBatchAccept([nothing], 0.8).left).toEqual([
      expect.objectContaining({ reason: "nothing new to write: the clip already holds these values" }),
    ]);
  });

  it("leaves a clip whose values IA would refuse, saying why", () => {
    const q = clip({ ...sure, subject: ["salt & pepper", 0.9] });
    expect(planBatchAccept([q], 0.8).left).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/^Subject holds "&", which Ingest Assistant refuses/) }),
    ]);
  });

  it("keeps locked fields and lists them; a locked value is not a value taken from the suggestion", () => {
    const q = clip({ ...sure, subject: ["hob", 0.2] }, { current: { subject: "sink", lockedFields: ["subject"] } });
    const [planned] = planBatchAccept([q], 0.8).accept;
    expect(planned.metadata).toMatchObject({ subject: "sink", lockedFields: ["subject"] });
    expect(planned.locked).toEqual(["subject"]);
    expect(planned.writes.map((w) => w.field)).not.toContain("subject");
  });

  it("leaves clips the card would refuse, clips with nothing new, and clips still refining", () => {
    const missing = clip({ location: ["kitchen", 0.95] });
    const nothing = clip({}, { current: { location: "kitchen", subject: "oven", shotType: "MID", keywords: [] } });
    const refining = clip(sure, { refining: true });
    const applied = { ...clip(sure), status: "applied" as const };
    const plan = planBatchAccept([missing, nothing, refining, applied], 0.8);
    expect(plan.accept).toEqual([]);
    expect(plan.left.map((l) => l.reason)).toEqual([
      "Fill in subject, shot type before accepting: type a value or pick one.",
      "nothing new to write: the clip already holds these values",
      "its other frames are still being looked at",
    ]);
  });

  it("groups the writes by field and value, most clips first", () => {
    const plan = planBatchAccept([clip(sure), clip(sure), clip({ ...sure, location: ["garden", 0.9] })], 0.8);
    expect(groupWrites(plan).slice(0, 3)).toEqual([
      { field: "shotType", value: "MID", clips: 3 },
      { field: "subject", value: "oven", clips: 3 },
      { field: "location", value: "kitchen", clips: 2 },
    ]);
  });
});
