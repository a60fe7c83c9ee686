// The self-check's services in the panel page: the grab by one method, a WASM pool from the
// panel's own embedder selection (start-embedder.ts), and the sample's path in the extension.
import type { HostClient } from "../../lib/bridge";
import { browserCandidates } from "../embedding/start-embedder";
import { grabFramesWith } from "../frames/grab-frames";
import type { MediaAccess } from "../frames/media-access";
import { panelEnvironment } from "./panel-environment";
import { sampleFileOf } from "./sample-file";
import type { SelfCheckServices } from "./self-check-services";

export function browserSelfCheck(host: HostClient, media: MediaAccess): SelfCheckServices {
  return {
    environment: panelEnvironment(host.transport),
    grab: async (method, clip, fractions) => (await grabFramesWith(method, clip, { host, media }, fractions)).frames,
    startWasm: () => browserCandidates({ native: false }).pool(),
    sampleFile: sampleFileOf(document.baseURI),
    inCep: host.transport.kind === "cep",
    keyTarget: window,
  };
}
