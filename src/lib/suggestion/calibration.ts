// Calibration per model version, from the catalog's own references (docs/adr/0012): the
// similarity of unrelated pairs (the vote's temperature), leave-one-out votes over the sample
// (what a share of the vote is worth: the reliability curves), and the similarity above which
// two references count as near-duplicates. Nothing here is a constant similarity.
import type { IaMetadata } from "../../shared/metadata/ia-metadata";
import { fitReliability, type Observation, type ReliabilityCurve } from "./reliability";
import { normalizeValue } from "./tally";
import { supersededBy, votedValue } from "./newest-correction";
import { rawVote } from "./suggest";
import { SUGGESTED_FIELDS, type Neighbour, type Shot } from "./types";
import { backgroundOf, type Background } from "./weights";

export interface Calibration {
  modelVersion: string;
  background: Background;
  /** β in the neighbour weight exp(β·z) − 1: the value that votes best in leave-one-out */
  sharpness: number;
  /** vote share → observed accuracy, from leave-one-out over the sample */
  fields: ReliabilityCurve;
  keywords: ReliabilityCurve;
  shot: ReliabilityCurve;
  /** pairs at least this similar are near-duplicates: closer than references of one shot usually are */
  nearDuplicate: number;
  sampleSize: number;
  /** false when the sample was too small to fit curves: confidences are then shrunk shares */
  calibrated: boolean;
}

/** A reference with its embedding, as the calibration sample holds it. */
export interface LabeledReference {
  referenceId: string;
  embedding: ArrayLike<number>;
  metadata: IaMetadata;
  shot: Shot | null;
  /** when a person last corrected it (ISO 8601): the newest correction speaks for its shot */
  correctedAt?: string;
}

/** Below this many references leave-one-out says too little; curves stay empty. */
export const MIN_CALIBRATION_SAMPLE = 12;

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Two references describe different things: another shot, or another location and subject. */
function distinct(a: LabeledReference, b: LabeledReference): boolean {
  if (a.shot && b.shot) return a.shot.id !== b.shot.id;
  const key = (r: LabeledReference) => `${normalizeValue(r.metadata.location)}|${normalizeValue(r.metadata.subject)}`;
  return key(a) !== key(b);
}

/**
 * Two references of the same shot are usually distinct views of it; a new one closer to an
 * existing one than such pairs usually are (two spreads above their mean) adds little. Never below
 * three spreads above unrelated pairs, and at most 1.
 */
function nearDuplicateOf(unrelated: Background, related: Background, relatedPairs: number): number {
  const floor = unrelated.mean + 3 * unrelated.std;
  const fromRelated = relatedPairs >= 3 ? related.mean + 2 * related.std : floor;
  return Math.min(1, Math.max(floor, fromRelated));
}

export function calibrate(modelVersion: string, sample: LabeledReference[], k = 10): Calibration {
  const n = sample.length;
  const sims: number[][] = sample.map(() => new Array<number>(n).fill(0));
  const unrelated: number[] = [];
  const related: number[] = [];
  const all: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = dot(sample[i].embedding, sample[j].embedding);
      sims[i][j] = sims[j][i] = s;
      all.push(s);
      if (distinct(sample[i], sample[j])) unrelated.push(s);
      else related.push(s);
    }
  }
  const background = backgroundOf(unrelated.length >= 3 ? unrelated : all);
  const nearDuplicate = nearDuplicateOf(background, backgroundOf(related), related.length);
  const empty = { points: [] };
  if (n < MIN_CALIBRATION_SAMPLE) {
    return {
      modelVersion,
      background,
      sharpness: 1,
      fields: empty,
      keywords: empty,
      shot: empty,
      nearDuplicate,
      sampleSize: n,
      calibrated: false,
    };
  }
  // each reference's neighbours among the others, as match_references would return them
  const neighbours: Neighbour[][] = sample.map((_, i) =>
    sample
      .map((r, j) => ({ r, j }))
      .filter(({ j }) => j !== i)
      .sort((a, b) => sims[i][b.j] - sims[i][a.j])
      .slice(0, k)
      .map(({ r, j }) => ({
        referenceId: r.referenceId,
        similarity: sims[i][j],
        metadata: r.metadata,
        shot: r.shot,
        ...(r.correctedAt ? { correctedAt: r.correctedAt } : {}),
      })),
  );
  // each reference is judged against what the catalog now says of it: a newer correction of its
  // shot speaks for it, as it does in the vote (the same rule on both sides keeps shares honest)
  const truths = truthsNow(sample);
  const sharpness = bestSharpness(truthsNow(sample), neighbours, background, modelVersion);
  const fieldObs: Observation[] = [];
  const keywordObs: Observation[] = [];
  const shotObs: Observation[] = [];
  for (let i = 0; i < n; i++) {
    const vote = rawVote([neighbours[i]], background, modelVersion, sharpness);
    const truth = sample[i];
    for (const field of SUGGESTED_FIELDS) {
      const top = vote.fields[field][0];
      const want = normalizeValue(truths[i][field]);
      if (top && want) fieldObs.push({ share: top.share, correct: normalizeValue(top.value) === want });
    }
    const truthKeywords = new Set((truth.metadata.keywords ?? []).map(normalizeValue));
    for (const kw of vote.keywords)
      keywordObs.push({ share: kw.share, correct: truthKeywords.has(normalizeValue(kw.value)) });
    const topShot = vote.shots[0];
    if (topShot && truth.shot) shotObs.push({ share: topShot.share, correct: topShot.value === truth.shot.id });
  }
  return {
    modelVersion,
    background,
    sharpness,
    fields: fitReliability(fieldObs),
    keywords: fitReliability(keywordObs),
    shot: fitReliability(shotObs),
    nearDuplicate,
    sampleSize: n,
    calibrated: true,
  };
}

/** Candidate sharpness values: from a flat vote to one where the nearest neighbour decides. */
const SHARPNESS_GRID = [0.5, 1, 2, 4, 8, 16, 32];

/** The β under which leave-one-out gives the truth the largest share of the vote (the mean log
 * share, a likelihood): clean clusters favour a sharp vote, noisy ones a flatter one. */
function bestSharpness(
  truths: Array<Record<string, string>>,
  neighbours: Neighbour[][],
  background: Background,
  modelVersion: string,
): number {
  let best = 1;
  let bestScore = -Infinity;
  for (const beta of SHARPNESS_GRID) {
    let score = 0;
    truths.forEach((truth, i) => {
      const vote = rawVote([neighbours[i]], background, modelVersion, beta);
      for (const field of SUGGESTED_FIELDS) {
        const want = normalizeValue(truth[field] ?? "");
        if (!want) continue;
        const share = vote.fields[field].find((t) => normalizeValue(t.value) === want)?.share ?? 0;
        score += Math.log(Math.max(share, 1e-3));
      }
    });
    if (score > bestScore + 1e-9) [best, bestScore] = [beta, score];
  }
  return best;
}

/** Each reference's values as the catalog now has them: a newer correction of its shot's. */
function truthsNow(sample: LabeledReference[]): Array<Record<string, string>> {
  const asNeighbours: Neighbour[] = sample.map((r) => ({
    referenceId: r.referenceId,
    similarity: 1,
    metadata: r.metadata,
    shot: r.shot,
    ...(r.correctedAt ? { correctedAt: r.correctedAt } : {}),
  }));
  const superseded = supersededBy(asNeighbours);
  // a correction held out from its own shot has nobody to learn it from: such a case says
  // nothing about the vote on a catalog that holds it, so it is not observed ("")
  const fresh = new Set<string>();
  for (const entry of superseded.values())
    for (const [field, newer] of Object.entries(entry)) fresh.add(`${newer!.referenceId}|${field}`);
  return asNeighbours.map((n) =>
    Object.fromEntries(
      SUGGESTED_FIELDS.map((f) => [f, fresh.has(`${n.referenceId}|${f}`) ? "" : votedValue(n, f, superseded)]),
    ),
  );
}
