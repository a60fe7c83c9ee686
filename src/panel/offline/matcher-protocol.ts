// Messages between the panel and the copy's matcher worker. The matrix is transferred, not copied.
import type { MatrixHit } from "../../lib/catalog/offline";

export type MatcherRequest =
  | { id: number; kind: "load"; matrix: Float32Array }
  | { id: number; kind: "match"; queries: Float32Array[]; k: number; rows?: number[] };

export type MatcherResponse =
  { id: number; ok: true; hits?: MatrixHit[][]; ms?: number } | { id: number; ok: false; message: string };
