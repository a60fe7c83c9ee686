import { percentile } from "./clustered-embeddings";

export const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50ms: +percentile(s, 50).toFixed(1), p95ms: +percentile(s, 95).toFixed(1), runs: s.length };
};
