// How late a 5 ms timer fires while work runs: the delay an editor's click would wait. Kept as
// source text so that the same probe runs in Node and inside a Playwright page (5 ms: Chromium
// clamps nested timers to 4 ms, which would read as lag).
export const lagProbeSource = `() => {
  const lags = [];
  let expected = performance.now() + 5;
  let timer;
  const tick = () => {
    const now = performance.now();
    lags.push(Math.max(0, now - expected));
    expected = now + 5;
    timer = setTimeout(tick, 5);
  };
  timer = setTimeout(tick, 5);
  return () => {
    clearTimeout(timer);
    lags.push(Math.max(0, performance.now() - expected)); // a loop blocked until now never ticked
    const s = lags.sort((a, b) => a - b);
    const p95 = s[Math.max(0, Math.ceil(0.95 * s.length) - 1)] || 0;
    return { p95ms: +p95.toFixed(1), maxMs: +(s[s.length - 1] || 0).toFixed(1), samples: s.length };
  };
}`;

export type LagReport = { p95ms: number; maxMs: number; samples: number };

export function startLagProbe(): () => LagReport {
  return (0, eval)(lagProbeSource)();
}
