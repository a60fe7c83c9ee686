// The project the browser preview and the tests open when there is no Premiere: a path with
// spaces and non-Latin text, nested bins, clips, a still and a sequence.
import { ProjectItemType, SimProject, SimProjectItem, SimSequence, type SimMedia } from "./premiere-dom";

export const SAMPLE_PROJECT_PATH = "/Users/editor/Projects/EAV Küche — 日本語/Küche Ep 3.prproj";

export function createSampleProject(media: Partial<Record<"h264" | "still" | "prores", SimMedia>> = {}): SimProject {
  const project = new SimProject(SAMPLE_PROJECT_PATH);
  const footage = project.rootItem.add(new SimProjectItem("Footage", ProjectItemType.BIN));
  const day1 = footage.add(new SimProjectItem("Day 1 — Küche", ProjectItemType.BIN));
  day1.add(
    new SimProjectItem("kitchen-oven-cleaning-MID.mp4", ProjectItemType.CLIP, media.h264 ?? placeholder("kitchen-oven-cleaning-MID.mp4")),
  );
  day1.add(new SimProjectItem("kitchen-hob-CU.jpg", ProjectItemType.CLIP, media.still ?? placeholder("kitchen-hob-CU.jpg", true)));
  day1.add(new SimProjectItem("bathroom-tap-WS.mov", ProjectItemType.CLIP, media.prores ?? placeholder("bathroom-tap-WS.mov")));
  const sequenceItem = project.rootItem.add(new SimProjectItem("Ep 3 assembly", ProjectItemType.CLIP));
  project.activeSequence = new SimSequence("Ep 3 assembly", sequenceItem);
  return project;
}

/** Media that Premiere knows about but whose file is not on this disk. */
function placeholder(name: string, still = false): SimMedia {
  return {
    path: `/Volumes/EAV Media/Day 1/${name}`,
    durationSeconds: still ? 0 : 12,
    frameRate: still ? 0 : 25,
    width: 1920,
    height: 1080,
    still,
    offline: true,
  };
}
