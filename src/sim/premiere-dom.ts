// An in-memory Premiere Pro DOM with the shapes of types-for-adobe Premiere/24.0: collections
// with numItems and index access, ticks as strings, ProjectItemType numbers as Premiere has them,
// project metadata with intrinsic columns, and setProjectMetadata ignoring unregistered fields.
import type { Es3Realm } from "./es3-realm";
import { XMPMeta } from "./xmp-meta";

/** Premiere's tick rate. Some public helpers use 10,000,000, which is wrong (FACTS.md). */
export const TICKS_PER_SECOND = 254016000000;
export const PROJECT_METADATA_NS = "http://ns.adobe.com/premierePrivateProjectMetaData/1.0/";

export const ProjectItemType = { CLIP: 1, BIN: 2, ROOT: 3, FILE: 4 } as const;

export class SimTime {
  ticks: string;
  constructor(ticks: number | string) {
    this.ticks = String(ticks);
  }
  get seconds(): number {
    return Number(this.ticks) / TICKS_PER_SECOND;
  }
}

/** What the simulator knows about an item's media (Premiere reads it from the file). */
export interface SimMedia {
  path: string;
  durationSeconds: number;
  frameRate: number;
  width: number;
  height: number;
  /** the file is missing: Premiere shows the item as offline */
  offline?: boolean;
}

let nextNodeId = 1000;

type Collection<T> = { numItems: number; length: number; [index: number]: T };

function collection<T>(items: T[]): Collection<T> {
  const c = { numItems: items.length, length: items.length } as Collection<T>;
  items.forEach((item, i) => (c[i] = item));
  return c;
}

export class SimProjectItem {
  name: string;
  readonly nodeId: string;
  readonly type: number;
  parent: SimProjectItem | null = null;
  readonly childItems: SimProjectItem[] = [];
  media: SimMedia | null;
  sequence: SimSequence | null = null;
  project: SimProject | null = null;
  inPointTicks: number | null = null;
  outPointTicks: number | null = null;
  private columnValues: Record<string, string> = {};
  xmpMetadata = "";

  constructor(name: string, type: number, media: SimMedia | null = null) {
    this.name = name;
    this.type = type;
    this.media = media;
    this.nodeId = String(nextNodeId++);
  }

  add(child: SimProjectItem): SimProjectItem {
    child.parent = this;
    child.setProject(this.project);
    this.childItems.push(child);
    this.project?.itemAdded(child);
    return child;
  }

  setProject(project: SimProject | null): void {
    this.project = project;
    for (const c of this.childItems) c.setProject(project);
  }

  remove(child: SimProjectItem): void {
    const i = this.childItems.indexOf(child);
    if (i >= 0) this.childItems.splice(i, 1);
    child.parent = null;
  }

  get treePath(): string {
    const names = [this.name];
    for (let item = this.parent; item; item = item.parent) names.unshift(item.name);
    return "\\" + names.join("\\");
  }

  get children(): Collection<SimProjectItem> {
    return collection(this.childItems);
  }

  getMediaPath(): string {
    return this.media ? this.media.path : "";
  }
  isSequence(): boolean {
    return this.sequence !== null;
  }
  isOffline(): boolean {
    return Boolean(this.media?.offline);
  }

  /** Intrinsic columns Premiere fills from the media, plus registered custom columns. */
  getProjectMetadata(): string {
    const xmp = new XMPMeta();
    if (this.media) {
      xmp.setProperty(PROJECT_METADATA_NS, "Column.Intrinsic.Name", this.name);
      xmp.setProperty(PROJECT_METADATA_NS, "Column.Intrinsic.FilePath", this.media.path);
      if (this.media.width) {
        xmp.setProperty(
          PROJECT_METADATA_NS,
          "Column.Intrinsic.VideoInfo",
          `${this.media.width} x ${this.media.height} (1.0)`,
        );
      }
      if (this.media.frameRate) {
        xmp.setProperty(
          PROJECT_METADATA_NS,
          "Column.Intrinsic.MediaTimebase",
          `${this.media.frameRate.toFixed(2)} fps`,
        );
      }
    }
    for (const [k, v] of Object.entries(this.columnValues)) xmp.setProperty(PROJECT_METADATA_NS, k, v);
    return xmp.serialize();
  }

  /** Premiere applies only the listed fields, and silently drops any not in the schema. */
  setProjectMetadata(xmp: string, updatedFields: ArrayLike<string>): void {
    const meta = new XMPMeta(String(xmp));
    for (let i = 0; i < updatedFields.length; i++) {
      const field = String(updatedFields[i]);
      if (!this.project?.schema.has(field)) continue;
      const prop = meta.getProperty(PROJECT_METADATA_NS, field);
      if (prop) this.columnValues[field] = prop.value;
    }
  }

  getXMPMetadata(): string {
    return this.xmpMetadata;
  }
  setXMPMetadata(xmp: string): boolean {
    new XMPMeta(String(xmp)); // Premiere refuses packets it cannot parse
    this.xmpMetadata = String(xmp);
    return true;
  }
  getInPoint(): SimTime {
    return new SimTime(this.inPointTicks ?? 0);
  }
  getOutPoint(): SimTime {
    const full = this.media ? Math.round(this.media.durationSeconds * TICKS_PER_SECOND) : 0;
    return new SimTime(this.outPointTicks ?? full);
  }
  setInPoint(seconds: number): void {
    this.inPointTicks = Math.round(Number(seconds) * TICKS_PER_SECOND);
  }
  setOutPoint(seconds: number): void {
    this.outPointTicks = Math.round(Number(seconds) * TICKS_PER_SECOND);
  }
  getFootageInterpretation(): { frameRate: number; pixelAspectRatio: number } | undefined {
    return this.media ? { frameRate: this.media.frameRate, pixelAspectRatio: 1 } : undefined;
  }
}

export class SimTrackItem {
  readonly mediaType = "Video";
  constructor(
    readonly projectItem: SimProjectItem,
    readonly start: SimTime,
    readonly end: SimTime,
    readonly inPoint: SimTime,
    readonly outPoint: SimTime,
  ) {}
  get name(): string {
    return this.projectItem.name;
  }
  isSelected(): boolean {
    return true;
  }
}

export class SimSequence {
  name: string;
  readonly sequenceID: string;
  readonly projectItem: SimProjectItem;
  /** ticks per frame, as a string */
  readonly timebase: string;
  playerPositionTicks = 0;
  /** the clips placed on it, in order (V1) */
  readonly clips: SimProjectItem[];
  selection: SimTrackItem[] = [];
  private realm: Es3Realm | null = null;

  constructor(name: string, projectItem: SimProjectItem, frameRate = 25, clips: SimProjectItem[] = []) {
    this.name = name;
    this.projectItem = projectItem;
    this.sequenceID = `seq-${projectItem.nodeId}`;
    this.timebase = String(Math.round(TICKS_PER_SECOND / frameRate));
    this.clips = clips;
    projectItem.sequence = this;
  }

  attach(realm: Es3Realm): void {
    this.realm = realm;
  }

  get frameRate(): number {
    return TICKS_PER_SECOND / Number(this.timebase);
  }

  getPlayerPosition(): SimTime {
    return new SimTime(this.playerPositionTicks);
  }

  /** An Array created in the script's realm, as Premiere's arrays are ES3 arrays. */
  getSelection(): SimTrackItem[] {
    return this.selection.slice();
  }
}

export class SimProject {
  readonly name: string;
  readonly path: string;
  readonly rootItem: SimProjectItem;
  readonly schema = new Map<string, { label: string; type: number }>();
  readonly schemaCalls: string[] = [];
  readonly sequenceList: SimSequence[] = [];
  activeSequence: SimSequence | null = null;
  /** called for every item added after creation (imports) */
  onItemAdded: ((item: SimProjectItem) => void) | null = null;
  realm: Es3Realm | null = null;

  constructor(path: string) {
    this.path = path;
    this.name = path.split(/[\\/]/).pop() ?? path;
    this.rootItem = new SimProjectItem(this.name, ProjectItemType.ROOT);
    this.rootItem.setProject(this);
  }

  itemAdded(item: SimProjectItem): void {
    this.onItemAdded?.(item);
  }

  get sequences(): { numSequences: number; [i: number]: SimSequence } {
    const c = { numSequences: this.sequenceList.length } as { numSequences: number; [i: number]: SimSequence };
    this.sequenceList.forEach((s, i) => (c[i] = s));
    return c;
  }

  addSequence(seq: SimSequence, bin: SimProjectItem = this.rootItem): SimSequence {
    if (this.realm) seq.attach(this.realm);
    this.sequenceList.push(seq);
    bin.add(seq.projectItem);
    return seq;
  }

  addPropertyToProjectMetadataSchema(name: string, label: string, type: number): boolean {
    this.schemaCalls.push(String(name));
    if (!this.schema.has(name)) this.schema.set(String(name), { label: String(label), type: Number(type) });
    return true;
  }

  createNewSequenceFromClips(
    name: string,
    clips: ArrayLike<SimProjectItem>,
    bin?: SimProjectItem,
  ): SimSequence | undefined {
    const list = Array.from({ length: clips.length }, (_, i) => clips[i]);
    if (list.length === 0 || list.some((c) => !(c instanceof SimProjectItem) || !c.media)) return undefined;
    const rate = list[0].media!.frameRate || 25;
    const seq = new SimSequence(String(name), new SimProjectItem(String(name), ProjectItemType.CLIP), rate, list);
    this.addSequence(seq, bin ?? this.rootItem);
    this.activeSequence = seq;
    return seq;
  }

  openSequence(sequenceID: string): boolean {
    const seq = this.sequenceList.find((s) => s.sequenceID === sequenceID);
    if (seq) this.activeSequence = seq;
    return Boolean(seq);
  }

  deleteSequence(seq: SimSequence): boolean {
    const i = this.sequenceList.indexOf(seq);
    if (i < 0) return false;
    this.sequenceList.splice(i, 1);
    seq.projectItem.parent?.remove(seq.projectItem);
    if (this.activeSequence === seq) this.activeSequence = this.sequenceList[0] ?? null;
    return true;
  }

  /** Every item, depth first (for tests and the simulator's own lookups). */
  allItems(): SimProjectItem[] {
    const out: SimProjectItem[] = [];
    const walk = (item: SimProjectItem) => {
      for (const c of item.childItems) {
        out.push(c);
        walk(c);
      }
    };
    walk(this.rootItem);
    return out;
  }
}

export class SimApp {
  version: string;
  project: SimProject | null;
  /** what the editor selected in the Project panel */
  projectViewSelection: SimProjectItem[] = [];
  /** Premiere before 15.4 has no getCurrentProjectViewSelection */
  hasCurrentProjectViewSelection = true;
  readonly boundEvents = new Map<string, (...args: unknown[]) => void>();
  /** the single callback slot for imports that scripts assign */
  onItemAddedToProjectSuccess: ((project: SimProject, item: SimProjectItem) => void) | undefined = undefined;
  qeEnabled = false;
  private realm: Es3Realm | null = null;

  constructor(project: SimProject | null, version = "24.6.1") {
    this.project = project;
    this.version = version;
  }

  attach(realm: Es3Realm): void {
    this.realm = realm;
    if (this.project) this.project.realm = realm;
    for (const s of this.project?.sequenceList ?? []) s.attach(realm);
    if (!this.hasCurrentProjectViewSelection)
      (this as { getCurrentProjectViewSelection?: unknown }).getCurrentProjectViewSelection = undefined;
  }

  private array<T>(items: T[]): T[] {
    return items.slice();
  }

  getCurrentProjectViewSelection(): SimProjectItem[] | undefined {
    return this.projectViewSelection.length ? this.array(this.projectViewSelection) : undefined;
  }
  getProjectViewIDs(): string[] {
    return this.array(["project-view-1"]);
  }
  getProjectViewSelection(viewID: string): SimProjectItem[] | undefined {
    return viewID === "project-view-1" && this.projectViewSelection.length
      ? this.array(this.projectViewSelection)
      : undefined;
  }
  bind(eventName: string, handler: (...args: unknown[]) => void): void {
    this.boundEvents.set(String(eventName), handler);
  }
  unbind(eventName: string): void {
    this.boundEvents.delete(String(eventName));
  }
  setSDKEventMessage(_message: string, _kind: string): boolean {
    return true;
  }
  enableQE(): void {
    this.qeEnabled = true;
  }
}
