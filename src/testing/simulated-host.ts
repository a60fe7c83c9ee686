import path from "node:path";
import { createHostClient, type EvalTransport, type HostClient } from "../lib/bridge";
import type { SimProject } from "../sim/premiere-dom";
import { PremiereSimulator, type CsxsEvent, type SimulatorOptions } from "../sim/premiere-simulator";
import { createSampleProject } from "../sim/sample-project";
import { UxpPremiereSimulator, type UxpSimulatorOptions } from "../sim/uxp/uxp-simulator";
import { DIST, JSX_BUNDLE } from "./paths";

/** The simulated platforms host tests run on. */
export const PLATFORMS = ["macos", "windows"] as const;

/** The hosts every host test runs on: the ExtendScript bundle (CEP) and the UXP adapter
 * (docs/adr/0032-one-core-two-hosts.md). */
export const HOSTS = ["cep", "uxp"] as const;
export type HostKind = (typeof HOSTS)[number];

/** Each platform on each host, for describe.each: [host, platform]. */
export const HOST_PLATFORMS = HOSTS.flatMap((host) => PLATFORMS.map((platform) => [host, platform] as const));

export type SimulatedPremiere = PremiereSimulator | UxpPremiereSimulator;

export type SimulatedHostOptions = Omit<SimulatorOptions, "project"> &
  Omit<UxpSimulatorOptions, "project"> & { host?: HostKind };

/** CSXS events (or the UXP host's events) reach listeners as CEP delivers them: type plus data text. */
function hostEvents(simulator: SimulatedPremiere): Pick<EvalTransport, "onHostEvent"> {
  return {
    onHostEvent(type, listener) {
      const forward = (e: CsxsEvent) => e.type === type && listener(e.data);
      simulator.events.on("csxs", forward);
      return () => void simulator.events.off("csxs", forward);
    },
  };
}

/** The host running in a simulator, reached through the real bridge client: the compiled ES3
 * bundle (host "cep", the default) or the UXP adapter over the simulated UXP DOM ("uxp"). */
export function simulatedHost(
  project?: SimProject | null,
  options?: Omit<SimulatedHostOptions, "host"> & { host?: "cep" },
): { simulator: PremiereSimulator; host: HostClient };
export function simulatedHost(
  project: SimProject | null | undefined,
  options: SimulatedHostOptions,
): { simulator: SimulatedPremiere; host: HostClient };
export function simulatedHost(
  project: SimProject | null = createSampleProject(),
  options: SimulatedHostOptions = {},
): { simulator: SimulatedPremiere; host: HostClient } {
  const { host: kind = "cep", ...rest } = options;
  if (kind === "uxp") {
    const simulator = new UxpPremiereSimulator({
      project,
      sampleFile: path.join(DIST, "self-check/sample.mp4"),
      ...rest,
    });
    const transport: EvalTransport = {
      kind: "simulator",
      evalScript: async () => {
        throw new Error("the UXP host evaluates no script text");
      },
      call: (fn, args) => simulator.call(fn, args),
      ...hostEvents(simulator),
    };
    return { simulator, host: createHostClient(transport) };
  }
  const simulator = new PremiereSimulator({ project, ...rest }).loadBundle(JSX_BUNDLE);
  const transport: EvalTransport = {
    kind: "simulator",
    evalScript: async (s) => simulator.evalScript(s),
    ...hostEvents(simulator),
  };
  return { simulator, host: createHostClient(transport) };
}
