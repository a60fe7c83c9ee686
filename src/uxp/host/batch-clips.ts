// The clips a batch suggests for: a bin's (sub-bins included) or a selection's, as
// src/jsx/host/batch-clips.ts gathers them: bins walked into, sequences, offline media and items
// without a media file skipped with the reason, each clip once.
import type { BatchClips, BinClipsRequest, ProjectItemRecord } from "../../shared/bridge/contract";
import { mediaOfflineMessage } from "../../shared/messages";
import type { HostContext } from "./context";
import { fail } from "./failure";
import {
  asFolder,
  childrenOf,
  describeItem,
  isContainer,
  kindOf,
  requireProject,
  rootLocated,
  rootOf,
  type Located,
} from "./items";
import { indexItems } from "./project";
import { activeSequence, located, projectViewSelection, selectedTrackItems } from "./selection";

function skipReason(record: ProjectItemRecord): string | null {
  if (record.isSequence) return "'" + record.name + "' is a sequence, not a clip with media.";
  if (record.type !== "CLIP") return "'" + record.name + "' is not a clip Premiere plays.";
  if (!record.mediaPath) return "'" + record.name + "' has no media file (a title, matte or synthetic clip).";
  if (record.offline) return mediaOfflineMessage(record.name);
  return null;
}

function collector(ctx: HostContext, kind: BatchClips["scope"]["kind"], name: string, treePath: string) {
  const seen = new Set<string>();
  const result: BatchClips = { scope: { kind, name, treePath }, clips: [], skipped: [] };
  const addItem = async (found: Located): Promise<void> => {
    if (isContainer(ctx, found.item)) {
      for (const child of await childrenOf(ctx, asFolder(ctx, found.item), found.treePath)) await addItem(child);
      return;
    }
    const id = found.item.getId();
    if (seen.has(id)) return;
    seen.add(id);
    const record = await describeItem(ctx, found);
    const reason = skipReason(record);
    if (reason) result.skipped.push({ nodeId: id, name: record.name, treePath: record.treePath, reason });
    else result.clips.push(record);
  };
  return { addItem, result };
}

/** The bin an item means: itself when a bin, else the bin (or root) holding it. */
async function binFor(ctx: HostContext, index: Map<string, Located>, nodeId: string): Promise<Located> {
  const found = index.get(nodeId);
  if (!found) throw fail("NOT_FOUND", "No project item with id " + nodeId + ": it may have been deleted.");
  if (kindOf(ctx, found.item) === "BIN") return found;
  const parentId = found.parent?.getId();
  const parent = parentId !== undefined ? index.get(parentId) : undefined;
  if (parent) return parent;
  return rootLocated(ctx, await requireProject(ctx));
}

export async function getBinClips(ctx: HostContext, request: BinClipsRequest): Promise<BatchClips> {
  const project = await requireProject(ctx);
  const index = await indexItems(ctx);
  let bin: Located;
  if (request.nodeId) bin = await binFor(ctx, index, request.nodeId);
  else {
    const selected = await projectViewSelection(ctx, project);
    const firstBin = selected.find((item) => kindOf(ctx, item) === "BIN");
    if (firstBin) bin = located(index, firstBin);
    else if (!selected.length)
      throw fail("NO_SELECTION", "Nothing is selected in the Project panel: select a bin or a clip in it.");
    else bin = await binFor(ctx, index, selected[0].getId());
  }
  const name = kindOf(ctx, bin.item) === "ROOT" ? project.name : bin.item.name;
  const batch = collector(ctx, "bin", name, bin.treePath);
  await batch.addItem(bin);
  return batch.result;
}

export async function getSelectedClips(ctx: HostContext, source: "project" | "timeline"): Promise<BatchClips> {
  const project = await requireProject(ctx);
  const index = await indexItems(ctx);
  if (source === "project") {
    const { treePath } = await rootOf(project);
    const batch = collector(ctx, "project-selection", project.name, treePath);
    for (const item of await projectViewSelection(ctx, project)) await batch.addItem(located(index, item));
    return batch.result;
  }
  const sequence = await activeSequence(project);
  if (!sequence) throw fail("NO_SEQUENCE", "No sequence is open: open one in the Timeline and select clips in it.");
  const sequenceItem = await sequence.getProjectItem();
  const batch = collector(ctx, "timeline-selection", sequence.name, located(index, sequenceItem).treePath);
  for (const trackItem of await selectedTrackItems(sequence)) {
    const projectItem = await trackItem.getProjectItem();
    if (projectItem) await batch.addItem(located(index, projectItem));
  }
  return batch.result;
}
