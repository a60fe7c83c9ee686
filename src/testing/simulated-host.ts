import { createHostClient, type EvalTransport, type HostClient } from "../lib/bridge";
import type { SimProject } from "../sim/premiere-dom";
import { PremiereSimulator, type CsxsEvent, type SimulatorOptions } from "../sim/premiere-simulator";
import { createSampleProject } from "../sim/sample-project";
import { JSX_BUNDLE } from "./paths";

/** The simulated platforms host tests run on. */
export const PLATFORMS = ["macos", "windows"] as const;

/** The compiled host bundle running in the simulator, reached through the real bridge client. */
export function simulatedHost(
  project: SimProject | null = createSampleProject(),
  options: Omit<SimulatorOptions, "project"> = {},
): {
  simulator: PremiereSimulator;
  host: HostClient;
} {
  const simulator = new PremiereSimulator({ project, ...options }).loadBundle(JSX_BUNDLE);
  const transport: EvalTransport = {
    kind: "simulator",
    evalScript: async (s) => simulator.evalScript(s),
    // CSXS events reach listeners as CEP delivers them: type plus data text
    onHostEvent(type, listener) {
      const forward = (e: CsxsEvent) => e.type === type && listener(e.data);
      simulator.events.on("csxs", forward);
      return () => void simulator.events.off("csxs", forward);
    },
  };
  return { simulator, host: createHostClient(transport) };
}
