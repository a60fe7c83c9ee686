// Premiere's UXP DOM (@adobe/premierepro 26.3) over the simulator's one project model
// (premiere-dom.ts): the same items, media, sequences and metadata the ExtendScript DOM shows,
// seen through UXP's classes — asynchronous reads, writes as actions (uxp-actions.ts), TickTime
// values, ids from getId() (the model's node ids, so both DOMs name an item alike).
import { declareNotAvailable } from "../dom/dom-object";
import { TICKS_PER_SECOND } from "../dom/time";
import {
  ProjectItemType,
  SimProject,
  SimProjectItem,
  SimSequence,
  SimTrack,
  SimTrackItem,
  type SimApp,
} from "../premiere-dom";
import { UxpAction, type UxpCompoundAction, type UxpLock } from "./uxp-actions";
import { UxpFrameRate, UxpGuid, UxpRectF, UxpTickTime, tickTimeArg } from "./uxp-time";

/** What the wrappers share: the model, the lock, one wrapper per model object, the events. */
export interface UxpWorld {
  app: SimApp;
  lock: UxpLock;
  /** Premiere's answer arrives later: every async call resolves after a macrotask */
  settle<T>(value: () => T): Promise<T>;
  /** IMPORT_MEDIA_COMPLETE and its kin, to EventManager's listeners */
  fire(target: object | null, name: string, event: object): void;
  wrappers: WeakMap<object, object>;
}

function once<T extends object>(world: UxpWorld, model: object, make: () => T): T {
  const have = world.wrappers.get(model);
  if (have) return have as T;
  const made = make();
  world.wrappers.set(model, made);
  return made;
}

export function wrapItem(world: UxpWorld, model: SimProjectItem): UxpProjectItem {
  return once(world, model, () =>
    model.type === ProjectItemType.BIN || model.type === ProjectItemType.ROOT
      ? new UxpFolderItem(world, model)
      : new UxpClipProjectItem(world, model),
  );
}

export function wrapProject(world: UxpWorld, model: SimProject): UxpProject {
  return once(world, model, () => new UxpProject(world, model));
}

export function wrapSequence(world: UxpWorld, model: SimSequence): UxpSequence {
  return once(world, model, () => new UxpSequence(world, model));
}

function modelOf(value: unknown, member: string): SimProjectItem {
  if (!(value instanceof UxpProjectItem)) throw new TypeError(`${member}: expected a ProjectItem`);
  return value.model;
}

/** ProjectItem: what every item has. */
export class UxpProjectItem {
  constructor(
    protected readonly world: UxpWorld,
    readonly model: SimProjectItem,
  ) {}
  get type(): number {
    return this.model.type;
  }
  get name(): string {
    return this.model.name;
  }
  getId(): string {
    return this.model.nodeId;
  }
  getParentBin(): UxpFolderItem {
    const parent = this.model.parent ?? this.model.project?.rootItem ?? this.model;
    return wrapItem(this.world, parent) as UxpFolderItem;
  }
  getProject(): Promise<UxpProject> {
    return this.world.settle(() => wrapProject(this.world, this.model.project!));
  }
  getColorLabelIndex(): Promise<number> {
    return this.world.settle(() => this.model.getColorLabel());
  }
  createSetNameAction(name: string): UxpAction {
    return new UxpAction("setName", () => {
      this.model.name = String(name);
    });
  }
  createSetColorLabelAction(index: number): UxpAction {
    return new UxpAction("setColorLabel", () => this.model.setColorLabel(index));
  }
}

export class UxpFolderItem extends UxpProjectItem {
  getItems(): Promise<UxpProjectItem[]> {
    return this.world.settle(() => this.model.childItems.map((c) => wrapItem(this.world, c)));
  }
  createBinAction(name: string, makeUnique: boolean): UxpAction {
    return new UxpAction("createBin", () => {
      let unique = String(name);
      const taken = (n: string) => this.model.childItems.some((c) => c.name === n);
      for (let i = 2; makeUnique && taken(unique); i++) unique = `${name} ${i}`;
      if (!this.model.createBin(unique)) throw new Error("not a bin");
    });
  }
  createSmartBinAction(name: string, query: string): UxpAction {
    return new UxpAction("createSmartBin", () => this.model.createSmartBin(String(name), String(query)));
  }
  createRenameBinAction(name: string): UxpAction {
    return new UxpAction("renameBin", () => {
      if (!this.model.renameBin(String(name))) throw new Error("not a bin");
    });
  }
  /** Removes an item of this bin; a sequence's item takes its sequence with it. */
  createRemoveItemAction(item: UxpProjectItem): UxpAction {
    const child = modelOf(item, "FolderItem.createRemoveItemAction");
    return new UxpAction("removeItem", () => {
      if (child.parent !== this.model) throw new Error(`${child.name} is not in ${this.model.name}`);
      const project = this.model.project;
      const gone = [child, ...allBelow(child)];
      for (const seq of project?.sequenceList.slice() ?? [])
        if (gone.includes(seq.projectItem)) project!.deleteSequence(seq);
      this.model.remove(child);
    });
  }
  createMoveItemAction(item: UxpProjectItem, newParent: UxpFolderItem): UxpAction {
    const child = modelOf(item, "FolderItem.createMoveItemAction");
    const to = modelOf(newParent, "FolderItem.createMoveItemAction");
    return new UxpAction("moveItem", () => child.moveBin(to));
  }
}

function allBelow(item: SimProjectItem): SimProjectItem[] {
  return item.childItems.flatMap((c) => [c, ...allBelow(c)]);
}

export class UxpFootageInterpretation {
  static readonly constants = {
    ALPHACHANNEL_NONE: 0,
    ALPHACHANNEL_STRAIGHT: 1,
    ALPHACHANNEL_PREMULTIPLIED: 2,
    ALPHACHANNEL_IGNORE: 3,
    FIELD_TYPE_DEFAULT: -1,
    FIELD_TYPE_PROGRESSIVE: 0,
    FIELD_TYPE_UPPERFIRST: 1,
    FIELD_TYPE_LOWERFIRST: 2,
  };
  readonly ALPHACHANNEL_NONE = 0;
  readonly ALPHACHANNEL_STRAIGHT = 1;
  readonly ALPHACHANNEL_PREMULTIPLIED = 2;
  readonly ALPHACHANNEL_IGNORE = 3;
  readonly FIELD_TYPE_DEFAULT = -1;
  readonly FIELD_TYPE_PROGRESSIVE = 0;
  readonly FIELD_TYPE_UPPERFIRST = 1;
  readonly FIELD_TYPE_LOWERFIRST = 2;
  private values: Record<string, number | boolean | string> = {
    fieldType: -1,
    removePullDown: false,
    alphaUsage: 0,
    ignoreAlpha: false,
    invertAlpha: false,
    vrConform: 0,
    vrLayout: 0,
    vrHorzView: 0,
    vrVertView: 0,
    inputLUTID: "",
  };
  constructor(
    private frameRate: number,
    private pixelAspectRatio: number,
  ) {}
  getFrameRate(): number {
    return this.frameRate;
  }
  setFrameRate(value: number): boolean {
    this.frameRate = Number(value);
    return true;
  }
  getPixelAspectRatio(): number {
    return this.pixelAspectRatio;
  }
  setPixelAspectRatio(value: number): boolean {
    this.pixelAspectRatio = Number(value);
    return true;
  }
}
// the rest of FootageInterpretation's getters and setters: plain stored values
for (const key of [
  "FieldType",
  "RemovePullDown",
  "AlphaUsage",
  "IgnoreAlpha",
  "InvertAlpha",
  "VrConform",
  "VrLayout",
  "VrHorzView",
  "VrVertView",
  "InputLUTID",
]) {
  const field = key.charAt(0).toLowerCase() + key.slice(1);
  Object.defineProperty(UxpFootageInterpretation.prototype, `get${key}`, {
    value(this: { values: Record<string, unknown> }) {
      return this.values[field];
    },
  });
  Object.defineProperty(UxpFootageInterpretation.prototype, `set${key}`, {
    value(this: { values: Record<string, unknown> }, v: unknown) {
      this.values[field] = v;
      return true;
    },
  });
}

export class UxpMedia {
  constructor(private readonly item: SimProjectItem) {}
  get start(): UxpTickTime {
    return new UxpTickTime(this.item.startTicks);
  }
  get duration(): UxpTickTime {
    return new UxpTickTime(this.item.media ? Math.round(this.item.media.durationSeconds * TICKS_PER_SECOND) : 0);
  }
  createSetStartAction(time: UxpTickTime): UxpAction {
    const t = tickTimeArg(time, "Media.createSetStartAction");
    return new UxpAction("setMediaStart", () => {
      this.item.startTicks = t.ticksNumber;
    });
  }
}

export class UxpClipProjectItem extends UxpProjectItem {
  isSequence(): Promise<boolean> {
    return this.world.settle(() => this.model.isSequence());
  }
  isOffline(): Promise<boolean> {
    return this.world.settle(() => this.model.isOffline());
  }
  isMergedClip(): Promise<boolean> {
    return this.world.settle(() => this.model.isMergedClip());
  }
  isMulticamClip(): Promise<boolean> {
    return this.world.settle(() => this.model.isMultiCamClip());
  }
  canChangeMediaPath(): Promise<boolean> {
    return this.world.settle(() => this.model.canChangeMediaPath());
  }
  changeMediaFilePath(newPath: string): Promise<boolean> {
    return this.world.settle(() => this.model.changeMediaPath(String(newPath), true));
  }
  canProxy(): Promise<boolean> {
    return this.world.settle(() => this.model.canProxy());
  }
  hasProxy(): Promise<boolean> {
    return this.world.settle(() => this.model.hasProxy());
  }
  getProxyPath(): Promise<string> {
    return this.world.settle(() => this.model.getProxyPath());
  }
  attachProxy(mediaPath: string, isHiRes: boolean): Promise<boolean> {
    return this.world.settle(() => this.model.attachProxy(String(mediaPath), isHiRes ? 1 : 0));
  }
  findItemsMatchingMediaPath(match: string): Promise<UxpProjectItem[]> {
    return this.world.settle(() =>
      this.model.findItemsMatchingMediaPath(String(match)).map((i) => wrapItem(this.world, i)),
    );
  }
  refreshMedia(): Promise<boolean> {
    return this.world.settle(() => (this.model.refreshMedia(), true));
  }
  createSetOfflineAction(): UxpAction {
    return new UxpAction("setOffline", () => void this.model.setOffline());
  }
  getFootageInterpretation(): Promise<UxpFootageInterpretation> {
    return this.world.settle(() => {
      const i = this.model.getFootageInterpretation();
      if (!i) throw new Error(`${this.model.name} has no footage to interpret`);
      return new UxpFootageInterpretation(i.frameRate, i.pixelAspectRatio);
    });
  }
  createSetFootageInterpretationAction(interpretation: UxpFootageInterpretation): UxpAction {
    return new UxpAction("setFootageInterpretation", () => {
      if (
        !this.model.setFootageInterpretation({
          frameRate: interpretation.getFrameRate(),
          pixelAspectRatio: interpretation.getPixelAspectRatio(),
        })
      )
        throw new Error("no footage");
    });
  }
  createSubClipAction(
    name: string,
    startTime: UxpTickTime,
    endTime: UxpTickTime,
    hasHardBoundaries: boolean,
  ): UxpAction {
    const a = tickTimeArg(startTime, "ClipProjectItem.createSubClipAction");
    const b = tickTimeArg(endTime, "ClipProjectItem.createSubClipAction");
    return new UxpAction("createSubClip", () => {
      if (!this.model.createSubClip(String(name), a.seconds, b.seconds, hasHardBoundaries ? 1 : 0))
        throw new Error("no media");
    });
  }
  createSetScaleToFrameSizeAction(): UxpAction {
    return new UxpAction("setScaleToFrameSize", () => this.model.setScaleToFrameSize());
  }
  getContentType(): Promise<number> {
    return this.world.settle(() => (this.model.isSequence() ? 1 : 2)); // Constants.ContentType SEQUENCE / MEDIA
  }
  getSequence(): Promise<UxpSequence | null> {
    return this.world.settle(() => (this.model.sequence ? wrapSequence(this.world, this.model.sequence) : null));
  }
  getInPoint(_mediaType: number): Promise<UxpTickTime> {
    return this.world.settle(() => new UxpTickTime(this.model.getInPoint().ticks));
  }
  getOutPoint(_mediaType: number): Promise<UxpTickTime> {
    return this.world.settle(() => new UxpTickTime(this.model.getOutPoint().ticks));
  }
  getMediaFilePath(): Promise<string> {
    return this.world.settle(() => this.model.getMediaPath());
  }
  createSetInPointAction(time: UxpTickTime): UxpAction {
    const t = tickTimeArg(time, "ClipProjectItem.createSetInPointAction");
    return new UxpAction("setInPoint", () => {
      this.model.inPointTicks = t.ticksNumber;
    });
  }
  createSetOutPointAction(time: UxpTickTime): UxpAction {
    const t = tickTimeArg(time, "ClipProjectItem.createSetOutPointAction");
    return new UxpAction("setOutPoint", () => {
      this.model.outPointTicks = t.ticksNumber;
    });
  }
  createSetInOutPointsAction(inPoint: UxpTickTime, outPoint: UxpTickTime): UxpAction {
    const a = tickTimeArg(inPoint, "ClipProjectItem.createSetInOutPointsAction");
    const b = tickTimeArg(outPoint, "ClipProjectItem.createSetInOutPointsAction");
    return new UxpAction("setInOutPoints", () => {
      this.model.inPointTicks = a.ticksNumber;
      this.model.outPointTicks = b.ticksNumber;
    });
  }
  createClearInOutPointsAction(): UxpAction {
    return new UxpAction("clearInOutPoints", () => {
      this.model.clearInPoint();
      this.model.clearOutPoint();
    });
  }
  createSetOverridePixelAspectRatioAction(numerator: number, denominator: number): UxpAction {
    return new UxpAction("setOverridePixelAspectRatio", () => {
      if (!this.model.setOverridePixelAspectRatio(numerator, denominator)) throw new Error("refused");
    });
  }
  createSetOverrideFrameRateAction(rate: number): UxpAction {
    return new UxpAction("setOverrideFrameRate", () => {
      if (!this.model.setOverrideFrameRate(rate)) throw new Error("refused");
    });
  }
  getMedia(): Promise<UxpMedia> {
    return this.world.settle(() => new UxpMedia(this.model));
  }
  getOriginatingProjectPath(): Promise<string> {
    return this.world.settle(() => this.model.project?.path ?? "");
  }
}
declareNotAvailable(UxpClipProjectItem, "ClipProjectItem", [
  "getInputLUTID",
  "createSetInputLUTIDAction",
  "getEmbeddedLUTID",
  "getComponentChain",
]);

export class UxpProjectItemSelection {
  constructor(
    private readonly world: UxpWorld,
    private readonly items: SimProjectItem[],
  ) {}
  getItems(): Promise<UxpProjectItem[]> {
    return this.world.settle(() => this.items.map((i) => wrapItem(this.world, i)));
  }
}

export class UxpProject {
  readonly guid = new UxpGuid();
  constructor(
    private readonly world: UxpWorld,
    readonly model: SimProject,
  ) {}
  get name(): string {
    return this.model.name;
  }
  get path(): string {
    return this.model.path;
  }
  lockedAccess(callback: () => void): void {
    this.world.lock.lockedAccess(callback);
  }
  executeTransaction(callback: (compound: UxpCompoundAction) => void, undoString?: string): boolean {
    return this.world.lock.executeTransaction(callback, undoString);
  }
  getRootItem(): Promise<UxpFolderItem> {
    return this.world.settle(() => wrapItem(this.world, this.model.rootItem) as UxpFolderItem);
  }
  getInsertionBin(): Promise<UxpProjectItem> {
    return this.world.settle(() => wrapItem(this.world, this.model.getInsertionBin()));
  }
  getActiveSequence(): Promise<UxpSequence | null> {
    return this.world.settle(() =>
      this.model.activeSequence ? wrapSequence(this.world, this.model.activeSequence) : null,
    );
  }
  setActiveSequence(sequence: UxpSequence): Promise<boolean> {
    return this.openSequence(sequence);
  }
  openSequence(sequence: UxpSequence): Promise<boolean> {
    return this.world.settle(
      () => sequence instanceof UxpSequence && this.model.openSequence(sequence.model.sequenceID),
    );
  }
  closeSequence(sequence: UxpSequence): Promise<boolean> {
    return this.world.settle(() => {
      if (!(sequence instanceof UxpSequence) || this.model.activeSequence !== sequence.model) return false;
      this.model.activeSequence = null;
      return true;
    });
  }
  getSequences(): Promise<UxpSequence[]> {
    return this.world.settle(() => this.model.sequenceList.map((s) => wrapSequence(this.world, s)));
  }
  getSequence(guid: UxpGuid): UxpSequence | null {
    const found = this.model.sequenceList
      .map((s) => wrapSequence(this.world, s))
      .find((s) => String(s.guid) === String(guid));
    return found ?? null;
  }
  createSequence(name: string): Promise<UxpSequence> {
    return this.world.settle(() => wrapSequence(this.world, this.model.createNewSequence(String(name), "")));
  }
  createSequenceWithPresetPath(name: string, _presetPath: string): Promise<UxpSequence> {
    return this.createSequence(name);
  }
  /** A sequence with the clips in order on V1, in the bin (the root by default); it becomes active. */
  createSequenceFromMedia(
    name: string,
    clips?: UxpClipProjectItem[],
    targetBin?: UxpProjectItem,
  ): Promise<UxpSequence> {
    return this.world.settle(() => {
      const models = (clips ?? []).map((c) => modelOf(c, "Project.createSequenceFromMedia"));
      const bin = targetBin === undefined ? undefined : modelOf(targetBin, "Project.createSequenceFromMedia");
      const made = this.model.createNewSequenceFromClips(String(name), models, bin);
      if (!made) throw new Error("Project.createSequenceFromMedia: the clips have no media");
      return wrapSequence(this.world, made);
    });
  }
  deleteSequence(sequence: UxpSequence): Promise<boolean> {
    return this.world.settle(() => sequence instanceof UxpSequence && this.model.deleteSequence(sequence.model));
  }
  /** Imports the files; IMPORT_MEDIA_COMPLETE follows once they are in. */
  importFiles(
    paths: string[],
    suppressUI?: boolean,
    targetBin?: UxpProjectItem,
    asNumberedStills?: boolean,
  ): Promise<boolean> {
    return this.world.settle(() => {
      const bin = targetBin === undefined ? undefined : modelOf(targetBin, "Project.importFiles");
      const ok = this.model.importFiles(paths, suppressUI, bin, asNumberedStills);
      this.world.fire(this, "importMediaComplete", { type: "importMediaComplete", state: ok ? 0 : 2 });
      return ok;
    });
  }
  save(): Promise<boolean> {
    return this.world.settle(() => (this.model.save(), true));
  }
  close(): Promise<boolean> {
    return this.world.settle(() => this.model.closeDocument());
  }
}
declareNotAvailable(UxpProject, "Project", [
  "getColorSettings",
  "importSequences",
  "importAEComps",
  "importAllAEComps",
  "saveAs",
  "pauseGrowing",
]);

/** What audio and video track items share (AudioClipTrackItem's members). */
export class UxpClipTrackItem {
  constructor(
    protected readonly world: UxpWorld,
    readonly model: SimTrackItem,
  ) {}
  getName(): Promise<string> {
    return this.world.settle(() => this.model.name);
  }
  getMatchName(): Promise<string> {
    return this.world.settle(() => "");
  }
  getIsSelected(): Promise<boolean> {
    return this.world.settle(() => this.model.isSelected());
  }
  getSpeed(): Promise<number> {
    return this.world.settle(() => this.model.getSpeed());
  }
  isAdjustmentLayer(): Promise<boolean> {
    return this.world.settle(() => this.model.isAdjustmentLayer());
  }
  isSpeedReversed(): Promise<number> {
    return this.world.settle(() => this.model.isSpeedReversed());
  }
  getInPoint(): Promise<UxpTickTime> {
    return this.world.settle(() => new UxpTickTime(this.model.inPoint.ticks));
  }
  getOutPoint(): Promise<UxpTickTime> {
    return this.world.settle(() => new UxpTickTime(this.model.outPoint.ticks));
  }
  getStartTime(): Promise<UxpTickTime> {
    return this.world.settle(() => new UxpTickTime(this.model.start.ticks));
  }
  getEndTime(): Promise<UxpTickTime> {
    return this.world.settle(() => new UxpTickTime(this.model.end.ticks));
  }
  getDuration(): Promise<UxpTickTime> {
    return this.world.settle(() => new UxpTickTime(this.model.duration.ticks));
  }
  getType(): Promise<number> {
    return this.world.settle(() => this.model.type);
  }
  isDisabled(): Promise<boolean> {
    return this.world.settle(() => this.model.disabled);
  }
  getMediaType(): Promise<UxpGuid> {
    return this.world.settle(() => new UxpGuid(this.model.mediaType === "Video" ? "video" : "audio"));
  }
  getTrackIndex(): Promise<number> {
    return this.world.settle(() => this.model.parentTrackIndex);
  }
  getProjectItem(): Promise<UxpProjectItem> {
    return this.world.settle(() => wrapItem(this.world, this.model.projectItem));
  }
  createSetDisabledAction(disabled: boolean): UxpAction {
    return new UxpAction("setDisabled", () => {
      this.model.disabled = Boolean(disabled);
    });
  }
  createSetNameAction(name: string): UxpAction {
    return new UxpAction("setName", () => {
      this.model.name = String(name);
    });
  }
  createMoveAction(time: UxpTickTime): UxpAction {
    const t = tickTimeArg(time, "VideoClipTrackItem.createMoveAction");
    return new UxpAction("move", () => {
      if (!this.model.move(t.seconds)) throw new Error("cannot move before 0");
    });
  }
}
declareNotAvailable(UxpClipTrackItem, "ClipTrackItem", [
  "createSetInPointAction",
  "createSetOutPointAction",
  "createSetStartAction",
  "createSetEndAction",
  "getComponentChain",
]);

/** A video track item: a clip track item that takes video transitions. */
export class UxpVideoClipTrackItem extends UxpClipTrackItem {
  /** transitions added by actions, at the item's start or end (the model draws none) */
  readonly transitions: Array<{ position: "start" | "end"; transition: object }> = [];
  createAddVideoTransitionAction(videoTransition: object, options?: { applyToStart?: boolean }): UxpAction {
    if (!videoTransition || typeof videoTransition !== "object")
      throw new TypeError("VideoClipTrackItem.createAddVideoTransitionAction: expected a VideoTransition");
    const position = options?.applyToStart === false ? "end" : "start";
    return new UxpAction("addVideoTransition", () => {
      this.transitions.push({ position, transition: videoTransition });
    });
  }
  /** position: Constants.TransitionPosition, START (0) or END (1) */
  createRemoveVideoTransitionAction(position = 0): UxpAction {
    return new UxpAction("removeVideoTransition", () => {
      const at = Number(position) === 1 ? "end" : "start";
      const i = this.transitions.findIndex((t) => t.position === at);
      if (i >= 0) this.transitions.splice(i, 1);
    });
  }
}

/** An audio track item: no video transitions, which is how the host tells it from a video one. */
export class UxpAudioClipTrackItem extends UxpClipTrackItem {}

export function wrapTrackItem(world: UxpWorld, model: SimTrackItem): UxpVideoClipTrackItem | UxpAudioClipTrackItem {
  return once(world, model, () =>
    model.mediaType === "Video" ? new UxpVideoClipTrackItem(world, model) : new UxpAudioClipTrackItem(world, model),
  );
}

export class UxpTrackItemSelection {
  readonly items: Array<UxpVideoClipTrackItem | UxpAudioClipTrackItem> = [];
  constructor(private readonly world: UxpWorld | null) {}
  static createEmptySelection(callback: (selection: UxpTrackItemSelection) => void): boolean {
    callback(new UxpTrackItemSelection(null));
    return true;
  }
  addItem(item: UxpVideoClipTrackItem | UxpAudioClipTrackItem, skipDuplicateCheck?: boolean): boolean {
    if (!skipDuplicateCheck && this.items.includes(item)) return false;
    this.items.push(item);
    return true;
  }
  removeItem(item: UxpVideoClipTrackItem | UxpAudioClipTrackItem): boolean {
    const i = this.items.indexOf(item);
    if (i < 0) return false;
    this.items.splice(i, 1);
    return true;
  }
  getTrackItems(): Promise<Array<UxpVideoClipTrackItem | UxpAudioClipTrackItem>> {
    const items = this.items.slice();
    return this.world ? this.world.settle(() => items) : Promise.resolve(items);
  }
}

export class UxpVideoTrack {
  constructor(
    private readonly world: UxpWorld,
    readonly model: SimTrack,
  ) {}
  get name(): string {
    return this.model.name;
  }
  get id(): number {
    return this.model.id;
  }
  createSetNameAction(name: string): UxpAction {
    return new UxpAction("setTrackName", () => {
      this.model.name = String(name);
    });
  }
  setMute(mute: boolean): Promise<boolean> {
    return this.world.settle(() => (this.model.setMute(mute ? 1 : 0), true));
  }
  isMuted(): Promise<boolean> {
    return this.world.settle(() => this.model.isMuted());
  }
  getIndex(): Promise<number> {
    return this.world.settle(() => this.model.index);
  }
  getMediaType(): Promise<UxpGuid> {
    return this.world.settle(() => new UxpGuid("video"));
  }
  /** Synchronous in Premiere's declarations: the clips (type 1) in time order. */
  getTrackItems(trackItemType: number, _includeEmptyTrackItems: boolean): UxpVideoClipTrackItem[] {
    if (Number(trackItemType) !== 1) return [];
    return [...this.model.items]
      .sort((a, b) => Number(a.start.ticks) - Number(b.start.ticks))
      .map((i) => wrapTrackItem(this.world, i) as UxpVideoClipTrackItem);
  }
}

export class UxpSequence {
  readonly guid: UxpGuid;
  constructor(
    private readonly world: UxpWorld,
    readonly model: SimSequence,
  ) {
    this.guid = new UxpGuid(model.sequenceID);
  }
  get name(): string {
    return this.model.name;
  }
  getPlayerPosition(): Promise<UxpTickTime> {
    return this.world.settle(() => new UxpTickTime(this.model.playerPositionTicks));
  }
  setPlayerPosition(time?: UxpTickTime): Promise<boolean> {
    const t = time === undefined ? new UxpTickTime(0) : tickTimeArg(time, "Sequence.setPlayerPosition");
    return this.world.settle(() => {
      this.model.playerPositionTicks = t.ticksNumber;
      return true;
    });
  }
  clearSelection(): Promise<boolean> {
    return this.world.settle(() => {
      for (const t of [...this.model.videoTrackList, ...this.model.audioTrackList])
        for (const i of t.items) i.setSelected(false);
      return true;
    });
  }
  setSelection(selection: UxpTrackItemSelection): boolean {
    const chosen = new Set(selection.items.map((i) => i.model));
    for (const t of [...this.model.videoTrackList, ...this.model.audioTrackList])
      for (const i of t.items) i.setSelected(chosen.has(i));
    return true;
  }
  getSelection(): Promise<UxpTrackItemSelection> {
    return this.world.settle(() => {
      const selection = new UxpTrackItemSelection(this.world);
      for (const item of this.model.getSelection()) selection.addItem(wrapTrackItem(this.world, item), true);
      return selection;
    });
  }
  getVideoTrackCount(): Promise<number> {
    return this.world.settle(() => this.model.videoTrackList.length);
  }
  getAudioTrackCount(): Promise<number> {
    return this.world.settle(() => this.model.audioTrackList.length);
  }
  getCaptionTrackCount(): Promise<number> {
    return this.world.settle(() => 0);
  }
  getVideoTrack(index: number): Promise<UxpVideoTrack | null> {
    return this.world.settle(() => {
      const track = this.model.videoTrackList[Number(index)];
      return track ? once(this.world, track, () => new UxpVideoTrack(this.world, track)) : null;
    });
  }
  getZeroPoint(): Promise<UxpTickTime> {
    return this.world.settle(() => new UxpTickTime(this.model.zeroPointTicks));
  }
  getEndTime(): Promise<UxpTickTime> {
    return this.world.settle(() => new UxpTickTime(this.model.end));
  }
  getInPoint(): Promise<UxpTickTime> {
    return this.world.settle(() => new UxpTickTime(this.model.inPointTicks));
  }
  getOutPoint(): Promise<UxpTickTime> {
    return this.world.settle(() => new UxpTickTime(this.model.outPointTicks ?? this.model.end));
  }
  createSetInPointAction(time: UxpTickTime): UxpAction {
    const t = tickTimeArg(time, "Sequence.createSetInPointAction");
    return new UxpAction("setSequenceInPoint", () => {
      this.model.inPointTicks = t.ticksNumber;
    });
  }
  createSetOutPointAction(time: UxpTickTime): UxpAction {
    const t = tickTimeArg(time, "Sequence.createSetOutPointAction");
    return new UxpAction("setSequenceOutPoint", () => {
      this.model.outPointTicks = t.ticksNumber;
    });
  }
  createSetZeroPointAction(time: UxpTickTime): UxpAction {
    const t = tickTimeArg(time, "Sequence.createSetZeroPointAction");
    return new UxpAction("setZeroPoint", () => {
      this.model.zeroPointTicks = t.ticksNumber;
    });
  }
  getProjectItem(): Promise<UxpProjectItem> {
    return this.world.settle(() => wrapItem(this.world, this.model.projectItem));
  }
  getFrameSize(): Promise<UxpRectF> {
    return this.world.settle(() => new UxpRectF(this.model.frameSizeHorizontal, this.model.frameSizeVertical));
  }
  getTimebase(): Promise<string> {
    return this.world.settle(() => this.model.timebase);
  }
  isDoneAnalyzingForVideoEffects(): Promise<boolean> {
    return this.world.settle(() => true);
  }
  getFrameRate(): UxpFrameRate {
    return new UxpFrameRate(this.model.frameRate);
  }
}
declareNotAvailable(UxpSequence, "Sequence", [
  "getSequenceVideoTimeDisplayFormat",
  "getSequenceAudioTimeDisplayFormat",
  "getAudioTrack",
  "getCaptionTrack",
  "getSettings",
  "createSetSettingsAction",
  "createCloneAction",
  "createSubsequence",
]);
