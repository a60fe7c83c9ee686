// What the self-check needs beyond the store's own services, given by the page (main.tsx) or by
// a test: the page's environment, a grab by one method, a WASM pool of the check's own.
import type { ProjectItemRecord } from "../../shared/bridge/contract";
import type { GrabMethod } from "../../lib/frames/grab-plan";
import type { CheckEmbedder } from "./embedding-probe";
import type { PanelEnvironment } from "./panel-environment";

export interface SelfCheckServices {
  environment(): Promise<PanelEnvironment>;
  grab(method: GrabMethod, clip: ProjectItemRecord, fractions: number[]): Promise<Blob[]>;
  startWasm?(): CheckEmbedder;
  /** the shipped sample clip's path as Premiere spells it; absent: the host finds it */
  sampleFile?: string;
  inCep: boolean;
  /** where the page's keys arrive (window), for the key step; absent: that step is skipped */
  keyTarget?: Pick<EventTarget, "addEventListener" | "removeEventListener">;
  /** how long the key step waits for one key (default 15 s) */
  keyWaitMs?: number;
}
