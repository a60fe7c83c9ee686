// Leave-one-out over a corrected library through the panel's own suggestion code: each item is
// suggested from the others (nearest neighbours per frame by cosine, as match_references ranks
// them; calibration from a sample of the others, as the panel does), then compared with what a
// person confirmed. Pure: the embeddings come in, the numbers go out.
import {
  calibrate,
  dot,
  suggest,
  type Calibration,
  type LabeledReference,
  type Neighbour,
  type Shot,
} from "../../lib/suggestion";
import { SUGGESTED_FIELDS, type SuggestedField } from "../../lib/suggestion/types";
import type { IaMetadata } from "../../shared/metadata/ia-metadata";

export interface EvalItem {
  id: string;
  /** frame embeddings (queries) */
  frames: ArrayLike<number>[];
  /** the pooled embedding (what the catalog stores for a reference) */
  pooled: ArrayLike<number>;
  truth: IaMetadata;
  /** the planned shot it belongs to, when known */
  shotKey: string | null;
  /** when a person last corrected it (ISO 8601): the vote lets the newest correction of a shot speak for it */
  correctedAt?: string;
}

export interface FieldScore {
  /** the top-ranked value was right, answered or not */
  top1Accuracy: number;
  abstentionRate: number;
  /** right among the values shown (at or above the threshold); null when it never answered */
  answeredAccuracy: number | null;
  n: number;
}

export interface ReliabilityRow {
  from: number;
  to: number;
  n: number;
  /** observed accuracy of the values shown with a confidence in [from, to) */
  accuracy: number | null;
  meanConfidence: number | null;
}

export interface EvalReport {
  modelVersion: string;
  items: number;
  minConfidence: number;
  fields: Record<SuggestedField, FieldScore>;
  shot: FieldScore;
  learningCurve: Array<{
    fraction: number;
    catalogSize: number;
    top1Accuracy: number;
    answeredAccuracy: number | null;
  }>;
  reliability: ReliabilityRow[];
}

const norm = (v: string | null | undefined) => (v ?? "").trim().toLowerCase();
const K = 8;
const CALIBRATION_SAMPLE = 300;

/** A deterministic shuffle, so that runs and their learning curves are repeatable. */
export function shuffled<T>(list: T[], seed = 42): T[] {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const shotOf = (item: EvalItem): Shot | null =>
  item.shotKey
    ? {
        id: item.shotKey,
        shotNumber: item.truth.shotNumber ?? null,
        shotType: null,
        subject: null,
        action: null,
        shotStatus: null,
        movementType: null,
      }
    : null;

export interface Outcome {
  field: SuggestedField | "shot";
  top: string | null;
  confidence: number;
  correct: boolean;
}

const timeOf = (r: EvalItem) => (r.correctedAt ? { correctedAt: r.correctedAt } : {});

/** The calibration the panel would fit from this catalog (its first CALIBRATION_SAMPLE references). */
export function calibrationOf(catalog: EvalItem[], modelVersion: string): Calibration {
  const sample: LabeledReference[] = catalog.slice(0, CALIBRATION_SAMPLE).map((r) => ({
    referenceId: r.id,
    embedding: r.pooled,
    metadata: r.truth,
    shot: shotOf(r),
    ...timeOf(r),
  }));
  return calibrate(modelVersion, sample);
}

/** One item suggested from a catalog of others, and judged against `truth` (its own by default);
 * calibrated from that catalog unless a calibration is given. */
export function outcomesFor(
  item: EvalItem,
  catalog: EvalItem[],
  modelVersion: string,
  truth = item.truth,
  calibration = calibrationOf(catalog, modelVersion),
): Outcome[] {
  const frames: Neighbour[][] = item.frames.map((f) =>
    catalog
      .map((r) => ({ r, s: dot(f, r.pooled) }))
      .sort((a, b) => b.s - a.s)
      .slice(0, K)
      .map(({ r, s }) => ({ referenceId: r.id, similarity: s, metadata: r.truth, shot: shotOf(r), ...timeOf(r) })),
  );
  // threshold 0: the top value with its confidence, to score abstention and reliability after
  const s = suggest({ modelVersion, frames, current: {}, calibration, minConfidence: 0 });
  const out: Outcome[] = SUGGESTED_FIELDS.map((field) => {
    const top = s.fields[field].value;
    return {
      field,
      top,
      confidence: s.fields[field].confidence,
      correct: !!top && norm(top) === norm(truth[field]),
    };
  });
  if (item.shotKey) {
    out.push({
      field: "shot",
      top: s.shot?.shot.id ?? null,
      confidence: s.shot?.confidence ?? 0,
      correct: s.shot?.shot.id === item.shotKey,
    });
  }
  return out;
}

export function score(outcomes: Outcome[], min: number): FieldScore {
  const answered = outcomes.filter((o) => o.top !== null && o.confidence >= min);
  const n = outcomes.length;
  return {
    top1Accuracy: n ? outcomes.filter((o) => o.correct).length / n : 0,
    abstentionRate: n ? 1 - answered.length / n : 0,
    answeredAccuracy: answered.length ? answered.filter((o) => o.correct).length / answered.length : null,
    n,
  };
}

const BUCKETS = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001];

/** The reliability table of field outcomes: observed accuracy per band of confidence. */
export function reliabilityOf(outcomes: Outcome[]): ReliabilityRow[] {
  const fieldOutcomes = outcomes.filter((o) => o.field !== "shot");
  return BUCKETS.slice(0, -1).map((from, i) => {
    const to = BUCKETS[i + 1];
    const inBucket = fieldOutcomes.filter((o) => o.top !== null && o.confidence >= from && o.confidence < to);
    const n = inBucket.length;
    return {
      from,
      to: Math.min(1, to),
      n,
      accuracy: n ? inBucket.filter((o) => o.correct).length / n : null,
      meanConfidence: n ? inBucket.reduce((a, o) => a + o.confidence, 0) / n : null,
    };
  });
}

export function evaluate(items: EvalItem[], modelVersion: string, minConfidence = 0.5): EvalReport {
  const order = shuffled(items);
  const runAt = (fraction: number) => {
    const size = Math.max(1, Math.round(order.length * fraction));
    const catalogBase = order.slice(0, size);
    // every item is held out from the catalog it is suggested from
    return items.flatMap((item) =>
      outcomesFor(
        item,
        catalogBase.filter((r) => r.id !== item.id),
        modelVersion,
      ),
    );
  };
  const full = runAt(1);
  const fields = {} as Record<SuggestedField, FieldScore>;
  for (const f of SUGGESTED_FIELDS)
    fields[f] = score(
      full.filter((o) => o.field === f),
      minConfidence,
    );
  const reliability = reliabilityOf(full);
  const learningCurve = [0.1, 0.25, 0.5, 1].map((fraction) => {
    const outcomes = (fraction === 1 ? full : runAt(fraction)).filter((o) => o.field !== "shot");
    const s = score(outcomes, minConfidence);
    return {
      fraction,
      catalogSize: Math.max(1, Math.round(order.length * fraction)),
      top1Accuracy: s.top1Accuracy,
      answeredAccuracy: s.answeredAccuracy,
    };
  });
  return {
    modelVersion,
    items: items.length,
    minConfidence,
    fields,
    shot: score(
      full.filter((o) => o.field === "shot"),
      minConfidence,
    ),
    learningCurve,
    reliability,
  };
}
