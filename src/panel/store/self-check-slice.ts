// "Check this Premiere" (docs/adr/0023): runs the panel's self-check and keeps its report.
import { version as panelVersion } from "../../../package.json";
import { runSelfCheck, type SelfCheckReport } from "../../lib/self-check";
import { modelSourceFrom } from "../model-loading";
import { embeddingProbe } from "../self-check/embedding-probe";
import { panelSelfCheckPlan } from "../self-check/self-check-plan";
import type { SelfCheckServices } from "../self-check/self-check-services";
import { KeyProbe, type KeyAsk } from "../self-check/key-probe";
import { configOf } from "./settings-slice";
import type { Slice } from "./slice";

export type SelfCheckStatus =
  | { state: "idle" }
  | { state: "running"; step: string; done: number; total: number }
  | { state: "done"; report: SelfCheckReport };

export interface SelfCheckSlice {
  selfCheck: SelfCheckStatus;
  /** the key the self-check asks the admin to press now */
  keyCheck: KeyAsk | null;
  /** the admin's answer to it: it did nothing in the panel, or stop asking */
  answerKeyCheck(answer: "missed" | "stop"): void;
  /** runs the check once (a second press while it runs does nothing); null: it could not start */
  runSelfCheck(): Promise<SelfCheckReport | null>;
}

export const selfCheckSlice: Slice<SelfCheckSlice> = (set, get, services) => {
  let probe: KeyProbe | undefined;
  return {
    selfCheck: { state: "idle" },
    keyCheck: null,
    answerKeyCheck: (answer) => probe?.answer(answer),
    async runSelfCheck() {
      const checks: SelfCheckServices | undefined = services.selfCheck;
      if (!checks || get().selfCheck.state === "running") return null;
      probe = checks.keyTarget
        ? new KeyProbe(checks.keyTarget, (keyCheck) => set({ keyCheck }), checks.keyWaitMs)
        : undefined;
      set({ selfCheck: { state: "running", step: "Starting", done: 0, total: 1 } });
      const plan = panelSelfCheckPlan({
        host: services.host,
        grab: checks.grab,
        environment: checks.environment,
        sampleFile: checks.sampleFile,
        inCep: checks.inCep,
        keys: probe,
        embedding: embeddingProbe({
          embedder: services.embedder,
          status: () => get().modelStatus,
          modelOptions: () => ({ source: modelSourceFrom(configOf(get().settings)), quantized: true }),
          startWasm: checks.startWasm,
        }),
      });
      const report = await runSelfCheck(plan, {
        panelVersion,
        onStep: (step, done, total) => set({ selfCheck: { state: "running", step, done, total } }),
      });
      set({ selfCheck: { state: "done", report }, keyCheck: null });
      return report;
    },
  };
};
