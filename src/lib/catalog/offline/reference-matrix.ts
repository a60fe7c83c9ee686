// Nearest references by cosine similarity over the whole copy, brute force: 10k × 512 is about
// 5 M multiply-adds per frame, a few ms (bench/offline/main.ts measures it in the panel's worker).
export const DIMENSIONS = 512;

export interface MatrixHit {
  /** the row in the matrix */
  index: number;
  similarity: number;
}

/** Rows normalised once, so a dot product is the cosine. */
export function normalisedMatrix(embeddings: ArrayLike<number>[]): Float32Array {
  const matrix = new Float32Array(embeddings.length * DIMENSIONS);
  embeddings.forEach((e, row) => matrix.set(normalised(e), row * DIMENSIONS));
  return matrix;
}

export function normalised(v: ArrayLike<number>): Float32Array {
  let sum = 0;
  for (let i = 0; i < DIMENSIONS; i++) sum += v[i] * v[i];
  const scale = sum > 0 ? 1 / Math.sqrt(sum) : 0;
  const out = new Float32Array(DIMENSIONS);
  for (let i = 0; i < DIMENSIONS; i++) out[i] = v[i] * scale;
  return out;
}

/** The k rows most similar to the query, best first; `accept` leaves rows out (filters). */
export function nearestRows(
  matrix: Float32Array,
  query: ArrayLike<number>,
  k: number,
  accept?: (index: number) => boolean,
): MatrixHit[] {
  const q = normalised(query);
  const rows = matrix.length / DIMENSIONS;
  // a small sorted list of the best k: k is 8–200, far below the row count
  const best: MatrixHit[] = [];
  for (let row = 0; row < rows; row++) {
    if (accept && !accept(row)) continue;
    let dot = 0;
    const base = row * DIMENSIONS;
    for (let i = 0; i < DIMENSIONS; i++) dot += matrix[base + i] * q[i];
    if (best.length === k && dot <= best[k - 1].similarity) continue;
    let at = best.length;
    while (at > 0 && best[at - 1].similarity < dot) at--;
    best.splice(at, 0, { index: row, similarity: dot });
    if (best.length > k) best.pop();
  }
  return best;
}
