// The one place the benches turn timings into percentiles. Each bench names the fields of its
// results file itself (p50ms, p50, …) so the files keep their shape; the numbers come from here.
// (The lag probe in lag-probe.ts computes its p95 in its own source text: it runs inside a page.)

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)];
}

export interface Spread {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** p50/p95/p99/max of the samples (any order), rounded to `digits`; all 0 when there are none. */
export function spread(samples: number[], digits = 1): Spread {
  const s = [...samples].sort((a, b) => a - b);
  const r = (x: number | undefined) => +(x ?? 0).toFixed(digits);
  return {
    n: s.length,
    p50: r(percentile(s, 50)),
    p95: r(percentile(s, 95)),
    p99: r(percentile(s, 99)),
    max: r(s[s.length - 1]),
  };
}

/** The embed and clip benches' shape: p50ms, p95ms and the number of runs. */
export const stats = (samples: number[]) => {
  const s = spread(samples);
  return { p50ms: s.p50, p95ms: s.p95, runs: s.n };
};
