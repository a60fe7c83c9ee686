// The UXP host adapter: the same HostApi as the ExtendScript host (src/shared/bridge/contract.ts),
// over Premiere's UXP DOM (`require("premierepro")`). The plugin shell forwards the webview's
// bridge calls to `call` and its listeners to `onHostEvent` (docs/adr/0032-one-core-two-hosts.md).
import type { premierepro } from "@adobe/premierepro";
import { createContext, type HostContext } from "./context";
import { createUxpDispatcher, type UxpHandlers } from "./dispatch";
import { getBinClips, getSelectedClips } from "./batch-clips";
import { restoreClip, snapshotClip } from "./clip-snapshot";
import { exportFrameAt, exportFrames, releaseFrames } from "./frames";
import { readIaSidecar, recordCorrection } from "./ia-sidecar";
import { watchImports } from "./imports";
import { readClipMetadata, writeClipMetadata } from "./metadata";
import { getClips, getProjectInfo, getProjectSnapshot, listClipIds } from "./project";
import { getSelection } from "./selection";
import { beginSelfCheck, endSelfCheck, getHostInfo } from "./self-check";
import { getClipAtPlayhead } from "./timeline";
import type { UxpHostServices } from "./services";

export type { UxpHostServices, HostFiles, XmpApi, XmpMetaLike } from "./services";

export interface UxpHost {
  /** one bridge call: resolves with the host's envelope text, never rejects */
  call(fn: string, args: unknown[]): Promise<string>;
  /** host events by CEP's event type (HOST_EVENT_TYPES), data as JSON text */
  onHostEvent(type: string, listener: (data: string) => void): () => void;
}

function handlers(ctx: HostContext): UxpHandlers {
  return {
    getProjectInfo: () => getProjectInfo(ctx),
    getProjectSnapshot: () => getProjectSnapshot(ctx),
    listClipIds: () => listClipIds(ctx),
    getClips: (ids) => getClips(ctx, ids),
    getSelection: () => getSelection(ctx),
    getBinClips: (request) => getBinClips(ctx, request),
    getSelectedClips: (source) => getSelectedClips(ctx, source),
    readClipMetadata: (nodeId) => readClipMetadata(ctx, nodeId),
    writeClipMetadata: (request) => writeClipMetadata(ctx, request),
    exportFrames: (request) => exportFrames(ctx, request),
    getClipAtPlayhead: () => getClipAtPlayhead(ctx),
    exportFrameAt: (request) => exportFrameAt(ctx, request),
    readIaSidecar: (nodeId) => readIaSidecar(ctx, nodeId),
    recordCorrection: (request) => recordCorrection(ctx, request),
    snapshotClip: (nodeId) => snapshotClip(ctx, nodeId),
    restoreClip: (request) => restoreClip(ctx, request),
    releaseFrames: (folder) => releaseFrames(ctx, folder),
    watchImports: () => watchImports(ctx),
    getHostInfo: () => getHostInfo(ctx),
    beginSelfCheck: (request) => beginSelfCheck(ctx, request),
    endSelfCheck: (request) => endSelfCheck(ctx, request),
    ping: async (message) => ({ message, receivedAt: ctx.services.now().toUTCString() }),
  };
}

export function createUxpHost(ppro: premierepro, services: UxpHostServices): UxpHost {
  const ctx = createContext(ppro, services);
  const call = createUxpDispatcher(handlers(ctx));
  return {
    call,
    onHostEvent(type, listener) {
      const set = ctx.state.listeners.get(type) ?? new Set();
      set.add(listener);
      ctx.state.listeners.set(type, set);
      return () => void set.delete(listener);
    },
  };
}
