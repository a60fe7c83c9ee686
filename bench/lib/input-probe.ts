// Page-side measures for bench:input, as source text for page.evaluate: every keydown's delay
// to its handler (processing start) and to the next frame (keydown → requestAnimationFrame),
// the Event Timing API's slow key entries (≥ 16 ms, its floor) and the long tasks (> 50 ms) with
// what the Long Tasks API attributes them to.
export const inputProbeSource = `() => {
  const keys = [];
  const events = [];
  const longTasks = [];
  addEventListener("keydown", (e) => {
    const handler = performance.now() - e.timeStamp;
    requestAnimationFrame(() => keys.push({ handler, nextFrame: performance.now() - e.timeStamp }));
  }, { capture: true });
  const eventObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name.startsWith("key")) events.push({ name: e.name, duration: e.duration, inputDelay: e.processingStart - e.startTime });
  });
  eventObserver.observe({ type: "event", durationThreshold: 16, buffered: true });
  const taskObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      longTasks.push({ start: e.startTime, duration: e.duration, from: (e.attribution || []).map((a) => a.containerType + ":" + (a.containerSrc || a.containerName || a.name)).join(",") });
  });
  taskObserver.observe({ type: "longtask", buffered: true });
  return () => {
    eventObserver.disconnect();
    taskObserver.disconnect();
    return { keys, events, longTasks };
  };
}`;

export interface InputProbeReport {
  keys: Array<{ handler: number; nextFrame: number }>;
  events: Array<{ name: string; duration: number; inputDelay: number }>;
  longTasks: Array<{ start: number; duration: number; from: string }>;
}
