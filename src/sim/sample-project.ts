// The project the browser preview and the tests open when there is no Premiere: a path with
// spaces and non-Latin text, nested bins, clips of several kinds, an offline clip and a sequence.
import { ProjectItemType, SimProject, SimProjectItem, SimSequence, type SimMedia } from "./premiere-dom";
import type { SampleMedia } from "./sample-media";

export const SAMPLE_PROJECT_PATH = "/Users/editor/Projects/EAV Küche — 日本語/Küche Ep 3.prproj";

export function createSampleProject(media?: SampleMedia): SimProject {
  const project = new SimProject(SAMPLE_PROJECT_PATH);
  const m = media ?? placeholderMedia();
  const footage = project.rootItem.add(new SimProjectItem("Footage", ProjectItemType.BIN));
  const day1 = footage.add(new SimProjectItem("Day 1 — Küche", ProjectItemType.BIN));
  const oven = day1.add(new SimProjectItem("kitchen-oven-cleaning-MID.mp4", ProjectItemType.CLIP, m.h264));
  day1.add(new SimProjectItem("kitchen-hob-CU.jpg", ProjectItemType.CLIP, m.still));
  day1.add(new SimProjectItem("bathroom tap WS (ProRes).mov", ProjectItemType.CLIP, m.prores));
  day1.add(new SimProjectItem("garden_0001.png", ProjectItemType.CLIP, m.imageSequence));
  footage.add(new SimProjectItem("missing-drive clip.mxf", ProjectItemType.CLIP, m.offline));
  const assembly = new SimSequence("Ep 3 assembly", new SimProjectItem("Ep 3 assembly", ProjectItemType.CLIP), 25, [
    oven,
  ]);
  project.addSequence(assembly);
  project.activeSequence = assembly;
  return project;
}

/** Media Premiere knows about but whose files are not on this disk. */
function placeholderMedia(): SampleMedia {
  const media = (name: string, durationSeconds: number, frameRate = 25): SimMedia => ({
    path: `/Volumes/EAV Media/Day 1/${name}`,
    durationSeconds,
    frameRate,
    width: 1920,
    height: 1080,
    offline: true,
  });
  return {
    h264: media("kitchen-oven-cleaning-MID.mp4", 12),
    still: media("kitchen-hob-CU.jpg", 0, 0),
    prores: media("bathroom tap WS (ProRes).mov", 8),
    imageSequence: media("garden_0001.png", 0.4),
    offline: media("missing-drive clip.mxf", 6),
  };
}

/** Adds clip number n (from 1) to "Footage/Imports", as an editor's import would (kinds rotate). */
/** `add` puts the clip into its bin: the CEP simulator's bin.add fires its per-item event; the UXP
 * simulator's importItem fires IMPORT_MEDIA_COMPLETE (UXP has no per-item event). */
export function importSampleClip(
  project: SimProject,
  media: SampleMedia,
  n: number,
  add: (bin: SimProjectItem, item: SimProjectItem) => SimProjectItem = (bin, item) => bin.add(item),
): SimProjectItem {
  const footage = project.rootItem.childItems.find((i) => i.name === "Footage") ?? project.rootItem;
  const bin =
    footage.childItems.find((i) => i.name === "Imports") ??
    footage.add(new SimProjectItem("Imports", ProjectItemType.BIN));
  const kinds: Array<[string, SimMedia]> = [
    ["A001_C%03d — Küche.mp4", media.h264],
    ["B002_C%03d ProRes.mov", media.prores],
    ["still %03d.jpg", media.still],
  ];
  const [pattern, m] = kinds[(n - 1) % kinds.length];
  return add(bin, new SimProjectItem(pattern.replace("%03d", String(n).padStart(3, "0")), ProjectItemType.CLIP, m));
}
