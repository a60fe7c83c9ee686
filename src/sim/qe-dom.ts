// The unsupported QE DOM's frame export, with the quirks docs/facts/premiere-and-cep.md lists: asynchronous (the file
// appears later), ".png" appended to whatever path it is given, false returned on success every
// other call, and a bare number read as frames rather than ticks. It renders what the Program
// Monitor shows: the topmost enabled video item at that sequence time. In the "player-position"
// mode it ignores the time it is given and renders the player position, as one public report
// says Premiere does.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import type { HostClock } from "./host-clock";
import { SimDomObject, declareNotAvailable } from "./dom/dom-object";
import {
  SimTime,
  TICKS_PER_SECOND,
  type SimMedia,
  type SimProject,
  type SimProjectItem,
  type SimSequence,
  type SimTrack,
  type SimTrackItem,
} from "./premiere-dom";
import type { SimPaths } from "./sim-paths";

export const EXPORT_LATENCY_MS = 300;

export type QeExportMode = "given-time" | "player-position";

/** Which calls QE's exportFrame* methods accept. "lenient" (Premiere 23–25, as docs/facts/premiere-and-cep.md has it):
 * any time it can read, a bare number taken as frames, any path. "26.x": only
 * (timecode "HH:MM:SS:FF", path without extension), exactly two arguments; anything else returns
 * false and writes nothing, as public reports of Premiere 26.x say (unverified; docs/adr/0023). */
export type QeExportForm = "lenient" | "26.x";

/** The form a Premiere version's QE takes: 26.x from version 26 on. */
export function qeExportFormOf(hostVersion: string): QeExportForm {
  return parseInt(hostVersion, 10) >= 26 ? "26.x" : "lenient";
}

export interface QeExportBehaviour {
  mode: QeExportMode;
  form: QeExportForm;
  /** broken on purpose: every export returns false and writes nothing */
  broken?: boolean;
}

/** Every exportFrame* call a script made, accepted or not (tests check the host's form). */
export interface QeExportCall {
  method: string;
  args: unknown[];
  accepted: boolean;
}

const TIMECODE = /^\d+[:;]\d\d[:;]\d\d[:;]\d\d$/;

/** 26.x's one form: (timecode, path whose last part has no extension). */
export function isQe26ExportForm(args: unknown[]): boolean {
  const [time, output] = args;
  if (args.length !== 2 || typeof time !== "string" || typeof output !== "string") return false;
  const name = output.split(/[\\/]/).pop() ?? "";
  return TIMECODE.test(time) && name !== "" && !name.includes(".");
}

export interface ExportRecord {
  requestedPath: string;
  /** the file written, as the platform spells it */
  writtenPath: string;
  /** the same file on the real disk */
  realPath: string;
  sourceSeconds: number;
}

/** "HH:MM:SS:FF" (or ';' for drop frame) at the sequence's nominal rate; digits alone = frames. */
export function parseQeTime(time: string, fps: number): number | null {
  const nominal = Math.round(fps);
  const tc = /^(\d+)[:;](\d\d)[:;](\d\d)[:;](\d\d)$/.exec(time);
  if (tc) {
    const [h, m, s, f] = tc.slice(1).map(Number);
    return h * 3600 + m * 60 + s + f / nominal;
  }
  if (/^\d+$/.test(time)) return Number(time) / nominal; // the quirk: ticks are taken as frames
  return null;
}

/** How Premiere reads the media at a time: video seeks, a still is the same at every time, and a
 * numbered image sequence plays as video at its frame rate. */
export function decodeArgs(media: SimMedia, seconds: number): string[] {
  const numbered = /(\d{3,})(\.[A-Za-z0-9]+)$/.exec(media.path);
  const still = /\.(jpe?g|png|tiff?|psd|bmp|gif)$/i.test(media.path);
  if (still && numbered && media.frameRate > 0 && media.durationSeconds > 0) {
    const pattern = media.path.slice(0, numbered.index) + `%0${numbered[1].length}d` + numbered[2];
    return [
      "-framerate",
      String(media.frameRate),
      "-start_number",
      String(Number(numbered[1])),
      "-i",
      pattern,
      "-ss",
      String(seconds),
    ];
  }
  if (still) return ["-i", media.path];
  return ["-ss", String(seconds), "-i", media.path];
}

/** The source media time a track item shows at a sequence time: speed and reverse applied. */
export function sourceTicksAt(item: SimTrackItem, sequenceTicks: number): number {
  const offset = (sequenceTicks - Number(item.start.ticks)) * item.getSpeed();
  return item.isSpeedReversed() ? Number(item.outPoint.ticks) - offset : Number(item.inPoint.ticks) + offset;
}

/** The file types QE's exportFrame* methods write. */
type FrameExtension = "png" | "jpg" | "bmp" | "tif" | "gif" | "tga" | "dpx";

/** QE objects answer ExtendScript's event methods as well as bind/unbind. */
class QeObject extends SimDomObject {
  private readonly listeners: Array<{ type: string; handler: unknown }> = [];
  addEventListener(type: string, handler: unknown): void {
    this.listeners.push({ type: String(type), handler });
  }
  removeEventListener(type: string, handler: unknown): void {
    const i = this.listeners.findIndex((l) => l.type === String(type) && l.handler === handler);
    if (i >= 0) this.listeners.splice(i, 1);
  }
  dispatchEvent(_event: unknown): boolean {
    return true; // QE raises no events of its own in the simulator
  }
}

/** QE's time objects: a timecode, ticks and seconds. */
function qeTime(ticks: number, fps: number) {
  const frameTicks = TICKS_PER_SECOND / (fps || 25);
  return {
    ticks: String(ticks),
    secs: ticks / TICKS_PER_SECOND,
    frames: Math.floor(ticks / frameTicks),
    timecode: new SimTime(ticks).getFormatted(new SimTime(frameTicks), 101),
  };
}

export class QeTrack extends QeObject {
  constructor(
    private readonly track: SimTrack,
    readonly type: "Video" | "Audio",
  ) {
    super();
  }
  get id(): number {
    return this.track.id;
  }
  get index(): number {
    return this.track.index;
  }
  get name(): string {
    return this.track.name;
  }
  get numItems(): number {
    return this.track.items.length;
  }
  readonly numComponents = 0;
  readonly numTransitions = 0;
  getItemAt(
    index: number,
  ): { name: string; start: ReturnType<typeof qeTime>; end: ReturnType<typeof qeTime> } | undefined {
    const item = this.track.clips[Number(index)];
    return item
      ? { name: item.name, start: qeTime(Number(item.start.ticks), 25), end: qeTime(Number(item.end.ticks), 25) }
      : undefined;
  }
  isLocked(): boolean {
    return this.track.isLocked();
  }
  isMuted(): boolean {
    return this.track.isMuted();
  }
  setLock(on: boolean): boolean {
    this.track.setLocked(on ? 1 : 0);
    return true;
  }
  setMute(on: boolean): boolean {
    this.track.setMute(on ? 1 : 0);
    return true;
  }
  setName(name: string): boolean {
    this.track.name = String(name);
    return true;
  }
  private syncLocked = true;
  isSyncLocked(): boolean {
    return this.syncLocked;
  }
  setSyncLock(on: boolean): boolean {
    this.syncLocked = Boolean(on);
    return true;
  }
}
declareNotAvailable(QeTrack, "QE Track", [
  "addAudioEffect",
  "getComponentAt",
  "getTransitionAt",
  "insert",
  "overwrite",
  "razor",
]);

export class QeSequence extends QeObject {
  private calls = 0;
  readonly __class__ = "Sequence";
  readonly __count__ = 0;
  readonly reflect = { name: "Sequence", properties: [] as string[], methods: [] as string[] };
  readonly presetList: string[] = [];
  readonly previewPresetCodec = 0;
  readonly previewPresetPath = "";
  readonly multicam = {};
  readonly player = {};
  useMaxBitDepth = false;
  useMaxRenderQuality = false;
  audioDisplayFormat = 200;
  audioFrameRate = 48000;

  constructor(
    private readonly seq: SimSequence,
    private readonly clock: HostClock,
    private readonly exports: ExportRecord[],
    private readonly paths: SimPaths,
    private readonly behaviour: QeExportBehaviour,
    private readonly project: SimProject,
    private readonly exportCalls: QeExportCall[],
  ) {
    super();
  }

  get name(): string {
    return this.seq.name;
  }
  get guid(): string {
    return this.seq.sequenceID;
  }
  get numVideoTracks(): number {
    return this.seq.videoTrackList.length;
  }
  get numAudioTracks(): number {
    return this.seq.audioTrackList.length;
  }
  get videoFrameRate(): number {
    return this.seq.frameRate;
  }
  get videoDisplayFormat(): number {
    return this.seq.videoDisplayFormat;
  }
  get editingMode(): string {
    return this.seq.sequenceSettings.editingMode;
  }
  get fieldType(): number {
    return this.seq.sequenceSettings.videoFieldType;
  }
  get par(): number {
    return Number(this.seq.sequenceSettings.videoPixelAspectRatio) || 1;
  }
  get CTI() {
    return qeTime(this.seq.playerPositionTicks, this.seq.frameRate);
  }
  get inPoint() {
    return qeTime(Number(this.seq.getInPointAsTime().ticks), this.seq.frameRate);
  }
  get outPoint() {
    return qeTime(Number(this.seq.getOutPointAsTime().ticks), this.seq.frameRate);
  }
  get workInPoint() {
    return qeTime(this.seq.workArea.inTicks, this.seq.frameRate);
  }
  get workOutPoint() {
    return qeTime(this.seq.workArea.outTicks, this.seq.frameRate);
  }
  Object(what: unknown): unknown {
    return what;
  }
  private ticksOf(timecode: string): number | null {
    const seconds = parseQeTime(String(timecode), this.seq.frameRate);
    return seconds === null ? null : Math.round(seconds * TICKS_PER_SECOND);
  }
  setCTI(timecode: string): boolean {
    const ticks = this.ticksOf(timecode);
    if (ticks === null) return false;
    this.seq.setPlayerPosition(String(ticks));
    return true;
  }
  setInPoint(timecode: string): boolean {
    const ticks = this.ticksOf(timecode);
    if (ticks !== null) this.seq.inPointTicks = ticks;
    return ticks !== null;
  }
  setOutPoint(timecode: string): boolean {
    const ticks = this.ticksOf(timecode);
    if (ticks !== null) this.seq.outPointTicks = ticks;
    return ticks !== null;
  }
  setInOutPoints(inTimecode: string, outTimecode: string): boolean {
    return this.setInPoint(inTimecode) && this.setOutPoint(outTimecode);
  }
  setWorkInPoint(timecode: string): boolean {
    const ticks = this.ticksOf(timecode);
    if (ticks !== null) this.seq.workArea.inTicks = ticks;
    return ticks !== null;
  }
  setWorkOutPoint(timecode: string): boolean {
    const ticks = this.ticksOf(timecode);
    if (ticks !== null) this.seq.workArea.outTicks = ticks;
    return ticks !== null;
  }
  setWorkInOutPoints(inTimecode: string, outTimecode: string): boolean {
    return this.setWorkInPoint(inTimecode) && this.setWorkOutPoint(outTimecode);
  }
  getVideoTrackAt(index: number): QeTrack | undefined {
    const track = this.seq.videoTrackList[Number(index)];
    return track ? new QeTrack(track, "Video") : undefined;
  }
  getAudioTrackAt(index: number): QeTrack | undefined {
    const track = this.seq.audioTrackList[Number(index)];
    return track ? new QeTrack(track, "Audio") : undefined;
  }
  isOpen(): boolean {
    return this.project.activeSequence === this.seq;
  }
  makeCurrent(): boolean {
    return this.project.openSequence(this.seq.sequenceID);
  }
  close(): boolean {
    if (this.project.activeSequence === this.seq) this.project.activeSequence = null;
    return true;
  }
  private eachTrack(names: string, run: (t: SimTrack) => void): boolean {
    // QE takes a string of track flags, one character per track ("1" = affected)
    [...this.seq.videoTrackList, ...this.seq.audioTrackList].forEach((t, i) => names.charAt(i) === "1" && run(t));
    return true;
  }
  muteTracks(names: string, on: boolean): boolean {
    return this.eachTrack(String(names), (t) => t.setMute(on ? 1 : 0));
  }
  lockTracks(names: string, on: boolean): boolean {
    return this.eachTrack(String(names), (t) => t.setLocked(on ? 1 : 0));
  }
  syncLockTracks(_names: string, _on: boolean): boolean {
    return true;
  }
  setVideoDisplayFormat(format: number): boolean {
    this.seq.videoDisplayFormat = Number(format);
    return true;
  }
  setAudioDisplayFormat(format: number): boolean {
    this.audioDisplayFormat = Number(format);
    return true;
  }
  setAudioFrameRate(rate: number): boolean {
    this.audioFrameRate = Number(rate);
    return true;
  }
  setVideoFrameSize(width: number, height: number): boolean {
    this.seq.sequenceSettings.videoFrameWidth = Number(width);
    this.seq.sequenceSettings.videoFrameHeight = Number(height);
    return true;
  }
  setPreviewFrameSize(width: number, height: number): boolean {
    this.seq.sequenceSettings.previewFrameWidth = Number(width);
    this.seq.sequenceSettings.previewFrameHeight = Number(height);
    return true;
  }
  setUseMaxBitDepth(on: boolean): boolean {
    this.useMaxBitDepth = Boolean(on);
    return true;
  }
  setUseMaxRenderQuality(on: boolean): boolean {
    this.useMaxRenderQuality = Boolean(on);
    return true;
  }
  getExportComplete(): boolean {
    return this.clock.idle();
  }
  getExportFileExtension(_preset: string): string {
    return "mp4";
  }
  getEmptyBarTimes(): unknown[] {
    return [];
  }
  getGreenBarTimes(): unknown[] {
    return [];
  }
  getRedBarTimes(): unknown[] {
    return [];
  }
  getYellowBarTimes(): unknown[] {
    return [];
  }
  isIncompleteBackgroundVideoEffects(): boolean {
    return false;
  }
  flushCache(): boolean {
    return true;
  }

  exportFramePNG(...args: unknown[]): boolean {
    return this.exportFrame("exportFramePNG", "png", args);
  }
  exportFrameJPEG(...args: unknown[]): boolean {
    return this.exportFrame("exportFrameJPEG", "jpg", args);
  }
  exportFrameBMP(...args: unknown[]): boolean {
    return this.exportFrame("exportFrameBMP", "bmp", args);
  }
  exportFrameTIFF(...args: unknown[]): boolean {
    return this.exportFrame("exportFrameTIFF", "tif", args);
  }
  exportFrameGIF(...args: unknown[]): boolean {
    return this.exportFrame("exportFrameGIF", "gif", args);
  }
  exportFrameTarga(...args: unknown[]): boolean {
    return this.exportFrame("exportFrameTarga", "tga", args);
  }
  exportFrameDPX(...args: unknown[]): boolean {
    return this.exportFrame("exportFrameDPX", "dpx", args);
  }

  private exportFrame(method: string, extension: FrameExtension, args: unknown[]): boolean {
    const accepted = !this.behaviour.broken && (this.behaviour.form === "lenient" || isQe26ExportForm(args));
    this.exportCalls.push({ method, args: [...args], accepted });
    if (!accepted) return false; // nothing is written
    this.calls++;
    const [time, outputPath] = args;
    const seconds = parseQeTime(String(time), this.seq.frameRate);
    if (seconds === null) return false;
    const at =
      this.behaviour.mode === "player-position" ? this.seq.playerPositionTicks : Math.round(seconds * TICKS_PER_SECOND);
    const item = this.seq.itemAt(at);
    if (!item?.projectItem.media) return false;
    const written = this.paths.toReal(`${String(outputPath)}.${extension}`);
    if (!this.paths.allowed(written)) return false; // a folder scripts may not write to
    const source = item.projectItem.media;
    const sourceSeconds = sourceTicksAt(item, at) / TICKS_PER_SECOND;
    this.clock.schedule(EXPORT_LATENCY_MS, () => {
      if (source.offline || !fs.existsSync(source.path)) return; // nothing is written
      execFileSync("ffmpeg", [
        "-loglevel",
        "error",
        "-y",
        ...decodeArgs(source, sourceSeconds),
        "-frames:v",
        "1",
        "-update",
        "1",
        written,
      ]);
      this.exports.push({
        requestedPath: String(outputPath),
        writtenPath: `${String(outputPath)}.${extension}`,
        realPath: written,
        sourceSeconds,
      });
    });
    return this.calls % 2 === 1 ? false : true;
  }
}
declareNotAvailable(QeSequence, "QE Sequence", [
  "addTracks",
  "deletePreviewFiles",
  "exportDirect",
  "exportToAME",
  "extract",
  "left",
  "razor",
  "removeAudioTrack",
  "removeEmptyAudioTracks",
  "removeEmptyVideoTracks",
  "removeTracks",
  "removeVideoTrack",
  "renderAll",
  "renderAudio",
  "renderPreview",
  "setPreviewPresetPath",
]);

export class QeProjectItem extends QeObject {
  constructor(private readonly item: SimProjectItem) {
    super();
  }
  get name(): string {
    return this.item.name;
  }
  get filePath(): string {
    return this.item.getMediaPath();
  }
  get clip(): object {
    return {};
  }
  isOffline(): boolean {
    return this.item.isOffline();
  }
  setOffline(): boolean {
    return this.item.setOffline();
  }
  rename(name: string): boolean {
    this.item.name = String(name);
    return true;
  }
  linkMedia(path: string, _suppressWarnings: boolean): boolean {
    return this.item.changeMediaPath(path, true);
  }
  isPending(): boolean {
    return false;
  }
  isIndexing(): boolean {
    return false;
  }
  isAudioConforming(): boolean {
    return false;
  }
  isAudioPeakGenerating(): boolean {
    return false;
  }
  containsSpeechTrack(): boolean {
    return false;
  }
  getMetadataSize(): number {
    return this.item.getXMPMetadata().length;
  }
  openInSource(): boolean {
    this.item.project?.app?.sourceMonitor.openProjectItem(this.item);
    return true;
  }
}
declareNotAvailable(QeProjectItem, "QE ProjectItem", ["automateToSequence", "createProxy"]);

export class QeProject extends QeObject {
  readonly currentRendererName = "Mercury Playback Engine Software Only";
  readonly importFailures: unknown[] = [];
  readonly isAudioConforming = false;
  readonly isAudioPeakGenerating = false;
  readonly isIndexing = false;
  readonly numActiveProgressItems = 0;
  readonly numAudioPeakGeneratedFiles = 0;
  readonly numConformedFiles = 0;
  readonly numIndexedFiles = 0;

  constructor(
    private readonly project: () => SimProject | null,
    private readonly clock: HostClock,
    readonly exports: ExportRecord[],
    private readonly paths: SimPaths,
    private readonly behaviour: QeExportBehaviour = { mode: "given-time", form: "lenient" },
    /** every exportFrame* call, accepted or not */
    readonly exportCalls: QeExportCall[] = [],
  ) {
    super();
  }

  private items(): SimProjectItem[] {
    return this.project()?.allItems() ?? [];
  }
  private clips(): SimProjectItem[] {
    return this.items().filter((i) => i.type !== 2 && !i.isSequence());
  }
  private bins(): SimProjectItem[] {
    return this.items().filter((i) => i.type === 2);
  }
  get name(): string {
    return this.project()?.name ?? "";
  }
  get path(): string {
    return this.project()?.path ?? "";
  }
  get numItems(): number {
    return this.clips().length;
  }
  get numBins(): number {
    return this.bins().length;
  }
  get numSequences(): number {
    return this.project()?.sequenceList.length ?? 0;
  }
  get numSequenceItems(): number {
    return this.numSequences;
  }
  private sequence(seq: SimSequence | undefined | null): QeSequence | undefined {
    const project = this.project();
    return seq && project
      ? new QeSequence(seq, this.clock, this.exports, this.paths, this.behaviour, project, this.exportCalls)
      : undefined;
  }
  getActiveSequence(): QeSequence | undefined {
    return this.sequence(this.project()?.activeSequence);
  }
  getSequenceAt(index: number): QeSequence | undefined {
    return this.sequence(this.project()?.sequenceList[Number(index)]);
  }
  getSequenceItemAt(index: number): QeProjectItem | undefined {
    const seq = this.project()?.sequenceList[Number(index)];
    return seq ? new QeProjectItem(seq.projectItem) : undefined;
  }
  getItemAt(index: number): QeProjectItem | undefined {
    const item = this.clips()[Number(index)];
    return item ? new QeProjectItem(item) : undefined;
  }
  getBinAt(index: number): { name: string } | undefined {
    const bin = this.bins()[Number(index)];
    return bin ? { name: bin.name } : undefined;
  }
  findItemByID(nodeId: string): QeProjectItem | undefined {
    const item = this.items().find((i) => i.nodeId === String(nodeId));
    return item ? new QeProjectItem(item) : undefined;
  }
  newBin(name: string): boolean {
    return Boolean(this.project()?.rootItem.createBin(name));
  }
  newSequence(name: string, _presetPath: string): boolean {
    return Boolean(this.project()?.createNewSequence(name, ""));
  }
  getRendererNames(): string[] {
    return [this.currentRendererName];
  }
  setRenderer(name: string): boolean {
    return String(name) === this.currentRendererName;
  }
  getRemainingMetadataCacheIndexCount(): number {
    return 0;
  }
  resetNumFilesCounter(): boolean {
    return true;
  }
  init(): boolean {
    return true;
  }
  flushCache(): boolean {
    return true;
  }
  save(): boolean {
    return true;
  }
  undoStackIndex(): number {
    return 0;
  }
  sizeOnDisk(): number {
    return 0;
  }
}
declareNotAvailable(QeProject, "QE Project", [
  "close",
  "deletePreviewFiles",
  "getAudioEffectByName",
  "getAudioEffectList",
  "getAudioTransitionByName",
  "getAudioTransitionList",
  "getVideoEffectByName",
  "getVideoEffectList",
  "getVideoTransitionByName",
  "getVideoTransitionList",
  "import",
  "importAEComps",
  "importAllAEComps",
  "importFiles",
  "importPSD",
  "importProject",
  "newBarsAndTone",
  "newBlackVideo",
  "newColorMatte",
  "newSmartBin",
  "newTransparentVideo",
  "newUniversalCountingLeader",
  "redo",
  "saveAs",
  "undo",
]);

/** The `qe` global once app.enableQE() ran. */
export class QeApplication extends QeObject {
  readonly audioChannelMapping = 0;
  readonly codeProfiler = {};
  readonly config = "";
  readonly ea = {};
  readonly language = "en_US";
  readonly location = "";
  readonly name = "Premiere Pro";
  readonly source = {};
  readonly tqm = {};
  constructor(
    readonly project: QeProject,
    readonly version: string,
    readonly platform: string,
  ) {
    super();
  }
  isFeatureEnabled(_feature: string): boolean {
    return false;
  }
  localize(text: string): string {
    return String(text);
  }
  getSequencePresets(): string[] {
    return [];
  }
  wait(_ms: number): boolean {
    return true;
  }
  isPerformanceLoggingEnabled(): boolean {
    return false;
  }
  getModalWindowID(): string {
    return "";
  }
  getDroppedFrames(): string {
    return "0";
  }
  getProgressContainerJSON(): string {
    return "{}";
  }
  outputToConsole(_text: string, _newline: boolean): boolean {
    return true;
  }
  write(_text: string, _newline: boolean): boolean {
    return true;
  }
}
declareNotAvailable(QeApplication, "QE Application", [
  "beginDroppedFrameLogging",
  "disablePerformanceLogging",
  "enablePerformanceLogging",
  "enablePlayStats",
  "endDroppedFrameLogging",
  "executeConsoleCommand",
  "exit",
  "getDebugDatabaseEntry",
  "newProject",
  "open",
  "resetProject",
  "setAudioChannelMapping",
  "setDebugDatabaseEntry",
  "startPlayback",
  "stop",
  "stopPlayback",
]);
