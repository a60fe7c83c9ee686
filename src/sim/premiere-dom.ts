// An in-memory Premiere Pro DOM with the shapes of types-for-adobe Premiere/24.0: collections
// with numItems and index access, ticks as strings, ProjectItemType numbers as Premiere has them,
// project metadata with the built-in columns, and setProjectMetadata ignoring unregistered fields.
// Sequences, tracks and markers are in dom/; the application's services in dom/app-services.ts.
import crypto from "node:crypto";
import fs from "node:fs";
import type { Es3Realm } from "./es3-realm";
import { videoComponents } from "./dom/components";
import { SimDomObject, collection, declareNotAvailable } from "./dom/dom-object";
import { SimMarkerCollection } from "./dom/markers";
import { BUILT_IN_COLUMNS } from "./dom/project-columns";
import { SimTime, TICKS_PER_SECOND, toTime } from "./dom/time";
import { SimSequence, SimTrack, SimTrackItem } from "./dom/timeline";
import {
  SimAnywhere,
  SimCsxs,
  SimEncoder,
  SimMetadata,
  SimProduction,
  SimProjectManager,
  SimProperties,
  SimSourceMonitor,
} from "./dom/app-services";
import { probeMedia } from "./media-probe";
import { XMPMeta } from "./xmp-meta";

export { SimTime, TICKS_PER_SECOND, SimSequence, SimTrack, SimTrackItem };
export const PROJECT_METADATA_NS = "http://ns.adobe.com/premierePrivateProjectMetaData/1.0/";

export const ProjectItemType = { CLIP: 1, BIN: 2, ROOT: 3, FILE: 4 } as const;

/** The ProjectItemType and ScratchDiskType globals scripts see: constants plus the events API. */
export function globalConstants() {
  return {
    ProjectItemType: Object.assign(new SimDomObject(), ProjectItemType),
    ScratchDiskType: Object.assign(new SimDomObject(), {
      FirstAudioCaptureFolder: "FirstAudioCaptureFolder",
      FirstAudioPreviewFolder: "FirstAudioPreviewFolder",
      FirstAutoSaveFolder: "FirstAutoSaveFolder",
      FirstCClibrariesFolder: "FirstCClibrariesFolder",
      FirstCapsuleMediaFolder: "FirstCapsuleMediaFolder",
      FirstVideoCaptureFolder: "FirstVideoCaptureFolder",
      FirstVideoPreviewFolder: "FirstVideoPreviewFolder",
    }),
  };
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

/** Premiere's label colours are indexes 0–15. */
const COLOR_LABELS = 16;

/** An empty packet as Premiere writes it for an item never given XMP. */
function freshXmpPacket(item: SimProjectItem): string {
  const xmp = new XMPMeta();
  xmp.setProperty("http://ns.adobe.com/xap/1.0/mm/", "DocumentID", `xmp.did:${item.documentId}`);
  xmp.setProperty("http://ns.adobe.com/xap/1.0/mm/", "InstanceID", `xmp.iid:${item.documentId}`);
  xmp.setProperty("http://purl.org/dc/elements/1.1/", "format", item.media ? mediaFormat(item.media.path) : "");
  return xmp.serialize();
}

function mediaFormat(file: string): string {
  const ext = file.split(".").pop()?.toLowerCase() ?? "";
  const types: Record<string, string> = {
    mp4: "video/mp4",
    mov: "video/quicktime",
    jpg: "image/jpeg",
    png: "image/png",
  };
  return types[ext] ?? "application/octet-stream";
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#xD;");

/** A project metadata packet, as XMPMeta would serialize it without padding. */
function projectMetadataPacket(columns: Array<[string, string]>): string {
  const p = "premierePrivateProjectMetaData";
  const body = columns.map(([k, v]) => `<${p}:${k}>${escapeXml(v)}</${p}:${k}>`).join("");
  return (
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">` +
    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" ` +
    `xmlns:${p}="${PROJECT_METADATA_NS}">${body}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`
  );
}

export class SimProjectItem extends SimDomObject {
  name: string;
  readonly nodeId: string;
  readonly type: number;
  readonly documentId = crypto.randomUUID();
  parent: SimProjectItem | null = null;
  readonly childItems: SimProjectItem[] = [];
  media: SimMedia | null;
  sequence: SimSequence | null = null;
  project: SimProject | null = null;
  inPointTicks: number | null = null;
  outPointTicks: number | null = null;
  startTicks = 0;
  timeDisplayFormat = 101;
  colorLabel = 0;
  colorSpaceOverride = "";
  frameRateOverride: number | null = null;
  pixelAspectOverride: number | null = null;
  proxyPath = "";
  multicam = false;
  merged = false;
  readonly markers = new SimMarkerCollection();
  private columnValues: Record<string, string> = {};
  xmpMetadata = "";

  constructor(name: string, type: number, media: SimMedia | null = null) {
    super();
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

  get children() {
    return collection(this.childItems);
  }
  /** Master clip effects: the fixed Motion and Opacity of a clip with video, none otherwise. */
  get videoComponents(): () => ReturnType<typeof videoComponents> | undefined {
    return () => (this.media && this.type === 1 ? this.masterComponents : undefined);
  }
  private readonly masterComponents = videoComponents();

  /** the media path as the simulated platform spells it */
  getMediaPath(): string {
    return this.media ? (this.project?.hostPath(this.media.path) ?? this.media.path) : "";
  }
  isSequence(): boolean {
    return this.sequence !== null;
  }
  isOffline(): boolean {
    return Boolean(this.media?.offline);
  }
  isMultiCamClip(): boolean {
    return this.multicam;
  }
  isMergedClip(): boolean {
    return this.merged;
  }
  canChangeMediaPath(): boolean {
    return this.type === 1 && this.media !== null && !this.sequence && !this.multicam && !this.merged;
  }
  /** Relinks to another file; Premiere refuses a path that does not exist. */
  changeMediaPath(mediaPath: string, _suppressWarnings: boolean): boolean {
    if (!this.canChangeMediaPath() || !this.project) return false;
    const real = this.project.realPath(String(mediaPath));
    const probed = real === null ? null : probeMedia(real);
    if (!probed) return false;
    this.media = probed;
    return true;
  }
  setOffline(): boolean {
    if (!this.media) return false;
    this.media = { ...this.media, offline: true };
    return true;
  }
  /** Re-reads the file: an offline item whose file is back comes online. */
  refreshMedia(): string {
    if (this.media && this.project?.realPath(this.project.hostPath(this.media.path)) !== null)
      this.media = { ...this.media, offline: false };
    return "";
  }
  getColorLabel(): number {
    return this.colorLabel;
  }
  setColorLabel(color: number): void {
    const c = Math.floor(Number(color));
    if (c >= 0 && c < COLOR_LABELS) this.colorLabel = c;
  }
  getColorSpace(): string {
    return this.colorSpaceOverride || (this.media ? "Rec. 709" : "");
  }
  setOverrideColorSpace(space: string): void {
    this.colorSpaceOverride = String(space);
  }
  setOverrideFrameRate(rate: number): boolean {
    if (!this.media || !(Number(rate) > 0)) return false;
    this.frameRateOverride = Number(rate);
    return true;
  }
  setOverridePixelAspectRatio(numerator: number, denominator: number): boolean {
    if (!this.media || !(Number(numerator) > 0 && Number(denominator) > 0)) return false;
    this.pixelAspectOverride = Number(numerator) / Number(denominator);
    return true;
  }
  setScaleToFrameSize(): void {
    // a display setting of the clip's instances; nothing the DOM reads back
  }
  getMarkers(): SimMarkerCollection {
    return this.markers;
  }
  /** Makes the item the Project panel's selection. */
  select(): void {
    this.project?.app?.setProjectViewSelection([this], "project-view-1");
  }

  createBin(name: string): SimProjectItem | undefined {
    if (this.type !== 2 && this.type !== 3) return undefined;
    return this.add(new SimProjectItem(String(name), ProjectItemType.BIN));
  }
  renameBin(name: string): boolean {
    if (this.type !== 2) return false;
    this.name = String(name);
    return true;
  }
  deleteBin(): void {
    if (this.type === 2) this.parent?.remove(this);
  }
  /** Moves this item (a bin or a clip) into another bin. */
  moveBin(destination: SimProjectItem): void {
    if (!destination || (destination.type !== 2 && destination.type !== 3)) return;
    for (let d: SimProjectItem | null = destination; d; d = d.parent) if (d === this) return; // not into itself
    this.parent?.remove(this);
    destination.childItems.push(this);
    this.parent = destination;
  }
  createSmartBin(name: string, _query: string): void {
    if (this.type === 2 || this.type === 3) this.add(new SimProjectItem(String(name), ProjectItemType.BIN));
  }
  findItemsMatchingMediaPath(match: string, _ignoreSubclips?: number): SimProjectItem[] {
    return (this.project?.allItems() ?? []).filter((i) => i.media && i.getMediaPath().indexOf(String(match)) >= 0);
  }
  createSubClip(
    name: string,
    startTime: SimTime | string | number,
    endTime: SimTime | string | number,
    _hasHardBoundaries: number,
  ): SimProjectItem | undefined {
    if (!this.media || !this.parent) return undefined;
    const sub = new SimProjectItem(String(name), ProjectItemType.CLIP, this.media);
    sub.inPointTicks = Number(toTime(startTime).ticks);
    sub.outPointTicks = Number(toTime(endTime).ticks);
    return this.parent.add(sub);
  }

  canProxy(): boolean {
    return this.media !== null && !this.isSequence();
  }
  hasProxy(): boolean {
    return this.proxyPath !== "";
  }
  getProxyPath(): string {
    return this.proxyPath;
  }
  attachProxy(mediaPath: string, _isHiRes: number): boolean {
    if (!this.canProxy()) return false;
    this.proxyPath = String(mediaPath);
    return true;
  }
  detachProxy(): boolean {
    const had = this.hasProxy();
    this.proxyPath = "";
    return had;
  }

  /** The built-in columns Premiere fills from the media and the item, plus set and custom columns. */
  getProjectMetadata(): string {
    // written as text, not through XMPMeta: the 2,000-item walk reads this for every clip
    const columns: Array<[string, string]> = [];
    const set = (column: string, value: string) => columns.push([column, value]);
    set("Column.Intrinsic.Name", this.name);
    if (this.media) {
      set("Column.Intrinsic.FilePath", this.getMediaPath());
      set("Column.Intrinsic.MediaType", /\.(jpe?g|png|tiff?|psd)$/i.test(this.media.path) ? "Still Image" : "Movie");
      if (this.media.width) set("Column.Intrinsic.VideoInfo", `${this.media.width} x ${this.media.height} (1.0)`);
      const rate = this.frameRateOverride ?? this.media.frameRate;
      if (rate) set("Column.Intrinsic.MediaTimebase", `${rate.toFixed(2)} fps`);
      const frame = new SimTime(rate ? TICKS_PER_SECOND / rate : TICKS_PER_SECOND / 25);
      const format = (t: SimTime) => t.getFormatted(frame, 101);
      set("Column.Intrinsic.MediaStart", format(new SimTime(this.startTicks)));
      set("Column.Intrinsic.MediaDuration", format(new SimTime(this.fullDurationTicks())));
      set("Column.Intrinsic.VideoInPoint", format(this.getInPoint()));
      set("Column.Intrinsic.VideoOutPoint", format(this.getOutPoint()));
      set(
        "Column.Intrinsic.VideoDuration",
        format(new SimTime(Number(this.getOutPoint().ticks) - Number(this.getInPoint().ticks))),
      );
    }
    for (const [k, v] of Object.entries(this.columnValues)) set(k, v);
    return projectMetadataPacket(columns);
  }

  /** Premiere applies only the listed fields: built-in writable columns and registered ones;
   * anything else is silently dropped. */
  setProjectMetadata(xmp: string, updatedFields: ArrayLike<string>): void {
    const meta = new XMPMeta(String(xmp));
    for (let i = 0; i < updatedFields.length; i++) {
      const field = String(updatedFields[i]);
      const builtIn = BUILT_IN_COLUMNS[field];
      if (builtIn ? !builtIn.writable : !this.project?.schema.has(field)) continue;
      const prop = meta.getProperty(PROJECT_METADATA_NS, field);
      if (!prop) continue;
      if (field === "Column.Intrinsic.Name") this.name = prop.toString();
      else this.columnValues[field] = prop.toString();
    }
  }

  getXMPMetadata(): string {
    return this.xmpMetadata || (this.type === 1 ? freshXmpPacket(this) : "");
  }
  setXMPMetadata(xmp: string): boolean {
    new XMPMeta(String(xmp)); // Premiere refuses packets it cannot parse
    this.xmpMetadata = String(xmp);
    return true;
  }
  private fullDurationTicks(): number {
    return this.media ? Math.round(this.media.durationSeconds * TICKS_PER_SECOND) : 0;
  }
  getInPoint(): SimTime {
    return new SimTime(this.inPointTicks ?? 0);
  }
  getOutPoint(): SimTime {
    return new SimTime(this.outPointTicks ?? this.fullDurationTicks());
  }
  /** seconds, a tick string or a Time; the second argument (media type) is ignored */
  setInPoint(time: SimTime | number | string, _mediaType?: number): void {
    this.inPointTicks = Number(toTime(typeof time === "string" ? Number(time) : time).ticks);
  }
  setOutPoint(time: SimTime | number | string, _mediaType?: number): void {
    this.outPointTicks = Number(toTime(typeof time === "string" ? Number(time) : time).ticks);
  }
  clearInPoint(): boolean {
    this.inPointTicks = null;
    return true;
  }
  clearOutPoint(): boolean {
    this.outPointTicks = null;
    return true;
  }
  startTime(): SimTime {
    return new SimTime(this.startTicks);
  }
  setStartTime(seconds: number): void {
    this.startTicks = Number(toTime(Number(seconds)).ticks);
  }
  getFootageInterpretation(): { frameRate: number; pixelAspectRatio: number } | undefined {
    return this.media
      ? { frameRate: this.frameRateOverride ?? this.media.frameRate, pixelAspectRatio: this.pixelAspectOverride ?? 1 }
      : undefined;
  }
  setFootageInterpretation(interpretation: { frameRate?: number; pixelAspectRatio?: number }): boolean {
    if (!this.media) return false;
    if (Number(interpretation?.frameRate) > 0) this.frameRateOverride = Number(interpretation.frameRate);
    if (Number(interpretation?.pixelAspectRatio) > 0)
      this.pixelAspectOverride = Number(interpretation.pixelAspectRatio);
    return true;
  }
}

/** Numbered stills (name_0001.png, name_0002.png, ...) play as video at 25 fps, Premiere's
 * default timebase for them. */
function imageSequenceTiming(first: string): Partial<SimMedia> {
  const m = /^(.*?)(\d{3,})(\.[A-Za-z0-9]+)$/.exec(first);
  if (!m) return {};
  let count = 0;
  const width = m[2].length;
  while (fs.existsSync(`${m[1]}${String(Number(m[2]) + count).padStart(width, "0")}${m[3]}`)) count++;
  return { frameRate: 25, durationSeconds: count / 25 };
}

export class SimProject extends SimDomObject {
  readonly name: string;
  /** where the .prproj is, as a real (POSIX) path; `path` spells it the platform's way */
  readonly filePath: string;
  readonly documentID = crypto.randomUUID();
  readonly rootItem: SimProjectItem;
  readonly schema = new Map<string, { label: string; type: number }>();
  readonly schemaCalls: string[] = [];
  readonly sequenceList: SimSequence[] = [];
  activeSequence: SimSequence | null = null;
  panelMetadata = "";
  graphicsWhiteLuminance = 203;
  /** called for every item added after creation (imports) */
  onItemAdded: ((item: SimProjectItem) => void) | null = null;
  realm: Es3Realm | null = null;
  app: SimApp | null = null;
  /** how the platform spells a real path, and back (null: no such file); set by the simulator */
  hostPath: (real: string) => string = (p) => p;
  realPath: (host: string) => string | null = (p) => p;

  constructor(path: string) {
    super();
    this.filePath = path;
    this.name = path.split(/[\\/]/).pop() ?? path;
    this.rootItem = new SimProjectItem(this.name, ProjectItemType.ROOT);
    this.rootItem.setProject(this);
  }

  itemAdded(item: SimProjectItem): void {
    this.onItemAdded?.(item);
  }

  get path(): string {
    return this.hostPath(this.filePath);
  }

  get sequences() {
    return collection(this.sequenceList, "numSequences");
  }

  addSequence(seq: SimSequence, bin: SimProjectItem = this.rootItem): SimSequence {
    this.sequenceList.push(seq);
    bin.add(seq.projectItem);
    return seq;
  }

  addPropertyToProjectMetadataSchema(name: string, label: string, type: number): boolean {
    this.schemaCalls.push(String(name));
    if (!this.schema.has(name)) this.schema.set(String(name), { label: String(label), type: Number(type) });
    return true;
  }

  /** The Project panel's column layout: which columns show, built-in and registered. */
  getProjectPanelMetadata(): string {
    if (this.panelMetadata) return this.panelMetadata;
    const columns = [
      ...Object.entries(BUILT_IN_COLUMNS).map(([id, c]) => ({ id, label: c.label })),
      ...[...this.schema.entries()].map(([id, c]) => ({ id, label: c.label })),
    ];
    const escape = (t: string) => t.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
    return (
      '<?xml version="1.0" encoding="UTF-8" ?><PremiereData Version="3"><ProjectPanelMetadata>' +
      columns.map((c) => `<Column ID="${escape(c.id)}" Label="${escape(c.label)}" Visible="true"/>`).join("") +
      "</ProjectPanelMetadata></PremiereData>"
    );
  }
  setProjectPanelMetadata(metadata: string): void {
    this.panelMetadata = String(metadata);
  }

  getInsertionBin(): SimProjectItem {
    const selected = this.app?.projectViewSelection[0];
    return selected && selected.type === ProjectItemType.BIN ? selected : this.rootItem;
  }

  /** Imports files that exist and decode (as the platform spells them) into a bin, reading their
   * size, rate and duration; others fail. Numbered stills import as one image sequence. */
  importFiles(paths: ArrayLike<string>, _suppressUI?: boolean, bin?: SimProjectItem, numbered?: boolean): boolean {
    const target = bin ?? this.getInsertionBin();
    let all = true;
    for (let i = 0; i < paths.length; i++) {
      const real = this.realPath(String(paths[i]));
      if (real === null) {
        all = false;
        continue;
      }
      const media = probeMedia(real);
      if (!media) {
        all = false;
        continue;
      }
      if (numbered) Object.assign(media, imageSequenceTiming(real));
      target.add(new SimProjectItem(real.split("/").pop() ?? real, ProjectItemType.CLIP, media));
    }
    return all;
  }

  createNewSequence(name: string, _placeholderID: string): SimSequence {
    const seq = new SimSequence(String(name), new SimProjectItem(String(name), ProjectItemType.CLIP));
    this.addSequence(seq, this.getInsertionBin());
    this.activeSequence = seq;
    return seq;
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

  getSupportedGraphicsWhiteLuminances(): number[] {
    return [100, 203, 300];
  }
  getGraphicsWhiteLuminance(): number {
    return this.graphicsWhiteLuminance;
  }
  setGraphicsWhiteLuminance(value: number): boolean {
    if (!this.getSupportedGraphicsWhiteLuminances().includes(Number(value))) return false;
    this.graphicsWhiteLuminance = Number(value);
    return true;
  }
  /** Saving writes the .prproj, which the simulator does not have: the project stays in memory. */
  save(): void {}
  closeDocument(): boolean {
    if (this.app?.project === this) this.app.project = null;
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

declareNotAvailable(SimProject, "Project", [
  "deleteAsset",
  "exportAAF",
  "exportFinalCutProXML",
  "consolidateDuplicates",
  "exportOMF",
  "exportTimeline",
  "importAEComps",
  "importAllAEComps",
  "importSequences",
  "pauseGrowing",
  "placeAsset",
  "saveAs",
  "newBarsAndTone",
]);
/** The `document` global: the open project as a document. */
export class SimDocument extends SimDomObject {
  constructor(private readonly app: SimApp) {
    super();
  }
  getFilePath(): string {
    return this.app.project?.path ?? "";
  }
  importFiles(paths: ArrayLike<string> | string): boolean {
    const list = typeof paths === "string" ? [paths] : paths;
    return this.app.project ? this.app.project.importFiles(list) : false;
  }
}

export class SimApp extends SimDomObject {
  version: string;
  readonly build = "24.6.1.2";
  readonly userGuid = "00000000-0000-4000-8000-00000000e0e0";
  project: SimProject | null;
  /** what the editor selected in the Project panel */
  projectViewSelection: SimProjectItem[] = [];
  /** Premiere before 15.4 has no getCurrentProjectViewSelection */
  hasCurrentProjectViewSelection = true;
  /** the single callback slot for imports that scripts assign */
  onItemAddedToProjectSuccess: ((project: SimProject, item: SimProjectItem) => void) | undefined = undefined;
  qeEnabled = false;
  readonly encoder = new SimEncoder();
  readonly sourceMonitor = new SimSourceMonitor((p) => this.findByMediaPath(p));
  readonly anywhere = new SimAnywhere();
  readonly csxs = new SimCsxs();
  readonly metadata = new SimMetadata();
  readonly projectManager = new SimProjectManager();
  readonly properties = new SimProperties();
  production = new SimProduction();
  readonly persistentExtensions = new Map<string, number>();
  readonly sdkMessages: Array<{ message: string; kind: string }> = [];
  enableProxies = 0;
  workspace = "Editing";
  /** where Premiere keeps preferences (set by the simulator for the platform) */
  prefPath = "";

  constructor(project: SimProject | null, version = "24.6.1") {
    super();
    this.project = project;
    this.version = version;
    if (project) project.app = this;
  }

  attach(realm: Es3Realm): void {
    if (this.project) this.project.realm = realm;
    if (!this.hasCurrentProjectViewSelection)
      (this as { getCurrentProjectViewSelection?: unknown }).getCurrentProjectViewSelection = undefined;
  }

  private findByMediaPath(hostPath: string): SimProjectItem | null {
    return this.project?.allItems().find((i) => i.media && i.getMediaPath() === hostPath) ?? null;
  }

  get projects() {
    return collection(this.project ? [this.project] : [], "numProjects");
  }
  get getAppPrefPath(): string {
    return this.prefPath;
  }
  get getAppSystemPrefPath(): string {
    return this.prefPath;
  }
  get getPProPrefPath(): string {
    return this.prefPath;
  }
  get getPProSystemPrefPath(): string {
    return this.prefPath;
  }
  isDocumentOpen(): boolean {
    return this.project !== null;
  }
  isDocument(filePath: string): boolean {
    return /\.(prproj|prel)$/i.test(String(filePath));
  }
  getCurrentProjectViewSelection(): SimProjectItem[] | undefined {
    return this.projectViewSelection.length ? this.projectViewSelection.slice() : undefined;
  }
  getProjectViewIDs(): string[] {
    return this.project ? ["project-view-1"] : [];
  }
  getProjectFromViewID(viewID: string): SimProject | undefined {
    return String(viewID) === "project-view-1" && this.project ? this.project : undefined;
  }
  getProjectViewSelection(viewID: string): SimProjectItem[] | undefined {
    return viewID === "project-view-1" && this.projectViewSelection.length
      ? this.projectViewSelection.slice()
      : undefined;
  }
  setProjectViewSelection(items: ArrayLike<SimProjectItem>, viewID: string): void {
    if (String(viewID) !== "project-view-1") return;
    this.projectViewSelection = Array.from({ length: items.length }, (_, i) => items[i]).filter(
      (i) => i instanceof SimProjectItem,
    );
  }
  setSDKEventMessage(message: string, kind: string): boolean {
    this.sdkMessages.push({ message: String(message), kind: String(kind) });
    return true;
  }
  setExtensionPersistent(extensionID: string, state = 1): void {
    this.persistentExtensions.set(String(extensionID), Number(state));
  }
  getEnableProxies(): number {
    return this.enableProxies;
  }
  setEnableProxies(enable: number): boolean {
    this.enableProxies = Number(enable) ? 1 : 0;
    return true;
  }
  setEnableTranscodeOnIngest(_on: boolean): void {}
  broadcastPrefsChanged(_prefs: string): boolean {
    return true;
  }
  setScratchDiskPath(_value: string, _type: string): boolean {
    return true;
  }
  getWorkspaces(): string[] {
    return ["Editing", "Color", "Audio", "Effects", "Assembly", "Learning"];
  }
  setWorkspace(name: string): void {
    if (this.getWorkspaces().includes(String(name))) this.workspace = String(name);
  }
  addEventListener(eventName: string, handler: (...args: unknown[]) => void): void {
    this.bind(eventName, handler);
  }
  trace(message: string): void {
    this.sdkMessages.push({ message: String(message), kind: "trace" });
  }
  showCursor(_enable: boolean): void {}
  enableQE(): void {
    this.qeEnabled = true;
  }
}

declareNotAvailable(SimApp, "Application", ["openDocument", "openFCPXML", "quit", "newProject", "openPrProduction"]);
