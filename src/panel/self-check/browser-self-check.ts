// The self-check's services in the panel page: the grab by one method, a WASM pool from the
// panel's own embedder selection (start-embedder.ts), and the sample's path in the extension.
import type { HostClient } from "../../lib/bridge";
import { browserCandidates } from "../embedding/start-embedder";
import { grabFramesWith } from "../frames/grab-frames";
import type { MediaAccess } from "../frames/media-access";
import { panelEnvironment } from "./panel-environment";
import type { SelfCheckServices } from "./self-check-services";

/** Where the ZXP puts the sample clip, beside main/ (src/panel/public/self-check). */
export const SAMPLE_CLIP = "self-check/sample.mp4";

/** The sample's path on disk from the page's file: URL (CEP), or undefined (the preview, where
 * the host finds it beside its own bundle). */
export function sampleFileOf(pageUrl: string): string | undefined {
  const url = new URL(`../${SAMPLE_CLIP}`, pageUrl);
  if (url.protocol !== "file:") return undefined;
  const path = decodeURIComponent(url.pathname);
  // file:///C:/Program%20Files/… → C:/Program Files/…, which ExtendScript's File takes
  return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path;
}

export function browserSelfCheck(host: HostClient, media: MediaAccess): SelfCheckServices {
  return {
    environment: panelEnvironment(host.transport),
    grab: async (method, clip, fractions) => (await grabFramesWith(method, clip, { host, media }, fractions)).frames,
    startWasm: () => browserCandidates({ native: false }).pool(),
    sampleFile: sampleFileOf(document.baseURI),
    inCep: host.transport.kind === "cep",
  };
}
