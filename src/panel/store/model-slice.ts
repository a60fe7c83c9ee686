// The encoder: which model the panel runs, and its loading progress.
import type { StudioConfig } from "../../lib/studio-config";
import { modelSourceFrom, progressTracker } from "../model-loading";
import { toPanelError, type PanelError } from "./panel-error";
import type { Slice } from "./slice";

export type ModelStatus =
  | { state: "idle" }
  | { state: "loading"; percent: number; source: string }
  | { state: "ready"; modelVersion: string; threads: number; isTestModel: boolean; detail?: string }
  | { state: "error"; error: PanelError };

export interface ModelSlice {
  modelStatus: ModelStatus;
  loadModel(config: StudioConfig | null): Promise<void>;
  /** the details line again, after the embedder changed path (its native thread died) */
  refreshModelDetail(): void;
}

/** The small random-weight model the tests and the preview use (tests/fixtures/tiny-random-clip). */
export function isTestModel(modelVersion: string): boolean {
  return /tiny-random/i.test(modelVersion);
}

export const modelSlice: Slice<ModelSlice> = (set, get, services) => ({
  modelStatus: { state: "idle" },
  async loadModel(config) {
    const { embedder } = services;
    if (!embedder) return;
    const source = modelSourceFrom(config);
    const label = source.kind === "hub" ? source.modelId : source.path;
    const track = progressTracker();
    set({ modelStatus: { state: "loading", percent: 0, source: label } });
    try {
      const info = await embedder.load({ source, quantized: true }, (p) =>
        // the files can all be read before the sessions are built: 100 % only once ready
        set({ modelStatus: { state: "loading", percent: Math.min(99, track(p)), source: label } }),
      );
      set({
        modelStatus: {
          state: "ready",
          modelVersion: info.modelVersion,
          threads: info.threads,
          isTestModel: isTestModel(info.modelVersion),
          // which inference path runs, and why not the faster one (native or WASM pool)
          detail: embedder.detail,
        },
      });
      void get().prepareCalibration();
      void get().processQueue();
    } catch (e) {
      set({ modelStatus: { state: "error", error: toPanelError("Loading the CLIP model", e) } });
    }
  },
  refreshModelDetail() {
    const status = get().modelStatus;
    const detail = services.embedder?.detail;
    if (status.state === "ready" && detail !== status.detail) set({ modelStatus: { ...status, detail } });
  },
});
