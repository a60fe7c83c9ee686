// An in-memory Premiere Pro DOM with the shapes of types-for-adobe Premiere/24.0: collections
// with numItems and index access, ticks as strings, ProjectItemType numbers as Premiere has them.
import type { Es3Realm } from "./es3-realm";

/** Premiere's tick rate. Some public helpers use 10,000,000, which is wrong (FACTS.md). */
export const TICKS_PER_SECOND = 254016000000;

export const ProjectItemType = { CLIP: 1, BIN: 2, ROOT: 3, FILE: 4 } as const;

export class SimTime {
  ticks: string;
  constructor(ticks: number | string) {
    this.ticks = String(ticks);
  }
  get seconds(): number {
    return Number(this.ticks) / TICKS_PER_SECOND;
  }
  static fromSeconds(seconds: number): SimTime {
    return new SimTime(Math.round(seconds * TICKS_PER_SECOND));
  }
}

/** What the simulator knows about an item's media (Premiere reads it from the file). */
export interface SimMedia {
  path: string;
  durationSeconds: number;
  frameRate: number;
  width: number;
  height: number;
  /** a still image imported as a clip */
  still?: boolean;
  /** numbered image sequence */
  imageSequence?: boolean;
  /** the file is missing: Premiere shows the item as offline */
  offline?: boolean;
}

let nextNodeId = 1000;

export class SimProjectItem {
  name: string;
  readonly nodeId: string;
  readonly type: number;
  parent: SimProjectItem | null = null;
  readonly childItems: SimProjectItem[] = [];
  media: SimMedia | null;
  sequence: SimSequence | null = null;
  inPointTicks: number | null = null;
  outPointTicks: number | null = null;
  projectMetadata = "";
  xmpMetadata = "";
  private realm: Es3Realm | null = null;

  constructor(name: string, type: number, media: SimMedia | null = null) {
    this.name = name;
    this.type = type;
    this.media = media;
    this.nodeId = String(nextNodeId++);
  }

  attach(realm: Es3Realm): void {
    this.realm = realm;
    for (const child of this.childItems) child.attach(realm);
  }

  add(child: SimProjectItem): SimProjectItem {
    child.parent = this;
    if (this.realm) child.attach(this.realm);
    this.childItems.push(child);
    return child;
  }

  remove(child: SimProjectItem): void {
    const i = this.childItems.indexOf(child);
    if (i >= 0) this.childItems.splice(i, 1);
    child.parent = null;
  }

  get treePath(): string {
    const names: string[] = [];
    for (let item: SimProjectItem | null = this; item; item = item.parent) names.unshift(item.name);
    return "\\" + names.join("\\");
  }

  /** ProjectItemCollection: numItems plus [index]. */
  get children(): { numItems: number; [index: number]: SimProjectItem } {
    const collection: { numItems: number; [index: number]: SimProjectItem } = { numItems: this.childItems.length };
    this.childItems.forEach((child, i) => (collection[i] = child));
    return collection;
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
  getProjectMetadata(): string {
    return this.projectMetadata;
  }
  setProjectMetadata(xmp: string, _updatedFields: unknown): void {
    this.projectMetadata = String(xmp);
  }
  getXMPMetadata(): string {
    return this.xmpMetadata;
  }
  setXMPMetadata(xmp: string): boolean {
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

  protected realmArray<T>(items: T[]): T[] {
    return this.realm ? this.realm.array(items) : items;
  }
}

export class SimSequence {
  name: string;
  readonly sequenceID: string;
  readonly projectItem: SimProjectItem;
  playerPositionTicks = 0;
  constructor(name: string, projectItem: SimProjectItem) {
    this.name = name;
    this.projectItem = projectItem;
    this.sequenceID = `seq-${projectItem.nodeId}`;
    projectItem.sequence = this;
  }
  getPlayerPosition(): SimTime {
    return new SimTime(this.playerPositionTicks);
  }
}

export class SimProject {
  readonly name: string;
  readonly path: string;
  readonly rootItem: SimProjectItem;
  activeSequence: SimSequence | null = null;

  constructor(path: string) {
    this.path = path;
    this.name = path.split(/[\\/]/).pop() ?? path;
    this.rootItem = new SimProjectItem(this.name, ProjectItemType.ROOT);
  }
}

export class SimApp {
  version: string;
  project: SimProject | null;
  constructor(project: SimProject | null, version = "24.6.1") {
    this.project = project;
    this.version = version;
  }
}
