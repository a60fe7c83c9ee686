// Project items: the walk through every bin, lookup by nodeId, and the record the panel gets.
import type { ItemKind, ProjectItemRecord } from "../../shared/bridge/contract";
import { fail } from "../dispatch";
import { requireProject } from "./project";

var STILL_EXTENSIONS = /\.(jpe?g|png|tiff?|psd|bmp|gif|heic|webp|dpx|exr|tga)$/i;
var NUMBERED = /\d{3,}\.[A-Za-z0-9]+$/;

export function kindOf(item: ProjectItem): ItemKind {
  if (item.type === ProjectItemType.BIN) return "BIN";
  if (item.type === ProjectItemType.ROOT) return "ROOT";
  if (item.type === ProjectItemType.FILE) return "FILE";
  return "CLIP";
}

function isSequenceItem(item: ProjectItem): boolean {
  try {
    return item.type === ProjectItemType.CLIP && item.isSequence();
  } catch (e) {
    return false;
  }
}

function walkChildren(parent: ProjectItem, visit: (item: ProjectItem) => boolean | void): boolean {
  var children = parent.children;
  for (var i = 0; i < children.numItems; i++) {
    var child = children[i];
    if (visit(child) === true) return true;
    if (child.type === ProjectItemType.BIN && walkChildren(child, visit)) return true;
  }
  return false;
}

/** Depth first through every bin, in Project panel order; stops early when visit returns true. */
export function walkItems(visit: (item: ProjectItem) => boolean | void): void {
  walkChildren(requireProject().rootItem, visit);
}

export function findItem(nodeId: string): ProjectItem {
  var found: ProjectItem | null = null;
  walkItems(function (item) {
    if (item.nodeId === nodeId) {
      found = item;
      return true;
    }
    return false;
  });
  if (!found)
    throw fail("NOT_FOUND", "No project item with id " + nodeId + ": it may have been deleted. Refresh the clip list.");
  return found;
}

/** A clip with media: not a bin, not a sequence. */
export function requireClip(nodeId: string): ProjectItem {
  var item = findItem(nodeId);
  if (item.type !== ProjectItemType.CLIP || isSequenceItem(item) || !item.getMediaPath()) {
    throw fail(
      "NOT_A_CLIP",
      "'" +
        item.name +
        "' is a " +
        (isSequenceItem(item) ? "sequence" : kindOf(item).toLowerCase()) +
        ", not a clip with media.",
    );
  }
  return item;
}

function videoInfo(item: ProjectItem): { width: number; height: number } | null {
  var match = /Column\.Intrinsic\.VideoInfo(?:>|=")\s*(\d+)\s*x\s*(\d+)/.exec(item.getProjectMetadata());
  return match ? { width: parseInt(match[1], 10), height: parseInt(match[2], 10) } : null;
}

export function describeItem(item: ProjectItem): ProjectItemRecord {
  var kind = kindOf(item);
  var sequence = isSequenceItem(item);
  var record: ProjectItemRecord = {
    nodeId: item.nodeId,
    name: item.name,
    treePath: item.treePath,
    type: kind,
    isSequence: sequence,
    mediaPath: null,
    inPointTicks: null,
    outPointTicks: null,
    durationTicks: null,
    frameRate: null,
    width: null,
    height: null,
    offline: false,
    still: false,
    imageSequence: false,
  };
  if (kind !== "CLIP" || sequence) return record;
  var mediaPath = item.getMediaPath();
  record.mediaPath = mediaPath || null;
  record.offline = item.isOffline();
  var inTicks = item.getInPoint().ticks;
  var outTicks = item.getOutPoint().ticks;
  record.inPointTicks = inTicks;
  record.outPointTicks = outTicks;
  record.durationTicks = String(parseFloat(outTicks) - parseFloat(inTicks));
  var interpretation = item.getFootageInterpretation();
  record.frameRate = interpretation && interpretation.frameRate ? interpretation.frameRate : null;
  var size = videoInfo(item);
  if (size) {
    record.width = size.width;
    record.height = size.height;
  }
  if (STILL_EXTENSIONS.test(mediaPath)) {
    record.imageSequence = NUMBERED.test(mediaPath) && !!record.frameRate && parseFloat(record.durationTicks) > 0;
    record.still = !record.imageSequence;
  }
  return record;
}
