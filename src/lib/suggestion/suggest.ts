// From each frame's neighbours to the clip's suggestion (docs/adr/0012-suggestion-vote.md).
// Pure: the same code runs in the panel, in `npm run eval` and in the calibration.
import { iaShotTypeForShot } from "../../shared/metadata/shot-types";
import type { LockableField } from "../../shared/metadata/ia-metadata";
import type { Calibration } from "./calibration";
import { applyReliability, type ReliabilityCurve } from "./reliability";
import { supersededBy, votedValue, type Superseded } from "./newest-correction";
import { normalizeValue, ranked, tally, weighVotes, type Tallied, type Vote } from "./tally";
import {
  SUGGESTED_FIELDS,
  type CurrentMetadata,
  type Disagreement,
  type Evidence,
  type FieldSuggestion,
  type Neighbour,
  type Shot,
  type SuggestedField,
  type Suggestion,
} from "./types";
import type { Background } from "./weights";

/** How the evidence names each field for an editor. */
const FIELD_WORDS: Record<SuggestedField, string> = {
  location: "location",
  subject: "subject",
  action: "action",
  shotType: "shot type",
};

/** A calibrated probability the editor sets (Settings); not a similarity. */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

export interface RawVote {
  fields: Record<SuggestedField, Tallied[]>;
  keywords: Tallied[];
  /** value: the shot id */
  shots: Tallied[];
  shotsById: Map<string, Shot>;
  voters: number;
  ignoredOtherModel: number;
  /** the weighed neighbours, and which of them a newer correction of their shot outweighs */
  votes: Vote[];
  superseded: Superseded;
}

export function rawVote(frames: Neighbour[][], background: Background, modelVersion: string, sharpness = 1): RawVote {
  const { votes, ignoredOtherModel } = weighVotes(frames, background, modelVersion, sharpness);
  const superseded = supersededBy(votes.filter((v) => v.weight > 0).map((v) => v.neighbour));
  const fields = {} as Record<SuggestedField, Tallied[]>;
  for (const field of SUGGESTED_FIELDS) fields[field] = ranked(tally(votes, (n) => [votedValue(n, field, superseded)]));
  const shotsById = new Map<string, Shot>();
  for (const { neighbour } of votes) if (neighbour.shot) shotsById.set(neighbour.shot.id, neighbour.shot);
  const keywordTally = tally(votes, (n) => unique(n.metadata.keywords ?? []));
  const shotTally = tally(votes, (n) => (n.shot ? [n.shot.id] : []));
  return {
    fields,
    keywords: ranked(keywordTally),
    shots: ranked(shotTally),
    shotsById,
    voters: shotTally.voters,
    ignoredOtherModel,
    votes,
    superseded,
  };
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => !seen.has(normalizeValue(v)) && seen.add(normalizeValue(v)));
}

export interface SuggestInput {
  modelVersion: string;
  /** each frame's neighbours, as match_references returned them */
  frames: Neighbour[][];
  current: CurrentMetadata;
  calibration: Calibration;
  minConfidence?: number;
}

export function suggest(input: SuggestInput): Suggestion {
  const { calibration, current } = input;
  const min = input.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const vote = rawVote(input.frames, calibration.background, input.modelVersion, calibration.sharpness);
  // uncalibrated: the share, shrunk by how few voters there were
  const confidenceOf = (curve: ReliabilityCurve, share: number) =>
    calibration.calibrated ? applyReliability(curve, share) : (share * vote.voters) / (vote.voters + 1);
  const locked = new Set<LockableField>(current.lockedFields ?? []);

  const topShot = vote.shots[0];
  const shotConfidence = topShot ? confidenceOf(calibration.shot, topShot.share) : 0;
  const shotValue = topShot && shotConfidence >= min ? vote.shotsById.get(topShot.value)! : null;
  const shot = shotValue
    ? {
        shot: shotValue,
        confidence: shotConfidence,
        iaShotType: iaShotTypeForShot(toEav(shotValue)),
        support: topShot.support,
      }
    : null;

  const fields = {} as Record<SuggestedField, FieldSuggestion>;
  for (const field of SUGGESTED_FIELDS) {
    const options = vote.fields[field].map((t) => ({ ...t, confidence: confidenceOf(calibration.fields, t.share) }));
    let best = options[0] && options[0].confidence >= min ? options[0] : null;
    // no vote on the framing, but a confident shot: its type, mapped from EAV to IA explicitly
    if (!best && field === "shotType" && shot?.iaShotType) {
      best = { value: shot.iaShotType, share: topShot.share, confidence: shot.confidence, support: shot.support };
    }
    const currentValue = String(current[field] ?? "");
    const isLocked = locked.has(field);
    fields[field] = {
      field,
      value: best ? best.value : null,
      confidence: best ? best.confidence : 0,
      current: currentValue,
      locked: isLocked,
      fillsEmpty: !!best && !isLocked && currentValue.trim() === "",
      support: best ? best.support.slice(0, 5) : [],
      alternatives: options
        .filter((o) => o !== best)
        .slice(0, 4)
        .map((o) => ({ value: o.value, confidence: o.confidence })),
      disagreement: disagreementOn(field, vote),
    };
  }

  const keywords = vote.keywords
    .map((t) => ({
      value: t.value,
      confidence: confidenceOf(calibration.keywords, t.share),
      support: t.support.slice(0, 5),
    }))
    .filter((k) => k.confidence >= min);

  return {
    modelVersion: input.modelVersion,
    fields,
    keywords,
    currentKeywords: current.keywords ?? [],
    shot,
    evidence: evidenceOf(
      input.frames,
      input.modelVersion,
      fields,
      keywords.map((k) => k.value),
      shot?.shot ?? null,
      vote.superseded,
    ),
    framesUsed: input.frames.length,
    calibrated: calibration.calibrated,
    ignoredOtherModel: vote.ignoredOtherModel,
  };
}

function valuesOf(n: Neighbour): Record<SuggestedField, string> {
  const out = {} as Record<SuggestedField, string>;
  for (const field of SUGGESTED_FIELDS) out[field] = String(n.metadata[field] ?? "").trim();
  return out;
}

function toEav(shot: Shot): { shot_type: string | null; movement_type: string | null } {
  return { shot_type: shot.shotType, movement_type: shot.movementType };
}

/** A value is named as disagreeing when its references carry at least this share of the vote:
 * with a random test model every reference is "similar", and a far one's stray value is no news. */
export const DISAGREEMENT_MIN_SHARE = 0.1;

/** The voting references' own values on a field, when they are not all the same. */
function disagreementOn(field: SuggestedField, vote: RawVote): Disagreement | null {
  const weightOf = new Map<string, number>();
  const refs = new Map<string, Neighbour>();
  let total = 0;
  for (const { neighbour, weight } of vote.votes) {
    if (weight <= 0) continue;
    refs.set(neighbour.referenceId, neighbour);
    weightOf.set(neighbour.referenceId, (weightOf.get(neighbour.referenceId) ?? 0) + weight);
    total += weight;
  }
  let correction: Disagreement["correction"] = null;
  for (const entry of vote.superseded.values()) {
    const newer = entry[field];
    if (newer && (!correction || Date.parse(newer.correctedAt) > Date.parse(correction.correctedAt)))
      correction = {
        value: newer.value,
        correctedAt: newer.correctedAt,
        byYou: newer.byYou,
        referenceId: newer.referenceId,
      };
  }
  const counts = new Map<string, { value: string; references: number; weight: number }>();
  for (const n of refs.values()) {
    const value = String(n.metadata[field] ?? "").trim();
    if (!value) continue;
    const entry = counts.get(normalizeValue(value)) ?? { value, references: 0, weight: 0 };
    entry.references++;
    entry.weight += weightOf.get(n.referenceId)!;
    counts.set(normalizeValue(value), entry);
  }
  const named = [...counts.entries()]
    .filter(
      ([key, e]) =>
        e.weight >= DISAGREEMENT_MIN_SHARE * total || (correction && key === normalizeValue(correction.value)),
    )
    .map(([, e]) => ({ value: e.value, references: e.references }));
  if (named.length < 2) return null;
  const values = named.sort((a, b) => b.references - a.references || (a.value < b.value ? -1 : 1));
  return { values, correction };
}

/** Each reference once, with its best similarity, its own values and the proposed values it backs. */
function evidenceOf(
  frames: Neighbour[][],
  modelVersion: string,
  fields: Record<SuggestedField, FieldSuggestion>,
  keywords: string[],
  shot: Shot | null,
  superseded: Superseded,
): Evidence[] {
  const newest = new Set<string>();
  for (const entry of superseded.values()) for (const newer of Object.values(entry)) newest.add(newer!.referenceId);
  const byRef = new Map<string, Evidence & { neighbour: Neighbour }>();
  frames.forEach((neighbours, frame) => {
    for (const n of neighbours) {
      if (n.modelVersion && n.modelVersion !== modelVersion) continue;
      const seen = byRef.get(n.referenceId);
      if (seen) {
        seen.similarity = Math.max(seen.similarity, n.similarity);
        if (!seen.frames.includes(frame)) seen.frames.push(frame);
        continue;
      }
      byRef.set(n.referenceId, {
        referenceId: n.referenceId,
        similarity: n.similarity,
        filePath: n.filePath,
        thumbnailUrl: n.thumbnailUrl ?? null,
        backs: [],
        frames: [frame],
        values: valuesOf(n),
        disagrees: [],
        ...(n.correctedAt ? { correctedAt: n.correctedAt, correctedByYou: !!n.correctedByYou } : {}),
        newestOfShot: newest.has(n.referenceId),
        superseded: SUGGESTED_FIELDS.filter((f) => superseded.get(n.referenceId)?.[f]),
        neighbour: n,
      });
    }
  });
  const out: Evidence[] = [];
  for (const { neighbour, ...e } of byRef.values()) {
    for (const field of SUGGESTED_FIELDS) {
      const v = fields[field].value;
      if (!v) continue;
      if (normalizeValue(e.values[field]) === normalizeValue(v)) e.backs.push(`${FIELD_WORDS[field]}: ${v}`);
      else e.disagrees.push(field);
    }
    const theirs = new Set((neighbour.metadata.keywords ?? []).map(normalizeValue));
    const shared = keywords.filter((k) => theirs.has(normalizeValue(k)));
    if (shared.length) e.backs.push(`keywords: ${shared.join(", ")}`);
    if (shot && neighbour.shot?.id === shot.id) e.backs.push(`shot #${shot.shotNumber ?? "?"}`);
    out.push(e);
  }
  return out.sort((a, b) => b.similarity - a.similarity);
}
