// The clips a batch suggests for: a bin's, sub-bins included (a card dump imported as a folder
// tree lands in nested bins, and "this bin" means all of it), or a selection's. Bins are walked
// into, never returned; sequences, offline media and items without a media file are listed as
// skipped with the reason; each clip comes once however often it was selected.
import type { BatchClips, BinClipsRequest, ProjectItemRecord, SkippedItem } from "../../shared/bridge/contract";
import { mediaOfflineMessage } from "../../shared/messages";
import { fail } from "../dispatch";
import { describeItem } from "./items";
import { requireProject } from "./project";
import { projectViewSelection } from "./selection";

function isContainer(item: ProjectItem): boolean {
  return item.type === ProjectItemType.BIN || item.type === ProjectItemType.ROOT;
}

/** Why a project item is no clip for a batch; null when it is one. */
function skipReason(record: ProjectItemRecord): string | null {
  if (record.isSequence) return "'" + record.name + "' is a sequence, not a clip with media.";
  if (record.type !== "CLIP") return "'" + record.name + "' is not a clip Premiere plays.";
  if (!record.mediaPath) return "'" + record.name + "' has no media file (a title, matte or synthetic clip).";
  if (record.offline) return mediaOfflineMessage(record.name);
  return null;
}

/** Collects clips and skipped items once each, in the order they are added. */
function collector(kind: BatchClips["scope"]["kind"], name: string, treePath: string) {
  var seen: { [nodeId: string]: boolean } = {};
  var result: BatchClips = { scope: { kind: kind, name: name, treePath: treePath }, clips: [], skipped: [] };
  function addItem(item: ProjectItem): void {
    if (isContainer(item)) {
      var children = item.children;
      for (var i = 0; i < children.numItems; i++) addItem(children[i]);
      return;
    }
    if (seen[item.nodeId]) return;
    seen[item.nodeId] = true;
    var record = describeItem(item);
    var reason = skipReason(record);
    if (reason) {
      var skipped: SkippedItem = {
        nodeId: record.nodeId,
        name: record.name,
        treePath: record.treePath,
        reason: reason,
      };
      result.skipped.push(skipped);
    } else result.clips.push(record);
  }
  return { addItem: addItem, result: result };
}

/** The item with this id and the bin (or root) that holds it. */
function locate(nodeId: string): { item: ProjectItem; bin: ProjectItem } | null {
  function search(parent: ProjectItem): { item: ProjectItem; bin: ProjectItem } | null {
    var children = parent.children;
    for (var i = 0; i < children.numItems; i++) {
      var child = children[i];
      if (child.nodeId === nodeId) return { item: child, bin: parent };
      if (child.type === ProjectItemType.BIN) {
        var found = search(child);
        if (found) return found;
      }
    }
    return null;
  }
  return search(requireProject().rootItem);
}

function binFor(nodeId: string): ProjectItem {
  var found = locate(nodeId);
  if (!found) throw fail("NOT_FOUND", "No project item with id " + nodeId + ": it may have been deleted.");
  return found.item.type === ProjectItemType.BIN ? found.item : found.bin;
}

/** The bin the Project panel's selection means: the first selected bin, else the first item's bin. */
function selectedBin(): ProjectItem {
  var selected = projectViewSelection();
  for (var i = 0; i < selected.length; i++) if (selected[i].type === ProjectItemType.BIN) return selected[i];
  if (!selected.length) {
    throw fail("NO_SELECTION", "Nothing is selected in the Project panel: select a bin or a clip in it.");
  }
  return binFor(selected[0].nodeId);
}

export function getBinClips(request: BinClipsRequest): BatchClips {
  var project = requireProject();
  var bin = request.nodeId ? binFor(request.nodeId) : selectedBin();
  var batch = collector("bin", bin.type === ProjectItemType.ROOT ? project.name : bin.name, bin.treePath);
  batch.addItem(bin);
  return batch.result;
}

export function getSelectedClips(source: "project" | "timeline"): BatchClips {
  var project = requireProject();
  if (source === "project") {
    var batch = collector("project-selection", project.name, project.rootItem.treePath);
    var selected = projectViewSelection();
    for (var i = 0; i < selected.length; i++) batch.addItem(selected[i]);
    return batch.result;
  }
  var sequence = project.activeSequence;
  if (!sequence) throw fail("NO_SEQUENCE", "No sequence is open: open one in the Timeline and select clips in it.");
  var timeline = collector("timeline-selection", sequence.name, sequence.projectItem.treePath);
  var trackItems = sequence.getSelection() || [];
  for (var t = 0; t < trackItems.length; t++) {
    // audio track items of a linked clip play the same project item as its video part
    if (trackItems[t].projectItem && trackItems[t].mediaType === "Video") timeline.addItem(trackItems[t].projectItem);
  }
  return timeline.result;
}
