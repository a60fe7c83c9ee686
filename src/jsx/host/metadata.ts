// Clip metadata: IA's XMP contract and the panel's Project panel columns. Locked fields keep
// their current values, IA's shot number is kept (ADR 0022), values IA would refuse are refused
// before anything is written, and every other XMP property is left as it was.
import type { ClipMetadataRecord, WriteMetadataRequest, WriteMetadataResult } from "../../shared/bridge/contract";
import type { IaMetadata } from "../../shared/metadata/ia-metadata";
import { iaWriteProblem } from "../../shared/metadata/ia-values";
import { NS_DC, NS_DM, fromXmpFields, toXmpFields } from "../../shared/metadata/xmp-contract";
import { fail } from "../dispatch";
import { iaShotNumber } from "./ia-sidecar";
import { requireClip } from "./items";
import { requireProject } from "./project";

export var PROJECT_NS = "http://ns.adobe.com/premierePrivateProjectMetaData/1.0/";
var STRING_COLUMN = 2;

/** The Project panel columns, registered once per project so editors can see and sort by them. */
export var COLUMNS = [
  { name: "IALocation", label: "IA Location" },
  { name: "IASubject", label: "IA Subject" },
  { name: "IAAction", label: "IA Action" },
  { name: "IAShotType", label: "IA Shot Type" },
  { name: "IAShot", label: "IA Shot" },
  { name: "IAKeywords", label: "IA Keywords" },
  { name: "IAReference", label: "IA Reference" },
];

var registeredProjects: { [path: string]: boolean } = {};

export function ensureXmpLibrary(): void {
  if (typeof XMPMeta === "undefined") new ExternalObject("lib:AdobeXMPScript");
}

export function registerColumns(project: Project): void {
  if (registeredProjects[project.path]) return;
  for (var i = 0; i < COLUMNS.length; i++) {
    project.addPropertyToProjectMetadataSchema(COLUMNS[i].name, COLUMNS[i].label, STRING_COLUMN);
  }
  registeredProjects[project.path] = true;
}

export function text(xmp: XMPMetaInstance, ns: string, name: string): string {
  var prop = xmp.getProperty(ns, name);
  return prop && prop.value !== undefined ? String(prop.value) : "";
}

/** A damaged packet is reported, never overwritten: rewriting it would lose what it holds. */
function readXmp(item: ProjectItem): XMPMetaInstance {
  ensureXmpLibrary();
  try {
    return new (XMPMeta as XMPMetaConstructor)(item.getXMPMetadata());
  } catch (e) {
    throw fail(
      "METADATA_FAILED",
      "The XMP metadata of '" +
        item.name +
        "' is damaged and cannot be read, so nothing was written. Repair or clear it in Premiere's Metadata panel, then accept again.",
    );
  }
}

function currentMetadata(xmp: XMPMetaInstance): Partial<IaMetadata> {
  var description = xmp.getLocalizedText(NS_DC, "description", null, "x-default");
  return fromXmpFields(text(xmp, NS_DM, "logComment"), description ? String(description) : "");
}

export function readClipMetadata(nodeId: string): ClipMetadataRecord {
  var item = requireClip(nodeId);
  var xmp = readXmp(item);
  var project = new (XMPMeta as XMPMetaConstructor)(item.getProjectMetadata());
  var columns: { [label: string]: string } = {};
  for (var i = 0; i < COLUMNS.length; i++) {
    var value = text(project, PROJECT_NS, COLUMNS[i].name);
    if (value) columns[COLUMNS[i].label] = value;
  }
  return {
    nodeId: nodeId,
    metadata: currentMetadata(xmp),
    shotName: text(xmp, NS_DM, "shotName"),
    tapeName: text(xmp, NS_DM, "tapeName"),
    columns: columns,
  };
}

/** The new values, except that a locked field keeps the value the clip already has. */
function applyLocks(next: IaMetadata, current: Partial<IaMetadata>, kept: string[]): IaMetadata {
  var merged: { [key: string]: unknown } = {};
  var source = next as unknown as { [key: string]: unknown };
  for (var key in source) if (Object.prototype.hasOwnProperty.call(source, key)) merged[key] = source[key];
  var locked = next.lockedFields || [];
  var have = current as unknown as { [key: string]: unknown };
  for (var i = 0; i < locked.length; i++) {
    var field = locked[i];
    var value = have[field];
    var present =
      value !== undefined &&
      value !== null &&
      value !== "" &&
      !(field === "keywords" && (value as string[]).length === 0);
    if (present) {
      merged[field] = value;
      kept.push(field);
    }
  }
  return merged as unknown as IaMetadata;
}

/** IA's shot number is IA's: its sidecar's, else the one the clip already has; a linked planned
 * shot's number or a correction never changes it. Only a clip IA never numbered takes the request's. */
function withIaShotNumber(next: IaMetadata, current: Partial<IaMetadata>, item: ProjectItem): IaMetadata {
  var ia = iaShotNumber(item);
  var number = ia !== null ? ia : current.shotNumber ? current.shotNumber : next.shotNumber;
  var out: { [key: string]: unknown } = {};
  var source = next as unknown as { [key: string]: unknown };
  for (var key in source) if (Object.prototype.hasOwnProperty.call(source, key)) out[key] = source[key];
  out.shotNumber = number || null;
  return out as unknown as IaMetadata;
}

export function writeClipMetadata(request: WriteMetadataRequest): WriteMetadataResult {
  var item = requireClip(request.nodeId);
  var refused = iaWriteProblem(request.metadata);
  if (refused) throw fail("INVALID_ARGUMENTS", refused + " Nothing was written to '" + item.name + "'.");
  var xmp = readXmp(item);
  var kept: string[] = [];
  var current = currentMetadata(xmp);
  var metadata = applyLocks(withIaShotNumber(request.metadata, current, item), current, kept);
  var fields = toXmpFields(metadata);
  xmp.setProperty(NS_DM, "shotName", fields.shotName);
  xmp.setProperty(NS_DM, "logComment", fields.logComment);
  xmp.setLocalizedText(NS_DC, "description", null, "x-default", fields.description);
  var tapeNameWritten = false;
  if (metadata.cameraId && !text(xmp, NS_DM, "tapeName")) {
    xmp.setProperty(NS_DM, "tapeName", metadata.cameraId);
    tapeNameWritten = true;
  }
  if (item.setXMPMetadata(xmp.serialize()) === false) {
    throw fail(
      "METADATA_FAILED",
      "Premiere refused the XMP update for '" + item.name + "'. Is the media read-only or offline?",
    );
  }

  var project = requireProject();
  registerColumns(project);
  var columns = new (XMPMeta as XMPMetaConstructor)(item.getProjectMetadata());
  var values = [
    metadata.location,
    metadata.subject,
    metadata.action || "",
    metadata.shotType,
    metadata.shotNumber ? "#" + metadata.shotNumber : "",
    fields.description,
    request.referenceStatus || "",
  ];
  var names: string[] = [];
  for (var i = 0; i < COLUMNS.length; i++) {
    columns.setProperty(PROJECT_NS, COLUMNS[i].name, values[i]);
    names.push(COLUMNS[i].name);
  }
  item.setProjectMetadata(columns.serialize(), names);
  return { nodeId: request.nodeId, metadata: metadata, keptLocked: kept, tapeNameWritten: tapeNameWritten };
}
