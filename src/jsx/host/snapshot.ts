import type { ProjectItemRecord, ProjectSnapshot } from "../../lib/bridge/contract";
import { fail } from "../dispatch";
import { describeItem, walkItems } from "./items";
import { getProjectInfo } from "./project";

export function getProjectSnapshot(): ProjectSnapshot {
  var items: ProjectItemRecord[] = [];
  walkItems(function (item) {
    items.push(describeItem(item));
  });
  return { project: getProjectInfo(), items: items };
}

function isPlainClip(item: ProjectItem): boolean {
  if (item.type !== ProjectItemType.CLIP) return false;
  try {
    return !item.isSequence();
  } catch (e) {
    return false;
  }
}

export function listClipIds(): string[] {
  var ids: string[] = [];
  walkItems(function (item) {
    if (isPlainClip(item)) ids.push(item.nodeId);
  });
  return ids;
}

/** Records for the given ids, in the given order; unknown ids fail with NOT_FOUND. */
export function getClips(nodeIds: string[]): ProjectItemRecord[] {
  var wanted: { [id: string]: ProjectItemRecord | null } = {};
  for (var i = 0; i < nodeIds.length; i++) wanted[nodeIds[i]] = null;
  walkItems(function (item) {
    if (Object.prototype.hasOwnProperty.call(wanted, item.nodeId)) wanted[item.nodeId] = describeItem(item);
  });
  var out: ProjectItemRecord[] = [];
  for (var j = 0; j < nodeIds.length; j++) {
    var record = wanted[nodeIds[j]];
    if (!record) throw fail("NOT_FOUND", "No project item with id " + nodeIds[j] + ": it may have been deleted.");
    out.push(record);
  }
  return out;
}
