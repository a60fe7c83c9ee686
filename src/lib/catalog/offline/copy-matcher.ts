// Where the copy's matching runs: in the panel, a worker holding the matrix (so a match never
// blocks the UI); in Node and in tests, this thread. Both answer row indexes of the loaded matrix.
import { nearestRows, type MatrixHit } from "./reference-matrix";

export interface CopyMatcher {
  /** replaces the matrix (rows normalised, 512 wide); the matcher may take ownership of it */
  load(matrix: Float32Array): Promise<void>;
  /** each query's k nearest rows, best first; `rows` limits the search to those rows (filters) */
  match(queries: Float32Array[], k: number, rows?: number[]): Promise<MatrixHit[][]>;
}

export class InThreadMatcher implements CopyMatcher {
  private matrix: Float32Array = new Float32Array(0);

  async load(matrix: Float32Array): Promise<void> {
    this.matrix = matrix;
  }

  async match(queries: Float32Array[], k: number, rows?: number[]): Promise<MatrixHit[][]> {
    return matchRows(this.matrix, queries, k, rows);
  }
}

export function matchRows(matrix: Float32Array, queries: Float32Array[], k: number, rows?: number[]): MatrixHit[][] {
  const allowed = rows ? new Set(rows) : null;
  return queries.map((q) => nearestRows(matrix, q, k, allowed ? (i) => allowed.has(i) : undefined));
}
