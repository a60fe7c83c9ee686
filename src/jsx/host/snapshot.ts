import type { ProjectItemRecord, ProjectListing } from "../../shared/bridge/contract";
import { describeItem, walkItems } from "./items";
import { getProjectInfo } from "./project";

export function getProjectSnapshot(): ProjectListing {
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

/** Records for the given ids, in the given order; ids no longer in the project (deleted since,
 * like the frame grab's temporary sequence) are reported as missing, not as a failure. */
export function getClips(nodeIds: string[]): { clips: ProjectItemRecord[]; missing: string[] } {
  var wanted: { [id: string]: ProjectItemRecord | null } = {};
  for (var i = 0; i < nodeIds.length; i++) wanted[nodeIds[i]] = null;
  walkItems(function (item) {
    if (Object.prototype.hasOwnProperty.call(wanted, item.nodeId)) wanted[item.nodeId] = describeItem(item);
  });
  var clips: ProjectItemRecord[] = [];
  var missing: string[] = [];
  for (var j = 0; j < nodeIds.length; j++) {
    var record = wanted[nodeIds[j]];
    if (record) clips.push(record);
    else missing.push(nodeIds[j]);
  }
  return { clips: clips, missing: missing };
}
