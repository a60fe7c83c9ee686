// The benches' one stats module: nearest-rank percentiles over samples in any order.
import { describe, expect, it } from "vitest";
import { percentile, spread, stats } from "../../bench/lib/stats";

describe("bench/lib/stats", () => {
  it("takes nearest-rank percentiles of samples in any order, without reordering them", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1
    expect(spread(samples)).toEqual({ n: 100, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(samples[0]).toBe(100);
    expect(percentile([1, 2, 3], 50)).toBe(2);
    expect(percentile([1, 2, 3], 99)).toBe(3);
  });

  it("rounds to the digits asked and reports the embed benches' shape", () => {
    expect(spread([1.23456, 2.34567], 2)).toEqual({ n: 2, p50: 1.23, p95: 2.35, p99: 2.35, max: 2.35 });
    expect(stats([3.14159, 2.71828, 1.41421])).toEqual({ p50ms: 2.7, p95ms: 3.1, runs: 3 });
  });

  it("answers zeros, not an exception, when a bench collected no samples", () => {
    expect(spread([])).toEqual({ n: 0, p50: 0, p95: 0, p99: 0, max: 0 });
  });
});
