// The application's services. The Source Monitor and app.properties behave; Media Encoder,
// Team Projects (anywhere, production), the project manager and the metadata panel need
// Premiere's engines and fail with a named "not available in the simulator" error.
import { SimDomObject, collection, declareNotAvailable } from "./dom-object";
import { SimTime } from "./time";
import type { SimProjectItem } from "../premiere-dom";

export class SimSourceMonitor extends SimDomObject {
  projectItem: SimProjectItem | null = null;
  positionTicks = 0;
  constructor(private readonly findByPath: (path: string) => SimProjectItem | null) {
    super();
  }
  openProjectItem(item: SimProjectItem): void {
    this.projectItem = item;
    this.positionTicks = Number(item.getInPoint().ticks);
  }
  openFilePath(filePath: string): boolean {
    const item = this.findByPath(String(filePath));
    if (item) this.openProjectItem(item);
    return item !== null;
  }
  getProjectItem(): SimProjectItem | undefined {
    return this.projectItem ?? undefined;
  }
  getPosition(): SimTime {
    return new SimTime(this.positionTicks);
  }
  closeClip(): void {
    this.projectItem = null;
  }
  closeAllClips(): void {
    this.projectItem = null;
  }
}
declareNotAvailable(SimSourceMonitor, "SourceMonitor", ["play"]);

/** app.properties: Premiere's preference store (ComponentParamCollection in the typings). */
export class SimProperties extends SimDomObject {
  private readonly values = new Map<string, { value: unknown; readOnly: boolean }>();
  get numItems(): number {
    return this.values.size;
  }
  get length(): number {
    return this.values.size;
  }
  doesPropertyExist(key: string): boolean {
    return this.values.has(String(key));
  }
  getProperty(key: string): unknown {
    return this.values.get(String(key))?.value;
  }
  isPropertyReadOnly(key: string): boolean {
    return this.values.get(String(key))?.readOnly ?? false;
  }
  /** permanence 0: this session; 1: kept. A new key needs allowCreateNewProperty. */
  setProperty(key: string, value: unknown, _permanence: number, allowCreateNewProperty: boolean): void {
    const k = String(key);
    const existing = this.values.get(k);
    if (existing?.readOnly || (!existing && !allowCreateNewProperty)) return;
    this.values.set(k, { value, readOnly: false });
  }
  clearProperty(key: string): void {
    this.values.delete(String(key));
  }
  getParamForDisplayName(_name: string): object | null {
    return null;
  }
}

export class SimEncoder extends SimDomObject {
  readonly ENCODE_ENTIRE = 0;
  readonly ENCODE_IN_TO_OUT = 1;
  readonly ENCODE_WORKAREA = 2;
  embeddedXmp = 1;
  sidecarXmp = 0;
  setEmbeddedXMPEnabled(enable: number): void {
    this.embeddedXmp = Number(enable);
  }
  setSidecarXMPEnabled(enable: number): void {
    this.sidecarXmp = Number(enable);
  }
  lastExportMediaFolder(): string {
    return "";
  }
}
declareNotAvailable(SimEncoder, "Encoder", [
  "encodeFile",
  "encodeProjectItem",
  "encodeSequence",
  "getExporters",
  "launchEncoder",
  "startBatch",
]);

export class SimAnywhere extends SimDomObject {
  isProductionOpen(): boolean {
    return false;
  }
}
declareNotAvailable(SimAnywhere, "Anywhere", [
  "getAuthenticationToken",
  "getCurrentEditingSessionActiveSequenceURL",
  "getCurrentEditingSessionSelectionURL",
  "getCurrentEditingSessionURL",
  "listProductions",
  "openProduction",
  "setAuthenticationToken",
]);

export class SimCsxsResourceCentral extends SimDomObject {
  getBrightness(): string {
    return "50";
  }
  validateClient(_token: string): boolean {
    return true;
  }
}
declareNotAvailable(SimCsxsResourceCentral, "CsxsResourceCentral", ["openURL"]);

export class SimCsxs extends SimDomObject {
  readonly resourceCentral = new SimCsxsResourceCentral();
}

export class SimMetadata extends SimDomObject {
  readonly getMetadata = "";
}
declareNotAvailable(SimMetadata, "Metadata", [
  "addMarker",
  "deleteMarker",
  "setMarkerData",
  "setMetadataValue",
  "updateMarker",
]);

export class SimProjectManagerOptions extends SimDomObject {
  readonly CLIP_TRANSFER_COPY = "CLIP_TRANSFER_COPY";
  readonly CLIP_TRANSFER_TRANSCODE = "CLIP_TRANSFER_TRANSCODE";
  readonly CLIP_TRANSCODE_MATCH_PRESET = "CLIP_TRANSCODE_MATCH_PRESET";
  readonly CLIP_TRANSCODE_MATCH_CLIPS = "CLIP_TRANSCODE_MATCH_CLIPS";
  readonly CLIP_TRANSCODE_MATCH_SEQUENCE = "CLIP_TRANSCODE_MATCH_SEQUENCE";
  clipTranscoderOption = "CLIP_TRANSCODE_MATCH_SEQUENCE";
  clipTransferOption = "CLIP_TRANSFER_COPY";
  excludeUnused = false;
  handleFrameCount = 0;
  includePreviews = false;
  includeConformedAudio = false;
  renameMedia = false;
  destinationPath = "";
  includeAllSequences = true;
  affectedSequences: unknown[] = [];
  encoderPresetFilePath = "";
  convertImageSequencesToClips = false;
  convertSyntheticsToClips = false;
  convertAECompsToClips = false;
  copyToPreventAlphaLoss = false;
}

export class SimProjectManager extends SimDomObject {
  errors: unknown[] = [];
  options = new SimProjectManagerOptions();
}
declareNotAvailable(SimProjectManager, "ProjectManager", ["process"]);

export class SimProduction extends SimDomObject {
  name = "";
  readonly projects = collection([], "numProjects");
}
declareNotAvailable(SimProduction, "PrProduction", ["close", "getLocked", "setLocked", "moveToTrash"]);
