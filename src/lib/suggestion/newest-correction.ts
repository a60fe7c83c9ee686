// The rule of docs/adr/0012 ("A newer correction speaks for its shot"): among the references of
// one planned shot, the most recently corrected one that has a value for a field speaks for the
// older ones that say otherwise: their vote on that field goes to its value. A shot has one
// location, subject and action, so when a person corrected one view of it, the older views are
// stale rather than a second opinion. References without a time or a shot are left as they are.
import { normalizeValue } from "./tally";
import { SUGGESTED_FIELDS, type Neighbour, type SuggestedField } from "./types";

/** The newer correction a reference's value on one field gives way to. */
export interface Newer {
  value: string;
  referenceId: string;
  correctedAt: string;
  byYou: boolean;
}

/** referenceId → field → the newer correction that outweighs it there. */
export type Superseded = Map<string, Partial<Record<SuggestedField, Newer>>>;

const time = (iso: string | undefined): number => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : NaN;
};

/** Which references a newer correction of their own shot outweighs, field by field. */
export function supersededBy(references: Iterable<Neighbour>): Superseded {
  const byShot = new Map<string, Map<string, Neighbour>>();
  for (const n of references) {
    if (!n.shot || !Number.isFinite(time(n.correctedAt))) continue;
    const refs = byShot.get(n.shot.id) ?? new Map<string, Neighbour>();
    refs.set(n.referenceId, n);
    byShot.set(n.shot.id, refs);
  }
  const out: Superseded = new Map();
  for (const refs of byShot.values()) {
    if (refs.size < 2) continue;
    for (const field of SUGGESTED_FIELDS) {
      const valued = [...refs.values()].filter((n) => normalizeValue(String(n.metadata[field] ?? "")) !== "");
      if (valued.length < 2) continue;
      // newest first; equal times break on the id so the answer never depends on order
      valued.sort((a, b) => time(b.correctedAt) - time(a.correctedAt) || (a.referenceId < b.referenceId ? -1 : 1));
      const newest = valued[0];
      const value = String(newest.metadata[field]).trim();
      for (const older of valued.slice(1)) {
        if (time(older.correctedAt) >= time(newest.correctedAt)) continue;
        if (normalizeValue(String(older.metadata[field])) === normalizeValue(value)) continue;
        const entry = out.get(older.referenceId) ?? {};
        entry[field] = {
          value,
          referenceId: newest.referenceId,
          correctedAt: newest.correctedAt!,
          byYou: !!newest.correctedByYou,
        };
        out.set(older.referenceId, entry);
      }
    }
  }
  return out;
}

/** A reference's value on a field as the vote counts it: a newer correction's, else its own. */
export function votedValue(n: Neighbour, field: SuggestedField, superseded: Superseded): string {
  return superseded.get(n.referenceId)?.[field]?.value ?? String(n.metadata[field] ?? "");
}
