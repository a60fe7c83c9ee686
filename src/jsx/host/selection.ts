import type { ProjectItemRecord, SelectionResult, TimelineSelectionItem } from "../../shared/bridge/contract";
import { describeItem } from "./items";
import { requireProject } from "./project";

/** Project panel selection: the 15.4+ call, else the per-view calls of older versions. */
export function projectViewSelection(): ProjectItem[] {
  if (typeof app.getCurrentProjectViewSelection === "function") {
    var current = app.getCurrentProjectViewSelection();
    return current ? current : [];
  }
  var out: ProjectItem[] = [];
  var views = app.getProjectViewIDs() || [];
  for (var i = 0; i < views.length; i++) {
    var selected = app.getProjectViewSelection(views[i]);
    if (!selected) continue;
    for (var j = 0; j < selected.length; j++) out.push(selected[j]);
  }
  return out;
}

export function getSelection(): SelectionResult {
  var project = requireProject();
  var items: ProjectItemRecord[] = [];
  var selected = projectViewSelection();
  for (var i = 0; i < selected.length; i++) items.push(describeItem(selected[i]));

  var sequence = project.activeSequence;
  if (!sequence) return { projectItems: items, timeline: null };
  var trackItems = sequence.getSelection() || [];
  var timelineItems: TimelineSelectionItem[] = [];
  for (var t = 0; t < trackItems.length; t++) {
    var trackItem = trackItems[t];
    if (!trackItem.projectItem || trackItem.mediaType !== "Video") continue;
    timelineItems.push({
      item: describeItem(trackItem.projectItem),
      startTicks: trackItem.start.ticks,
      endTicks: trackItem.end.ticks,
      inPointTicks: trackItem.inPoint.ticks,
      outPointTicks: trackItem.outPoint.ticks,
    });
  }
  return {
    projectItems: items,
    timeline: { sequenceName: sequence.name, playheadTicks: sequence.getPlayerPosition().ticks, items: timelineItems },
  };
}
