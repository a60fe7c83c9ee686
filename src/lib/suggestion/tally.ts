// The raw vote: every neighbour of every frame backs its reference's values with its weight.
// Shares are a value's part of all weight cast, so neighbours without a value (a still has no
// action, a reference with no shot link) pull a value's share down rather than being ignored.
import type { Neighbour, Support } from "./types";
import { neighbourWeights, type Background } from "./weights";

export interface Tallied {
  /** the value as most of its voters wrote it */
  value: string;
  share: number;
  support: Support[];
}

export interface Tally {
  total: number;
  /** effective number of voters, (Σw)² / Σw² */
  voters: number;
  byKey: Map<string, { forms: Map<string, number>; weight: number; refs: Map<string, Support> }>;
}

export interface Vote {
  neighbour: Neighbour;
  weight: number;
}

/** Weights every usable neighbour; neighbours of another model version are dropped and counted. */
export function weighVotes(
  frames: Neighbour[][],
  background: Background,
  modelVersion: string,
  sharpness = 1,
): { votes: Vote[]; ignoredOtherModel: number } {
  const usable: Neighbour[] = [];
  let ignoredOtherModel = 0;
  for (const neighbours of frames) {
    for (const neighbour of neighbours) {
      if (neighbour.modelVersion && neighbour.modelVersion !== modelVersion) ignoredOtherModel++;
      else usable.push(neighbour);
    }
  }
  const weights = neighbourWeights(
    usable.map((n) => n.similarity),
    background,
    sharpness,
  );
  return { votes: usable.map((neighbour, i) => ({ neighbour, weight: weights[i] })), ignoredOtherModel };
}

export const normalizeValue = (value: string): string => value.trim().toLowerCase();

/** Sums the weight behind each value; `valuesOf` says which values a neighbour backs. */
export function tally(votes: Vote[], valuesOf: (n: Neighbour) => string[]): Tally {
  const byKey: Tally["byKey"] = new Map();
  let total = 0;
  let squares = 0;
  for (const { neighbour, weight } of votes) {
    total += weight;
    squares += weight * weight;
    if (weight <= 0) continue;
    for (const raw of valuesOf(neighbour)) {
      const key = normalizeValue(raw);
      if (!key) continue;
      const entry = byKey.get(key) ?? { forms: new Map(), weight: 0, refs: new Map() };
      entry.weight += weight;
      entry.forms.set(raw.trim(), (entry.forms.get(raw.trim()) ?? 0) + weight);
      const ref = entry.refs.get(neighbour.referenceId);
      if (ref) {
        ref.weight += weight;
        ref.similarity = Math.max(ref.similarity, neighbour.similarity);
      } else
        entry.refs.set(neighbour.referenceId, {
          referenceId: neighbour.referenceId,
          similarity: neighbour.similarity,
          weight,
        });
      byKey.set(key, entry);
    }
  }
  return { total, voters: squares > 0 ? (total * total) / squares : 0, byKey };
}

/** Values by share, highest first; ties broken by the best single similarity, then by name. */
export function ranked(t: Tally): Tallied[] {
  const out: Tallied[] = [];
  for (const entry of t.byKey.values()) {
    let value = "";
    let best = -1;
    for (const [form, w] of entry.forms) if (w > best || (w === best && form < value)) [value, best] = [form, w];
    const support = [...entry.refs.values()]
      .map((s) => ({ ...s, weight: s.weight / entry.weight }))
      .sort((a, b) => b.weight - a.weight || b.similarity - a.similarity);
    out.push({ value, share: t.total > 0 ? entry.weight / t.total : 0, support });
  }
  const top = (x: Tallied) => x.support.reduce((m, s) => Math.max(m, s.similarity), 0);
  return out.sort((a, b) => b.share - a.share || top(b) - top(a) || (a.value < b.value ? -1 : 1));
}
