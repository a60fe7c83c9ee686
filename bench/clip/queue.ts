// bench:clip's batch through the panel's own store: the queue's pipeline (frames read ahead,
// one clip embedded at a time, matches in flight meanwhile: ADR-0016) with the native encoder,
// the simulated host and the catalog over HTTP. What an editor sees after a card dump: when the
// first clip is suggested, and how many clips a minute are suggested after that.
import type { StudioConfig } from "../../src/lib/studio-config";
import { modelFolderOnDisk } from "../../src/panel/embedding/native/model-folder";
import { NativeEmbedder } from "../../src/panel/embedding/native/native-embedder";
import { configOf, createPanelStore, type PanelState } from "../../src/panel/store";
import { cepNode, pageUrl, sharpDecode } from "../../src/testing/cep-node";
import { MODEL, MODEL_ID } from "../lib/bench-model";
import { nodeMedia, type BenchHost } from "./host";

export interface QueueRun {
  detail: string;
  clips: number;
  /** enqueue → the first clip suggested (its early, one-frame suggestion counts) */
  firstSuggestedMs: number;
  /** enqueue → every clip suggested (or failed) */
  wallMs: number;
  clipsPerMinute: number;
  failed: number;
}

/** every clip has its final suggestion (an early one is still refining) or failed */
const settled = (s: PanelState) =>
  s.queue.every((q) => (q.status === "suggested" && !q.refining) || q.status === "failed");

function until(store: ReturnType<typeof createPanelStore>, done: (s: PanelState) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (done(store.getState())) return resolve();
    const stop = store.subscribe((s) => {
      if (!done(s)) return;
      stop();
      resolve();
    });
  });
}

export async function queuePath(host: BenchHost, catalog: { url: string; anonKey: string }): Promise<QueueRun> {
  const node = cepNode();
  const embedder = new NativeEmbedder({
    node,
    pageUrl: pageUrl(),
    decode: sharpDecode,
    modelFolder: modelFolderOnDisk(node, pageUrl()),
  });
  const t0 = performance.now();
  const traced = process.env.BENCH_TRACE
    ? {
        ...host.client,
        call: (async (fn: string, ...args: unknown[]) => {
          const a = performance.now();
          try {
            return await (host.client.call as (f: string, ...x: unknown[]) => Promise<unknown>)(fn, ...args);
          } finally {
            console.log(`[trace-host] ${Math.round(a - t0)}→${Math.round(performance.now() - t0)} ${fn}`);
          }
        }) as typeof host.client.call,
      }
    : host.client;
  const store = createPanelStore({ host: traced, media: nodeMedia, embedder });
  try {
    const config: StudioConfig = { catalog, model: { source: "folder", path: MODEL, modelId: MODEL_ID } };
    const settings = configOf(store.getState().initSettings(config));
    await store.getState().loadModel(settings);
    await store.getState().connectCatalog(settings);
    await until(store, (s) => s.calibrationStatus.state === "ready" || s.calibrationStatus.state === "error");
    const clips = host.clips.slice(1); // the first clip is bench:clip's warm-up
    const start = performance.now();
    let firstSuggestedMs = 0;
    const first = until(store, (s) => s.queue.some((q) => q.status === "suggested")).then(
      () => (firstSuggestedMs = performance.now() - start),
    );
    if (process.env.BENCH_TRACE) {
      // BENCH_TRACE=1: the first three clips' steps, to see where a suggestion waits
      const seen = new Map<string, string>();
      store.subscribe((st) => {
        for (const q of st.queue.slice(0, 3)) {
          const k = `${q.status}${q.refining ? "+refining" : ""}`;
          if (seen.get(q.clip.nodeId) !== k) {
            seen.set(q.clip.nodeId, k);
            console.log(`[trace] ${Math.round(performance.now() - start)} ms ${q.clip.name} ${k}`);
          }
        }
      });
    }
    store.getState().enqueue(clips);
    await until(store, (s) => s.queue.length === clips.length && settled(s));
    await first;
    const wallMs = performance.now() - start;
    const { modelStatus, queue } = store.getState();
    return {
      detail: modelStatus.state === "ready" ? (modelStatus.detail ?? "") : modelStatus.state,
      clips: queue.length,
      firstSuggestedMs: Math.round(firstSuggestedMs),
      wallMs: Math.round(wallMs),
      clipsPerMinute: +((queue.length / wallMs) * 60_000).toFixed(1),
      failed: queue.filter((q) => q.status === "failed").length,
    };
  } finally {
    embedder.terminate();
  }
}
