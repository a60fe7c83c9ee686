// The encoders for the self-check, through the panel's own: the one the panel loaded (native or
// the WASM pool, chosen by src/panel/embedding/select-embedder.ts) is timed on one clip as it
// runs; when that is the native path, a WASM pool of the check's own is started, timed and
// closed. The native path is never started a second time: onnxruntime-node's binding registers
// once per process, so a second start would fail for that reason and hide the first error
// (issue 19 §1); its line gives the reason the panel recorded when it chose (docs/adr/0023).
import type { ModelOptions } from "../../lib/embedding/model-source";
import { seconds, type StepOutcome } from "../../lib/self-check";
import type { Embedder, ModelStatus } from "../store";

export type EncoderPath = "native" | "wasm-pool";

/** An encoder as the check drives it: the store's, plus terminate for the ones it starts. */
export type CheckEmbedder = Embedder & { terminate?(): void };

export interface TimedClip {
  says: string;
  data: NonNullable<StepOutcome["data"]>;
}

export interface EmbeddingProbe {
  /** the encoder the panel runs, or why none runs (the model's load error: "no encoder") */
  loaded(): { embedder: CheckEmbedder; path: EncoderPath; nativeReason?: string } | { problem: string };
  timeClip(embedder: CheckEmbedder, frames: Blob[]): Promise<TimedClip>;
  /** starts an encoder of the given path for the check alone, times one clip, terminates it */
  timeOtherPath(path: EncoderPath, frames: Blob[]): Promise<TimedClip>;
}

export interface EmbeddingProbeOptions {
  embedder: CheckEmbedder | undefined;
  status(): ModelStatus;
  modelOptions(): ModelOptions;
  /** a WASM pool of its own (start-embedder's browserCandidates({ native: false }).pool()) */
  startWasm?(): CheckEmbedder;
}

async function timeClip(embedder: CheckEmbedder, frames: Blob[]): Promise<TimedClip> {
  const started = performance.now();
  const result = (await embedder.embedClip(frames)) as { timings?: { decodeMs: number; inferenceMs: number } };
  const ms = Math.round(performance.now() - started);
  const t = result.timings;
  const split = t ? ` (decode ${seconds(t.decodeMs)}, inference ${seconds(t.inferenceMs)})` : "";
  return {
    says: `One clip of ${frames.length} frames in ${seconds(ms)}${split}.`,
    data: {
      clipMs: ms,
      frames: frames.length,
      decodeMs: t ? Math.round(t.decodeMs) : null,
      inferenceMs: t ? Math.round(t.inferenceMs) : null,
    },
  };
}

function statusProblem(status: ModelStatus): string | null {
  switch (status.state) {
    case "ready":
      return null;
    case "idle":
      return "no model is set up (Settings → Image model).";
    case "loading":
      return `the model is still loading (${status.percent} %); run the check again once it is ready.`;
    case "error":
      return `${status.error.title}: ${status.error.detail}`;
  }
}

export function embeddingProbe(options: EmbeddingProbeOptions): EmbeddingProbe {
  return {
    loaded() {
      const status = options.status();
      const problem = statusProblem(status);
      if (problem) return { problem };
      if (!options.embedder) return { problem: "the panel has no encoder." };
      const ready = status as Extract<ModelStatus, { state: "ready" }>;
      // the live path first: a native thread that died since the load left the panel on WASM,
      // and the selection's details line then gives the reason (docs/adr/0021)
      const path = options.embedder.path ?? ready.path ?? "wasm-pool";
      const live = /\(native not used: (.*)\)$/.exec(options.embedder.detail ?? "")?.[1];
      return { embedder: options.embedder, path, nativeReason: live ?? ready.nativeReason };
    },
    timeClip,
    async timeOtherPath(path, frames) {
      if (path !== "wasm-pool" || !options.startWasm)
        throw new Error(`The check cannot start the ${path} path on its own here.`);
      const embedder = options.startWasm();
      try {
        const started = performance.now();
        await embedder.load(options.modelOptions());
        const loadMs = Math.round(performance.now() - started);
        const timed = await timeClip(embedder, frames);
        return {
          says: `A WASM pool of the check's own: model loaded in ${seconds(loadMs)}. ${timed.says}`,
          data: { ...timed.data, loadMs },
        };
      } finally {
        embedder.terminate?.();
      }
    },
  };
}
