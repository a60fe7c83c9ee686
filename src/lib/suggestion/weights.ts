// How much one neighbour counts (docs/adr/0012-suggestion-vote.md): its similarity standardised
// against the similarity of unrelated references of the same model version, then exponentiated
// — a softmax whose temperature is the background's spread. Raw cosine thresholds cannot be
// shared across models: random-weight test models put every pair between 0.97 and 1.0, real
// CLIP spreads them far wider (docs/facts/measured.md).

export interface Background {
  /** mean and standard deviation of the similarity of unrelated reference pairs */
  mean: number;
  std: number;
}

/** How many background spreads a similarity lies above the mean of unrelated pairs. */
export function standardised(similarity: number, background: Background): number {
  return Number.isFinite(similarity) ? (similarity - background.mean) / Math.max(background.std, 1e-6) : -Infinity;
}

/**
 * The weights of a set of neighbours: exp(β·z) − 1 for z > 0, else 0. Neighbours no more similar
 * than a typical unrelated pair get no vote; `sharpness` (β) is learnt per model version by the
 * calibration. Computed relative to the largest β·z (a common factor, which the vote's shares
 * cancel), so that far-apart similarities keep their order instead of overflowing.
 */
export function neighbourWeights(similarities: number[], background: Background, sharpness = 1): number[] {
  const scaled = similarities.map((s) => sharpness * standardised(s, background));
  const top = Math.max(0, ...scaled);
  return scaled.map((x) => (x > 0 ? Math.exp(x - top) - Math.exp(-top) : 0));
}

/** Mean and spread of a list of similarities. */
export function backgroundOf(similarities: number[]): Background {
  const n = similarities.length;
  if (n === 0) return { mean: 0, std: 1 };
  const mean = similarities.reduce((a, b) => a + b, 0) / n;
  const variance = similarities.reduce((a, s) => a + (s - mean) ** 2, 0) / Math.max(1, n - 1);
  return { mean, std: Math.sqrt(variance) || 1e-3 };
}
