// The Project panel's selection (ProjectUtils.getSelection) and the timeline's
// (Sequence.getSelection), as src/jsx/host/selection.ts reports them.
import type { Project, ProjectItem, Sequence, VideoClipTrackItem } from "@adobe/premierepro";
import type { SelectionResult, TimelineSelectionItem } from "../../shared/bridge/contract";
import type { HostContext } from "./context";
import { describeItem, requireProject, type Located } from "./items";
import { indexItems } from "./project";

export async function projectViewSelection(ctx: HostContext, project: Project): Promise<ProjectItem[]> {
  const selection = await ctx.ppro.ProjectUtils.getSelection(project);
  return selection ? await selection.getItems() : [];
}

export async function activeSequence(project: Project): Promise<Sequence | null> {
  try {
    return (await project.getActiveSequence()) ?? null;
  } catch {
    return null;
  }
}

/** Audio track items of a linked clip play the same project item as its video part: only video
 * ones count. The DOM marks them by class (VideoClipTrackItem has video transitions). */
export function isVideoTrackItem(trackItem: object): trackItem is VideoClipTrackItem {
  return typeof (trackItem as Partial<VideoClipTrackItem>).createAddVideoTransitionAction === "function";
}

/** The located item, from the index, or by itself when the walk did not meet it. */
export function located(index: Map<string, Located>, item: ProjectItem): Located {
  return index.get(item.getId()) ?? { item, parent: null, treePath: "\\" + item.name };
}

export async function selectedTrackItems(sequence: Sequence): Promise<VideoClipTrackItem[]> {
  const selection = await sequence.getSelection();
  const items = selection ? await selection.getTrackItems() : [];
  return items.filter(isVideoTrackItem);
}

export async function getSelection(ctx: HostContext): Promise<SelectionResult> {
  const project = await requireProject(ctx);
  const index = await indexItems(ctx);
  const projectItems = [];
  for (const item of await projectViewSelection(ctx, project))
    projectItems.push(await describeItem(ctx, located(index, item)));
  const sequence = await activeSequence(project);
  if (!sequence) return { projectItems, timeline: null };
  const items: TimelineSelectionItem[] = [];
  for (const trackItem of await selectedTrackItems(sequence)) {
    const projectItem = await trackItem.getProjectItem();
    if (!projectItem) continue;
    items.push({
      item: await describeItem(ctx, located(index, projectItem)),
      startTicks: (await trackItem.getStartTime()).ticks,
      endTicks: (await trackItem.getEndTime()).ticks,
      inPointTicks: (await trackItem.getInPoint()).ticks,
      outPointTicks: (await trackItem.getOutPoint()).ticks,
    });
  }
  const playhead = await sequence.getPlayerPosition();
  return { projectItems, timeline: { sequenceName: sequence.name, playheadTicks: playhead.ticks, items } };
}
