// Sequences as Premiere models them: video and audio tracks holding track items (start, end,
// in and out points in the source, speed, reverse, disabled, selection), markers, settings,
// in/out points, a work area and the player position.
import { SimDomObject, collection, declareNotAvailable } from "./dom-object";
import { videoComponents } from "./components";
import { SimMarkerCollection } from "./markers";
import { SimTime, TICKS_PER_SECOND, toTime } from "./time";
import type { SimProjectItem } from "../premiere-dom";

let nextTrackItemId = 1;

export class SimTrackItem extends SimDomObject {
  readonly nodeId = `ti-${nextTrackItemId++}`;
  name: string;
  disabled = false;
  start: SimTime;
  end: SimTime;
  inPoint: SimTime;
  outPoint: SimTime;
  /** playback speed (1 = 100 %), as getSpeed() reports it */
  speed = 1;
  reversed = false;
  selected = false;
  /** 1: a clip; 2: a transition (Premiere's TrackItem.type) */
  readonly type = 1;
  readonly components = videoComponents();
  track: SimTrack | null = null;

  constructor(
    public projectItem: SimProjectItem,
    startTicks: number,
    inTicks: number,
    outTicks: number,
    readonly mediaType: "Video" | "Audio" = "Video",
  ) {
    super();
    this.name = projectItem.name;
    this.start = new SimTime(startTicks);
    this.inPoint = new SimTime(inTicks);
    this.outPoint = new SimTime(outTicks);
    this.end = new SimTime(startTicks + outTicks - inTicks);
  }
  get duration(): SimTime {
    return new SimTime(Number(this.end.ticks) - Number(this.start.ticks));
  }
  get parentTrackIndex(): number {
    return this.track ? this.track.index : -1;
  }
  isSelected(): boolean {
    return this.selected;
  }
  setSelected(isSelected: boolean, _updateUI?: boolean): void {
    this.selected = Boolean(isSelected);
  }
  getSpeed(): number {
    return this.speed;
  }
  isSpeedReversed(): 0 | 1 {
    return this.reversed ? 1 : 0;
  }
  isAdjustmentLayer(): boolean {
    return false;
  }
  getColorSpace(): string {
    return this.projectItem.getColorSpace();
  }
  getMGTComponent(): null {
    return null; // only Motion Graphics templates have one
  }
  getLinkedItems() {
    return collection([]);
  }
  /** Moves the item by a number of seconds (negative: earlier). */
  move(seconds: number): boolean {
    const delta = Math.round(Number(seconds) * TICKS_PER_SECOND);
    if (Number(this.start.ticks) + delta < 0) return false;
    this.start = new SimTime(Number(this.start.ticks) + delta);
    this.end = new SimTime(Number(this.end.ticks) + delta);
    return true;
  }
  remove(rippleEdit: boolean, _alignToVideo: boolean): boolean {
    return this.track ? this.track.removeItem(this, Boolean(rippleEdit)) : false;
  }
}

export class SimTrack extends SimDomObject {
  name: string;
  readonly items: SimTrackItem[] = [];
  private muted = false;
  private locked = false;
  private targeted = true;

  constructor(
    readonly mediaType: "Video" | "Audio",
    public index: number,
  ) {
    super();
    this.name = `${mediaType === "Video" ? "V" : "A"}${index + 1}`;
  }
  get id(): number {
    return this.index;
  }
  get clips() {
    return collection([...this.items].sort((a, b) => Number(a.start.ticks) - Number(b.start.ticks)));
  }
  get transitions() {
    return collection([]);
  }
  /** Places a clip at a time (seconds or Time), over what is there. */
  overwriteClip(projectItem: SimProjectItem, time: number | SimTime): boolean {
    return this.place(projectItem, Number(toTime(time).ticks), false);
  }
  /** Inserts a clip at a time in seconds, pushing later items right. */
  insertClip(projectItem: SimProjectItem, time: number | SimTime): boolean {
    return this.place(projectItem, Number(toTime(time).ticks), true);
  }
  place(projectItem: SimProjectItem, startTicks: number, ripple: boolean): boolean {
    if (this.locked || !projectItem || typeof projectItem.getInPoint !== "function") return false;
    const inTicks = Number(projectItem.getInPoint().ticks);
    const outTicks = Number(projectItem.getOutPoint().ticks);
    const length = outTicks > inTicks ? outTicks - inTicks : Math.round(TICKS_PER_SECOND * 5); // stills: 5 s
    const item = new SimTrackItem(projectItem, startTicks, inTicks, inTicks + length, this.mediaType);
    const end = startTicks + length;
    for (const other of [...this.items]) {
      const s = Number(other.start.ticks);
      const e = Number(other.end.ticks);
      if (ripple && s >= startTicks) other.move(length / TICKS_PER_SECOND);
      else if (!ripple && s < end && e > startTicks) this.trim(other, startTicks, end);
    }
    item.track = this;
    this.items.push(item);
    return true;
  }
  /** Overwrite: what the new item covers is cut out of an existing one. */
  private trim(other: SimTrackItem, from: number, to: number): void {
    const s = Number(other.start.ticks);
    const e = Number(other.end.ticks);
    if (s >= from && e <= to) {
      this.removeItem(other, false);
    } else if (s < from) {
      other.outPoint = new SimTime(Number(other.outPoint.ticks) - (e - from));
      other.end = new SimTime(from);
    } else {
      other.inPoint = new SimTime(Number(other.inPoint.ticks) + (to - s));
      other.start = new SimTime(to);
    }
  }
  removeItem(item: SimTrackItem, ripple: boolean): boolean {
    const i = this.items.indexOf(item);
    if (i < 0) return false;
    this.items.splice(i, 1);
    item.track = null;
    if (ripple) {
      const gap = Number(item.duration.ticks);
      for (const other of this.items)
        if (Number(other.start.ticks) >= Number(item.end.ticks)) other.move(-gap / TICKS_PER_SECOND);
    }
    return true;
  }
  /** For a video track, "muted" is Premiere's Toggle Track Output (the eye). */
  isMuted(): boolean {
    return this.muted;
  }
  setMute(on = 1): void {
    this.muted = Boolean(on);
  }
  isLocked(): boolean {
    return this.locked;
  }
  setLocked(on = 1): void {
    this.locked = Boolean(on);
  }
  isTargeted(): boolean {
    return this.targeted;
  }
  setTargeted(isTargeted: boolean, _shouldBroadcast: boolean): boolean {
    this.targeted = Boolean(isTargeted);
    return true;
  }
}

export class SimSequenceSettings extends SimDomObject {
  audioChannelCount = 2;
  audioChannelType = 1;
  audioDisplayFormat = 200;
  audioSampleRate = new SimTime(TICKS_PER_SECOND / 48000);
  compositeLinearColor = false;
  editingMode = "";
  maximumBitDepth = false;
  maximumRenderQuality = false;
  previewCode = "";
  previewFileFormat = "";
  previewFrameHeight = 1080;
  previewFrameWidth = 1920;
  videoDisplayFormat: number;
  videoFieldType = 0;
  videoFrameRate: SimTime;
  videoFrameHeight = 1080;
  videoFrameWidth = 1920;
  videoPixelAspectRatio = "1";
  vrHorzCapturedView = 0;
  vrLayout = 0;
  vrProjection = 0;
  vrVertCapturedView = 0;
  workingColorSpaceList = ["Rec. 709", "Rec. 2100 PQ", "Rec. 2100 HLG"];
  workingColorSpace = "Rec. 709";

  constructor(ticksPerFrame: number) {
    super();
    this.videoFrameRate = new SimTime(ticksPerFrame);
    const fps = TICKS_PER_SECOND / ticksPerFrame;
    const formats: Array<[number, number]> = [
      [23.976, 110],
      [24, 100],
      [25, 101],
      [29.97, 102],
      [30, 104],
      [48, 113],
      [50, 105],
      [59.94, 106],
      [60, 108],
    ];
    this.videoDisplayFormat = formats.find(([rate]) => Math.abs(rate - fps) < 0.01)?.[1] ?? 109;
  }
  copy(): SimSequenceSettings {
    return Object.assign(new SimSequenceSettings(Number(this.videoFrameRate.ticks)), this);
  }
}

let nextSequenceId = 1;

export class SimSequence extends SimDomObject {
  static readonly CAPTION_FORMAT_SUBTITLE = 0;
  static readonly CAPTION_FORMAT_608 = 1;
  static readonly CAPTION_FORMAT_708 = 2;
  static readonly CAPTION_FORMAT_TELETEXT = 3;
  static readonly CAPTION_FORMAT_OPEN_EBU = 4;
  static readonly CAPTION_FORMAT_OP42 = 5;
  static readonly CAPTION_FORMAT_OP47 = 6;

  name: string;
  readonly id = nextSequenceId++;
  readonly sequenceID: string;
  readonly projectItem: SimProjectItem;
  sequenceSettings: SimSequenceSettings;
  readonly markers = new SimMarkerCollection();
  readonly videoTrackList: SimTrack[] = [];
  readonly audioTrackList: SimTrack[] = [];
  playerPositionTicks = 0;
  zeroPointTicks = 0;
  inPointTicks = 0;
  outPointTicks: number | null = null;
  workArea = { enabled: false, inTicks: 0, outTicks: 0 };

  constructor(name: string, projectItem: SimProjectItem, frameRate = 25, clips: SimProjectItem[] = [], tracks = 3) {
    super();
    this.name = name;
    this.projectItem = projectItem;
    this.sequenceID = `seq-${projectItem.nodeId}`;
    this.sequenceSettings = new SimSequenceSettings(Math.round(TICKS_PER_SECOND / frameRate));
    for (let i = 0; i < tracks; i++) {
      this.videoTrackList.push(new SimTrack("Video", i));
      this.audioTrackList.push(new SimTrack("Audio", i));
    }
    projectItem.sequence = this;
    let at = 0;
    for (const clip of clips) {
      this.videoTrackList[0].place(clip, at, false);
      at = Number(this.videoTrackList[0].items[this.videoTrackList[0].items.length - 1].end.ticks);
    }
  }

  /** ticks per frame, as a string */
  get timebase(): string {
    return this.sequenceSettings.videoFrameRate.ticks;
  }
  get frameRate(): number {
    return TICKS_PER_SECOND / Number(this.timebase);
  }
  get videoTracks() {
    return collection(this.videoTrackList, "numTracks");
  }
  get audioTracks() {
    return collection(this.audioTrackList, "numTracks");
  }
  get frameSizeHorizontal(): number {
    return this.sequenceSettings.videoFrameWidth;
  }
  get frameSizeVertical(): number {
    return this.sequenceSettings.videoFrameHeight;
  }
  get videoDisplayFormat(): number {
    return this.sequenceSettings.videoDisplayFormat;
  }
  set videoDisplayFormat(value: number) {
    this.sequenceSettings.videoDisplayFormat = Number(value);
  }
  get workingColorSpace(): string {
    return this.sequenceSettings.workingColorSpace;
  }
  set workingColorSpace(value: string) {
    this.sequenceSettings.workingColorSpace = String(value);
  }
  get workingColorSpaceList(): string[] {
    return this.sequenceSettings.workingColorSpaceList.slice();
  }
  /** the end of the last item, in ticks */
  get end(): string {
    let last = 0;
    for (const t of [...this.videoTrackList, ...this.audioTrackList])
      for (const item of t.items) last = Math.max(last, Number(item.end.ticks));
    return String(last);
  }
  get zeroPoint(): string {
    return String(this.zeroPointTicks);
  }
  setZeroPoint(ticks: string): void {
    this.zeroPointTicks = Number(ticks) || 0;
  }
  /** every clip on V1, in time order (what the simulated Program Monitor shows first) */
  get clips(): SimProjectItem[] {
    return this.videoTrackList[0]?.items.map((i) => i.projectItem) ?? [];
  }
  /** What the Program Monitor shows at a sequence time: the topmost enabled video item there. */
  itemAt(ticks: number): SimTrackItem | null {
    for (let t = this.videoTrackList.length - 1; t >= 0; t--) {
      const track = this.videoTrackList[t];
      if (track.isMuted()) continue;
      const hit = track.items.find((i) => !i.disabled && Number(i.start.ticks) <= ticks && ticks < Number(i.end.ticks));
      if (hit) return hit;
    }
    return null;
  }

  getPlayerPosition(): SimTime {
    return new SimTime(this.playerPositionTicks);
  }
  setPlayerPosition(ticks: string): void {
    this.playerPositionTicks = Math.max(0, Number(ticks) || 0);
  }
  getSelection(): SimTrackItem[] {
    return [...this.videoTrackList, ...this.audioTrackList].flatMap((t) => t.items.filter((i) => i.isSelected()));
  }
  getSettings(): SimSequenceSettings {
    return this.sequenceSettings.copy();
  }
  setSettings(settings: SimSequenceSettings): void {
    this.sequenceSettings = Object.assign(this.sequenceSettings.copy(), settings);
  }
  getInPoint(): string {
    return String(this.inPointTicks / TICKS_PER_SECOND);
  }
  getOutPoint(): string {
    return String(Number(this.outPointTicks ?? this.end) / TICKS_PER_SECOND);
  }
  getInPointAsTime(): SimTime {
    return new SimTime(this.inPointTicks);
  }
  getOutPointAsTime(): SimTime {
    return new SimTime(this.outPointTicks ?? this.end);
  }
  setInPoint(seconds: number): void {
    this.inPointTicks = Number(toTime(seconds).ticks);
  }
  setOutPoint(seconds: number): void {
    this.outPointTicks = Number(toTime(seconds).ticks);
  }
  isWorkAreaEnabled(): boolean {
    return this.workArea.enabled;
  }
  setWorkAreaEnabled(on: boolean): void {
    this.workArea.enabled = Boolean(on);
  }
  getWorkAreaInPoint(): number {
    return this.workArea.inTicks / TICKS_PER_SECOND;
  }
  setWorkAreaInPoint(seconds: number): void {
    this.workArea.inTicks = Number(toTime(seconds).ticks);
  }
  getWorkAreaOutPoint(): number {
    return this.workArea.outTicks / TICKS_PER_SECOND;
  }
  setWorkAreaOutPoint(seconds: number): void {
    this.workArea.outTicks = Number(toTime(seconds).ticks);
  }
  getWorkAreaInPointAsTime(): SimTime {
    return new SimTime(this.workArea.inTicks);
  }
  setWorkAreaInPointAsTime(time: SimTime): void {
    this.workArea.inTicks = Number(time.ticks);
  }
  getWorkAreaOutPointAsTime(): SimTime {
    return new SimTime(this.workArea.outTicks);
  }
  setWorkAreaOutPointAsTime(time: SimTime): void {
    this.workArea.outTicks = Number(time.ticks);
  }
  /** Inserts a clip at a Time on the given video (and audio) track offsets. */
  insertClip(projectItem: SimProjectItem, time: SimTime, videoTrack: number, _audioTrack: number): SimTrackItem | null {
    const track = this.videoTrackList[Number(videoTrack) || 0];
    if (!track || !track.insertClip(projectItem, time)) return null;
    return track.items[track.items.length - 1];
  }
  /** A copy beside this one in its bin, named "<name> Copy", as Premiere's Duplicate makes. */
  clone(): SimSequence | undefined {
    return this.copyRange(`${this.name} Copy`, 0, Number(this.end));
  }
  /** A new sequence of what lies between this one's in and out points (Premiere's Make Subsequence). */
  createSubsequence(_ignoreTrackTargeting: boolean): SimSequence | undefined {
    return this.copyRange(`${this.name} Subsequence`, this.inPointTicks, Number(this.outPointTicks ?? this.end));
  }
  private copyRange(name: string, from: number, to: number): SimSequence | undefined {
    const project = this.projectItem.project;
    if (!project || to <= from) return undefined;
    // the project item class without importing it (premiere-dom imports this file)
    const ItemClass = this.projectItem.constructor as new (name: string, type: number) => SimProjectItem;
    const copy = new SimSequence(name, new ItemClass(name, 1), this.frameRate, [], this.videoTrackList.length);
    copy.sequenceSettings = this.sequenceSettings.copy();
    const copyTracks = (source: SimTrack[], target: SimTrack[]) =>
      source.forEach((track, t) => {
        for (const item of track.items) {
          const s = Math.max(Number(item.start.ticks), from);
          const e = Math.min(Number(item.end.ticks), to);
          if (e <= s) continue;
          const inTicks = Number(item.inPoint.ticks) + (s - Number(item.start.ticks));
          const placed = new SimTrackItem(item.projectItem, s - from, inTicks, inTicks + (e - s), item.mediaType);
          Object.assign(placed, { speed: item.speed, reversed: item.reversed, disabled: item.disabled });
          placed.track = target[t];
          target[t].items.push(placed);
        }
      });
    copyTracks(this.videoTrackList, copy.videoTrackList);
    copyTracks(this.audioTrackList, copy.audioTrackList);
    project.addSequence(copy, this.projectItem.parent ?? project.rootItem);
    return copy;
  }
  attachCustomProperty(_id: string, _value: string): void {
    // kept by Premiere in the project file; nothing reads it back through the DOM
  }
  linkSelection(): boolean {
    return true;
  }
  unlinkSelection(): boolean {
    return true;
  }
  isDoneAnalyzingForVideoEffects(): boolean {
    return true;
  }
  getExportFileExtension(_presetPath: string): string {
    return "mp4";
  }
}

declareNotAvailable(SimSequence, "Sequence", [
  "createCaptionTrack",
  "exportAsFinalCutProXML",
  "exportAsMediaDirect",
  "exportAsProject",
  "importMGT",
  "autoReframeSequence",
  "performCutDetectionOnSelection",
]);
