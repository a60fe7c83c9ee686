// Maps a raw vote share to the accuracy it had in leave-one-out over the catalog: isotonic
// regression (pool adjacent violators), so a higher share never means a lower confidence.
// Each step's accuracy is smoothed toward 1/2 by its count, so small samples do not claim 100 %.

export interface Observation {
  share: number;
  correct: boolean;
}

/** Points of a non-decreasing step curve: shares up to `upTo` were right `accuracy` of the time. */
export interface ReliabilityCurve {
  points: Array<{ upTo: number; accuracy: number; n: number }>;
}

export function fitReliability(observations: Observation[]): ReliabilityCurve {
  const sorted = [...observations].sort((a, b) => a.share - b.share);
  const blocks: Array<{ upTo: number; sum: number; n: number }> = [];
  for (const o of sorted) {
    blocks.push({ upTo: o.share, sum: o.correct ? 1 : 0, n: 1 });
    // merge while the previous block is more accurate than the last one
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1];
      const prev = blocks[blocks.length - 2];
      if (prev.sum / prev.n < last.sum / last.n) break; // equal steps merge too: more count, less noise
      blocks.splice(blocks.length - 2, 2, { upTo: last.upTo, sum: prev.sum + last.sum, n: prev.n + last.n });
    }
  }
  // Laplace's rule of succession: 40 right out of 40 is evidence for about 98 %, not certainty
  // (smoothing weighs steps by their counts, so the running maximum keeps the curve monotone)
  let floor = 0;
  return {
    points: blocks.map((b) => {
      floor = Math.max(floor, (b.sum + 1) / (b.n + 2));
      return { upTo: b.upTo, accuracy: floor, n: b.n };
    }),
  };
}

/** The calibrated confidence of a share: the accuracy of the step it falls in. */
export function applyReliability(curve: ReliabilityCurve, share: number): number {
  const { points } = curve;
  if (points.length === 0) return share;
  for (const p of points) if (share <= p.upTo) return p.accuracy;
  return points[points.length - 1].accuracy;
}
