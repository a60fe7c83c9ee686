// bench:clip's Node path: the panel's NativeEmbedder (onnxruntime-node in the built encoder
// thread) with the page's Node as CEP gives it, frames from the simulated host, matched over
// HTTP against the catalog process. The event-loop delay of this thread (the panel page's
// stand-in) is sampled while the embedder works (not while the simulated host exports frames:
// in CEP that is Premiere's own process).
import type { CatalogClient } from "../../src/lib/catalog";
import type { Calibration } from "../../src/lib/suggestion";
import { modelFolderOnDisk } from "../../src/panel/embedding/native/model-folder";
import { NativeEmbedder } from "../../src/panel/embedding/native/native-embedder";
import { cepNode, pageUrl, sharpDecode } from "../../src/testing/cep-node";
import { MODEL, MODEL_ID } from "../lib/bench-model";
import { spread } from "../lib/stats";
import type { BenchHost } from "./host";
import { cepPageEmbedder } from "./cep-node";
import { clipThroughQueueSteps, type ClipTimes } from "./steps";

export interface PathRun {
  detail: string;
  modelLoadMs: number;
  /** per clip: the grab, then the queue's steps on the grabbed frames */
  clips: Array<ClipTimes & { grabMs: number }>;
  /** from the second clip's grab to the last clip's final suggestion, one clip at a time */
  wallMs: number;
  eventLoopDelay?: { p50ms: number; p95ms: number; maxMs: number; samples: number };
}

export async function nodePath(
  host: BenchHost,
  catalog: CatalogClient,
  calibration: Calibration,
  clipCount: number,
  /** a CEP-line Node binary: the embedder runs in a page process of its own (clip-cep-node.ts) */
  nodeBinary?: string,
): Promise<PathRun> {
  const node = cepNode();
  const embedder = nodeBinary
    ? await cepPageEmbedder(nodeBinary)
    : new NativeEmbedder({
        node,
        pageUrl: pageUrl(),
        decode: sharpDecode, // the panel decodes in a Web Worker's canvas; bench:embed times that
        modelFolder: modelFolderOnDisk(node, pageUrl()),
      });
  const start = performance.now();
  const info = await embedder.load({ source: { kind: "folder", path: MODEL, modelId: MODEL_ID }, quantized: true });
  const modelLoadMs = performance.now() - start;
  const delay = delaySampler();
  const steps = {
    embedder,
    catalog,
    modelVersion: info.modelVersion,
    calibration,
    onEmbedding: delay.measure,
  };
  const clips: PathRun["clips"] = [];
  let wallStart = 0;
  let lags0 = 0;
  try {
    for (let i = 0; i <= clipCount; i++) {
      const grabbed = await host.grab(host.clips[i % host.clips.length]);
      const times = await clipThroughQueueSteps(steps, grabbed.frames, grabbed.labels);
      if (i === 0) {
        lags0 = delay.count(); // the first clip warms the session up
        wallStart = performance.now();
      } else clips.push({ grabMs: grabbed.grabMs, ...times });
    }
  } finally {
    embedder.terminate();
  }
  const lags = delay.stop(lags0);
  const lag = spread(lags);
  return {
    detail: `${embedder.detail}, ${info.threads} intra-op thread(s)`,
    modelLoadMs: Math.round(modelLoadMs),
    clips,
    wallMs: Math.round(performance.now() - wallStart),
    // this process is the page only when the embedder runs in it
    eventLoopDelay: nodeBinary
      ? undefined
      : {
          p50ms: lag.p50,
          p95ms: lag.p95,
          maxMs: lag.max,
          samples: lag.n,
        },
  };
}

/** How late a 5 ms timer fires (bench/lib/lag-probe.ts's measure), kept only while `measure(true)`. */
function delaySampler() {
  const lags: number[] = [];
  let on = false;
  let expected = performance.now() + 5;
  const timer = setInterval(() => {
    const now = performance.now();
    if (on) lags.push(Math.max(0, now - expected));
    expected = now + 5;
  }, 5);
  return {
    measure(running: boolean) {
      on = running;
      if (running)
        expected = performance.now() + 5; // the grab before is not the embedder's
      else lags.push(Math.max(0, performance.now() - expected)); // a loop blocked until now
    },
    count: () => lags.length,
    /** the samples after the first `from` (the warm-up clip's) */
    stop(from = 0) {
      clearInterval(timer);
      return lags.slice(from);
    },
  };
}
