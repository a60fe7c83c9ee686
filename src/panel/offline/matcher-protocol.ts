// Calls between the panel and the copy's matcher worker, over the shared worker RPC. The matrix
// is transferred, not copied.
import type { MatrixHit } from "../../lib/catalog/offline";

export type MatcherCalls = {
  load: { params: { matrix: Float32Array }; result: null };
  /** the worker's own time for the match, in ms, beside its hits */
  match: {
    params: { queries: Float32Array[]; k: number; rows?: number[] };
    result: { hits: MatrixHit[][]; ms: number };
  };
};

/** the code of an error the matcher answers with */
export const MATCHER_FAILED = "COPY_MATCHER_FAILED";
/** the code the panel's side gives waiting matches when the worker died or was stopped */
export const MATCHER_STOPPED = "COPY_MATCHER_STOPPED";
