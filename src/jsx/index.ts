// Entry of the ExtendScript bundle (dist/cep/jsx/index.js). Premiere evaluates it when the
// panel opens; it registers one dispatcher under a single global.
import { HOST_NAMESPACE } from "../shared/bridge/contract";
import { createDispatcher, type HostHandlers } from "./dispatch";
import { getBinClips, getSelectedClips } from "./host/batch-clips";
import { exportFrameAt, exportFrames, releaseFrames } from "./host/frames";
import { watchImports } from "./host/imports";
import { readClipMetadata, writeClipMetadata } from "./host/metadata";
import { getProjectInfo } from "./host/project";
import { getSelection } from "./host/selection";
import { getClips, getProjectSnapshot, listClipIds } from "./host/snapshot";
import { getClipAtPlayhead } from "./host/timeline";
import { readIaSidecar, recordCorrection } from "./host/ia-sidecar";
import { restoreClip, snapshotClip } from "./host/clip-snapshot";
import { beginSelfCheck, endSelfCheck, getHostInfo } from "./host/self-check";

var handlers: HostHandlers = {
  getProjectInfo: getProjectInfo,
  getProjectSnapshot: getProjectSnapshot,
  listClipIds: listClipIds,
  getClips: getClips,
  getSelection: getSelection,
  getBinClips: getBinClips,
  getSelectedClips: getSelectedClips,
  readClipMetadata: readClipMetadata,
  writeClipMetadata: writeClipMetadata,
  exportFrames: exportFrames,
  exportFrameAt: exportFrameAt,
  getClipAtPlayhead: getClipAtPlayhead,
  releaseFrames: releaseFrames,
  readIaSidecar: readIaSidecar,
  recordCorrection: recordCorrection,
  snapshotClip: snapshotClip,
  restoreClip: restoreClip,
  watchImports: watchImports,
  getHostInfo: getHostInfo,
  beginSelfCheck: beginSelfCheck,
  endSelfCheck: endSelfCheck,
  ping: function (message: string) {
    return { message: message, receivedAt: new Date().toUTCString() };
  },
};

$.global[HOST_NAMESPACE] = { dispatch: createDispatcher(handlers) };
