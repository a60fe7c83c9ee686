// The one declaration of the host API, shared by the panel (src/lib/bridge/client.ts) and the
// ExtendScript side (src/jsx). Each function lists its argument checks; the result types below
// are what the host returns as JSON. Compiled into the ES3 bundle: no ES5+ runtime calls.
import type { HostErrorPayload } from "./errors";
import type { IaMetadata } from "../metadata/ia-metadata";
import { metadataProblem } from "../metadata/ia-metadata";
import { arrayOf, checkArgs, mapOf, nullOr, num, oneOf, record, str, type Check } from "./validate";

export interface ProjectInfo {
  /** project file name, e.g. "Ep 3 — Küche.prproj" */
  name: string;
  /** absolute path of the .prproj */
  path: string;
  /** Premiere's version string, e.g. "24.6.1" */
  hostVersion: string;
  /** top-level items in the project root */
  rootItemCount: number;
}

export type ItemKind = "CLIP" | "BIN" | "FILE" | "ROOT";

/** One project item as the host reports it. Times are tick strings (254016000000/s). */
export interface ProjectItemRecord {
  nodeId: string;
  name: string;
  treePath: string;
  type: ItemKind;
  isSequence: boolean;
  mediaPath: string | null;
  inPointTicks: string | null;
  outPointTicks: string | null;
  durationTicks: string | null;
  frameRate: number | null;
  width: number | null;
  height: number | null;
  offline: boolean;
  still: boolean;
  imageSequence: boolean;
}

/** Every item of the open project (docs/glossary.md: a project listing; "snapshot" is a clip's,
 * for an undo). getProjectSnapshot keeps its older name. */
export interface ProjectListing {
  project: ProjectInfo;
  items: ProjectItemRecord[];
}

export interface TimelineSelectionItem {
  item: ProjectItemRecord;
  /** where the track item sits in the sequence, and which part of the clip it uses */
  startTicks: string;
  endTicks: string;
  inPointTicks: string;
  outPointTicks: string;
}

export interface SelectionResult {
  /** Project panel selection (may include bins and sequences) */
  projectItems: ProjectItemRecord[];
  /** selected clips on the active sequence's timeline; null when no sequence is open */
  timeline: { sequenceName: string; playheadTicks: string; items: TimelineSelectionItem[] } | null;
}

export interface ClipMetadataRecord {
  nodeId: string;
  /** what the clip's XMP says under IA's contract */
  metadata: Partial<IaMetadata>;
  shotName: string;
  tapeName: string;
  /** the panel's project columns (label → value) */
  columns: { [label: string]: string };
}

export interface WriteMetadataRequest {
  nodeId: string;
  metadata: IaMetadata;
  /** shown in the "IA Reference" column, e.g. "suggested", "confirmed", "saved" */
  referenceStatus?: string;
}

export interface WriteMetadataResult {
  nodeId: string;
  /** what is now on the clip (locked fields kept their old values) */
  metadata: IaMetadata;
  keptLocked: string[];
  tapeNameWritten: boolean;
}

export interface ExportFramesRequest {
  nodeId: string;
  /** positions in the clip's in–out range, 0..1; default 10/30/50/70/90 % */
  fractions?: number[];
  /** how long to wait for each file Premiere writes in the background */
  timeoutMs?: number;
}

export interface ExportedFrame {
  fraction: number;
  ticks: string;
  path: string;
}

export interface ExportFramesResult {
  nodeId: string;
  folder: string;
  frames: ExportedFrame[];
}

/** The clip the editor sees under the playhead: topmost enabled video track of the active sequence. */
export interface ClipAtPlayhead {
  sequenceName: string;
  /** the project item the track item plays */
  item: ProjectItemRecord;
  /** index in the sequence's video tracks (0 = V1) */
  trackIndex: number;
  /** where the track item sits in the sequence, and the part of the source it uses (ticks) */
  startTicks: string;
  endTicks: string;
  inPointTicks: string;
  outPointTicks: string;
  playheadTicks: string;
  /** the source media time under the playhead: in point + (playhead − start) × speed, or counted
   * back from the out point for a reversed clip */
  sourceTicks: string;
  /** Premiere's getSpeed(): 1 = 100 % */
  speed: number;
  reversed: boolean;
  /** a still shows the same frame at every time */
  still: boolean;
}

export interface ExportFrameAtRequest {
  nodeId: string;
  /** the source media time (ticks) of the frame: the clip's own frame, not the graded program */
  ticks: string;
  timeoutMs?: number;
}

/** What IA's sidecars beside a clip's media say of it, per clip (docs/facts/ia-contract.md, ADR 0022). */
export interface IaSidecarRecord {
  /** the file holding the clip's entry: the corrections file when it has one, else IA's; null: neither */
  source: "corrections" | "ia" | null;
  lockedFields: string[];
  /** IA's shot number for the clip (sequential within the folder, immutable); null: none */
  shotNumber: number | null;
  /** a sidecar beside the media that could not be read, in plain words (it is left as it is) */
  problem?: string;
}

export interface RecordCorrectionRequest {
  nodeId: string;
  /** what the editor confirmed */
  metadata: IaMetadata;
}

export interface RecordCorrectionResult {
  written: boolean;
  /** the corrections file, when there is a folder to put it in */
  file: string | null;
  /** why nothing was written, when that is as it should be (nothing changed, no IA entry) */
  reason?: string;
  /** why the correction could not be recorded, for the editor to fix (the clip itself was written) */
  problem?: string;
}

/** An item a batch leaves out, and why (a sequence, offline media, no media file). */
export interface SkippedItem {
  nodeId: string;
  name: string;
  treePath: string;
  reason: string;
}

/** The clips a batch suggests for: a bin's (sub-bins included), or a selection's. */
export interface BatchClips {
  /** what the clips came from: the bin's name, or the sequence's for a timeline selection */
  scope: { kind: "bin" | "project-selection" | "timeline-selection"; name: string; treePath: string };
  /** clips with media, in Project panel (or timeline selection) order, each once */
  clips: ProjectItemRecord[];
  skipped: SkippedItem[];
}

export interface BinClipsRequest {
  /** a bin, or an item whose bin is meant; absent: the Project panel's selection says */
  nodeId?: string;
}

/** What a clip held before a batch accept wrote to it: enough to put it back exactly. */
export interface ClipSnapshot {
  nodeId: string;
  /** the raw XMP packet, exactly as getXMPMetadata returned it */
  xmp: string;
  /** fingerprint() of `xmp`: whether the clip changed since */
  xmpFingerprint: string;
  /** the panel's project columns by schema name (IALocation, …); "" when unset */
  columns: { [name: string]: string };
  /** IA's corrections file beside the media; null when the clip has no media folder */
  corrections: {
    file: string;
    /** its bytes, one character per byte (ExtendScript's BINARY encoding); null when absent */
    bytes: string | null;
    /** fingerprint() of `bytes` ("" when absent) */
    fingerprint: string;
  } | null;
}

export interface RestoreClipRequest {
  nodeId: string;
  xmp: string;
  columns: { [name: string]: string };
  /** the corrections file's previous bytes (null: it did not exist); absent: leave the file alone */
  corrections?: { bytes: string | null };
  /** restore only the parts that still hold what the batch wrote (fingerprints taken after it) */
  ifUnchanged?: { xmp: string; corrections?: string };
}

/** Per part: put back, already as before, changed since the batch (then kept), or failed. */
export type RestoreOutcome = "restored" | "removed" | "unchanged" | "changed" | "failed";

export interface RestoreClipResult {
  nodeId: string;
  xmp: RestoreOutcome;
  columns: RestoreOutcome;
  corrections: RestoreOutcome;
  /** why a part was kept or failed, in plain words */
  reason?: string;
}

/** What the running Premiere says of itself, for the self-check's report (docs/adr/0023). */
export interface HostInfo {
  /** app.version, e.g. "24.6.1" */
  premiereVersion: string;
  /** app.build where Premiere has it, else "" */
  premiereBuild: string;
  /** ExtendScript's $.os, e.g. "Windows/64 10.0" */
  os: string;
  /** ExtendScript's $.version */
  extendScript: string;
  /** whether app.enableQE exists (QE's frame export needs it) */
  qe: boolean;
  /** whether app.encoder (Media Encoder's scripting object) exists; the panel does not use it */
  mediaEncoder: boolean;
}

export interface BeginSelfCheckRequest {
  /** the sample clip to import; absent: self-check/sample.mp4 beside the host bundle */
  sampleFile?: string;
}

/** Every scratch bin's name starts so: the host deletes only such bins, and the panel never
 * queues a clip inside one. */
export var SELF_CHECK_BIN_PREFIX = "Reference Lookup self-check ";

/** Whether a project item sits in a self-check's scratch bin (by its treePath). */
export function inSelfCheckBin(treePath: string): boolean {
  var parts = treePath.split(/[\\/]/);
  for (var i = 0; i < parts.length - 1; i++) if (parts[i].indexOf(SELF_CHECK_BIN_PREFIX) === 0) return true;
  return false;
}

/** What the self-check made in the project and on disk; endSelfCheck removes exactly this. */
export interface SelfCheckScratch {
  /** the scratch bin at the project's root */
  binNodeId: string;
  binName: string;
  /** the sample as imported into the scratch bin */
  clip: ProjectItemRecord;
  /** the folder holding the copy of the sample that was imported (under Folder.temp) */
  folder: string;
}

export interface EndSelfCheckRequest {
  /** absent when beginSelfCheck failed before it said what it made */
  binNodeId?: string;
  folder?: string;
}

export interface EndSelfCheckResult {
  /** what was removed, in plain words */
  removed: string[];
  /** what could not be removed, and where it is */
  problems: string[];
}

/** Every host function: its arguments as a tuple and its result. */
export interface HostApi {
  getProjectInfo: { args: []; result: ProjectInfo };
  getProjectSnapshot: { args: []; result: ProjectListing };
  /** node ids of every clip, for cheap polling of new imports */
  listClipIds: { args: []; result: string[] };
  /** records for the ids still in the project, in the order asked; deleted ids are listed apart */
  getClips: { args: [nodeIds: string[]]; result: { clips: ProjectItemRecord[]; missing: string[] } };
  getSelection: { args: []; result: SelectionResult };
  /** every clip of a bin and its sub-bins (NO_SELECTION when neither a node id nor a selection says which) */
  getBinClips: { args: [request: BinClipsRequest]; result: BatchClips };
  /** the clips of the Project panel's selection (bins in it included) or of the timeline's (NO_SEQUENCE) */
  getSelectedClips: { args: [source: "project" | "timeline"]; result: BatchClips };
  readClipMetadata: { args: [nodeId: string]; result: ClipMetadataRecord };
  writeClipMetadata: { args: [request: WriteMetadataRequest]; result: WriteMetadataResult };
  exportFrames: { args: [request: ExportFramesRequest]; result: ExportFramesResult };
  /** the clip under the playhead of the active sequence (NO_SEQUENCE, NO_CLIP_AT_PLAYHEAD, MEDIA_OFFLINE) */
  getClipAtPlayhead: { args: []; result: ClipAtPlayhead };
  /** one source frame of a clip at a media time; released with releaseFrames like exportFrames' */
  exportFrameAt: { args: [request: ExportFrameAtRequest]; result: ExportFramesResult };
  /** the locks IA's sidecars hold for the clip */
  readIaSidecar: { args: [nodeId: string]; result: IaSidecarRecord };
  /** records the editor's correction in .ingest-metadata-pp.json beside the media, as IA's panel did */
  recordCorrection: { args: [request: RecordCorrectionRequest]; result: RecordCorrectionResult };
  /** the clip's raw XMP, the panel's column values and IA's corrections file, for an undo */
  snapshotClip: { args: [nodeId: string]; result: ClipSnapshot };
  /** puts a snapshot back: the XMP byte for byte, the columns, the corrections file's bytes */
  restoreClip: { args: [request: RestoreClipRequest]; result: RestoreClipResult };
  /** deletes frame files the panel is done with, and their folder */
  releaseFrames: { args: [folder: string]; result: { removed: number } };
  /** binds Premiere's import event; the host then dispatches the `itemsAdded` host event */
  watchImports: { args: []; result: { mode: "events" | "polling" } };
  /** Premiere's, ExtendScript's and the OS's versions, and which optional APIs exist */
  getHostInfo: { args: []; result: HostInfo };
  /** imports the sample clip into a new scratch bin (removed again if anything fails on the way) */
  beginSelfCheck: { args: [request: BeginSelfCheckRequest]; result: SelfCheckScratch };
  /** removes the scratch bin (and the clip in it) and the sample's copy, each whatever the other did */
  endSelfCheck: { args: [request: EndSelfCheckRequest]; result: EndSelfCheckResult };
  /** Echo for wiring checks: returns its argument unchanged after a JSON round trip. */
  ping: { args: [message: string]; result: { message: string; receivedAt: string } };
}

export type HostFunctionName = keyof HostApi;
export type HostArgs<F extends HostFunctionName> = HostApi[F]["args"];
export type HostResult<F extends HostFunctionName> = HostApi[F]["result"];

/** Argument checks per host function. The keys are the list of functions that exist. */
var nodeId = str({ nonEmpty: true, maxLength: 64 });

/** An XMP packet or a sidecar file: camera XMP can carry large private blocks. */
var MAX_PACKET = 8 * 1024 * 1024;

/** Ticks cross the bridge as strings of digits (they exceed 2^53 for long media). */
function tickString(value: unknown): string | null {
  return typeof value === "string" && /^\d{1,20}$/.test(value) ? null : "must be a tick count as a string of digits";
}

function iaMetadata(): Check {
  return function (value) {
    var problem = metadataProblem(value);
    return problem ? "is not valid IA metadata: " + problem : null;
  };
}

export const hostArgChecks: { [F in HostFunctionName]: Check[] } = {
  getProjectInfo: [],
  getProjectSnapshot: [],
  listClipIds: [],
  getClips: [arrayOf(nodeId, { maxLength: 5000 })],
  getSelection: [],
  getBinClips: [record({ nodeId: nodeId }, { nodeId: true })],
  getSelectedClips: [oneOf(["project", "timeline"])],
  readClipMetadata: [nodeId],
  writeClipMetadata: [
    record(
      { nodeId: nodeId, metadata: iaMetadata(), referenceStatus: str({ maxLength: 40 }) },
      { referenceStatus: true },
    ),
  ],
  exportFrames: [
    record(
      {
        nodeId: nodeId,
        fractions: arrayOf(num({ min: 0, max: 1 }), { minLength: 1, maxLength: 20 }),
        timeoutMs: num({ min: 100, max: 120000 }),
      },
      { fractions: true, timeoutMs: true },
    ),
  ],
  getClipAtPlayhead: [],
  exportFrameAt: [
    record({ nodeId: nodeId, ticks: tickString, timeoutMs: num({ min: 100, max: 120000 }) }, { timeoutMs: true }),
  ],
  readIaSidecar: [nodeId],
  recordCorrection: [record({ nodeId: nodeId, metadata: iaMetadata() })],
  snapshotClip: [nodeId],
  restoreClip: [
    record(
      {
        nodeId: nodeId,
        xmp: str({ maxLength: MAX_PACKET }),
        columns: mapOf(str({ maxLength: 4096 }), { maxKeys: 32 }),
        corrections: record({ bytes: nullOr(str({ maxLength: MAX_PACKET })) }),
        ifUnchanged: record(
          { xmp: str({ maxLength: 40 }), corrections: str({ maxLength: 40 }) },
          { corrections: true },
        ),
      },
      { corrections: true, ifUnchanged: true },
    ),
  ],
  releaseFrames: [str({ nonEmpty: true, maxLength: 4096 })],
  watchImports: [],
  getHostInfo: [],
  beginSelfCheck: [record({ sampleFile: str({ nonEmpty: true, maxLength: 4096 }) }, { sampleFile: true })],
  endSelfCheck: [
    record({ binNodeId: nodeId, folder: str({ nonEmpty: true, maxLength: 4096 }) }, { binNodeId: true, folder: true }),
  ],
  ping: [str()],
};

export function isHostFunctionName(name: string): name is HostFunctionName {
  return Object.prototype.hasOwnProperty.call(hostArgChecks, name);
}

/** Null when the call is well-formed, otherwise the error to report, naming the function. */
export function validateHostCall(name: string, args: unknown): HostErrorPayload | null {
  if (!isHostFunctionName(name)) {
    return { code: "UNKNOWN_FUNCTION", fn: name, message: "'" + name + "' is not a host function" };
  }
  var problem = checkArgs(hostArgChecks[name], args);
  return problem ? { code: "INVALID_ARGUMENTS", fn: name, message: name + ": " + problem } : null;
}

/** The ExtendScript global under which the host bundle registers its dispatcher. */
export const HOST_NAMESPACE = "__referenceLookup";

/**
 * Escapes every non-ASCII character as \uXXXX. Evaluated scripts and results with raw
 * non-ASCII text have broken in ExtendScript; JSON keeps the meaning exactly.
 */
export function asciiJson(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, function (ch) {
    var hex = ch.charCodeAt(0).toString(16);
    while (hex.length < 4) hex = "0" + hex;
    return "\\u" + hex;
  });
}
