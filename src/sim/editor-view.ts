// What an editor sees and does in the simulated Premiere's own panels, for the preview's
// simulator tools: the Project panel's tree and selection, the active sequence's clips and their
// selection, and a clip's metadata as Premiere's Metadata panel and Project columns show it.
// Selection goes where Premiere keeps it, so the host script reads it through
// app.getCurrentProjectViewSelection() and sequence.getSelection() as in Premiere.
import type { SimApp, SimProject, SimProjectItem } from "./premiere-dom";
import { PROJECT_METADATA_NS } from "./premiere-dom";
import { BUILT_IN_COLUMNS } from "./dom/project-columns";
import { XMPMeta } from "./xmp-meta";
import { NS_DC, NS_DM } from "../shared/metadata/xmp-contract";
import type {
  EditorView,
  ItemMetadata,
  MetadataField,
  ProjectRow,
  TimelineRow,
} from "../lib/preview/simulator-tools-contract";

export type { EditorView, ItemMetadata, MetadataField, ProjectRow, TimelineRow };

const BIN = 2;

function kindOf(item: SimProjectItem): ProjectRow["kind"] {
  if (item.type === BIN) return "bin";
  return item.isSequence() ? "sequence" : "clip";
}

export function editorView(app: SimApp): EditorView {
  const project = app.project;
  if (!project) return { project: [], sequence: null };
  const selected = new Set(app.projectViewSelection);
  const rows: ProjectRow[] = [];
  const walk = (items: SimProjectItem[], depth: number) => {
    for (const item of items) {
      rows.push({
        id: item.nodeId,
        name: item.name,
        kind: kindOf(item),
        depth,
        offline: item.type !== BIN && item.isOffline(),
        selected: selected.has(item),
      });
      walk(item.childItems, depth + 1);
    }
  };
  walk(project.rootItem.childItems, 0);
  const seq = project.activeSequence;
  const sequence = seq && {
    name: seq.name,
    clips: seq.videoTrackList.flatMap((track) =>
      track.items.map((item) => ({
        id: item.nodeId,
        name: item.name,
        track: track.name,
        start: Number(item.start.seconds),
        selected: item.isSelected(),
      })),
    ),
  };
  return { project: rows, sequence };
}

function findItem(project: SimProject, id: string): SimProjectItem | undefined {
  return project.allItems().find((i) => i.nodeId === id);
}

/** Selects these Project panel items (an empty list clears the selection). Unknown ids are refused. */
export function selectProjectItems(app: SimApp, ids: string[]): void {
  const project = app.project;
  if (!project) throw new Error("no project is open");
  const items = ids.map((id) => findItem(project, id));
  const unknown = ids.filter((_, i) => !items[i]);
  if (unknown.length) throw new Error(`no project item with id ${unknown.join(", ")}`);
  app.projectViewSelection = items as SimProjectItem[];
}

/** Selects these clips of the active sequence and deselects the others, as a click in the timeline does. */
export function selectTimelineClips(app: SimApp, ids: string[]): void {
  const seq = app.project?.activeSequence;
  if (!seq) throw new Error("no sequence is open");
  const clips = seq.videoTrackList.flatMap((t) => t.items);
  const unknown = ids.filter((id) => !clips.some((c) => c.nodeId === id));
  if (unknown.length) throw new Error(`no clip with id ${unknown.join(", ")} in “${seq.name}”`);
  for (const clip of [...clips, ...seq.audioTrackList.flatMap((t) => t.items)])
    clip.setSelected(ids.includes(clip.nodeId));
}

export function itemMetadata(app: SimApp, id: string): ItemMetadata {
  const project = app.project;
  const item = project && findItem(project, id);
  if (!project || !item) throw new Error(`no project item with id ${id}`);
  const xmpText = item.getXMPMetadata();
  const xmp: MetadataField[] = [];
  if (xmpText) {
    const meta = new XMPMeta(xmpText);
    const dm = (name: string) => meta.getProperty(NS_DM, name)?.toString() ?? "";
    xmp.push(
      { label: "Shot Name", value: dm("shotName") },
      { label: "Log Comment", value: dm("logComment") },
      { label: "Description", value: meta.getLocalizedText(NS_DC, "description", null, "x-default") ?? "" },
      { label: "Tape Name", value: dm("tapeName") },
    );
  }
  const packet = new XMPMeta(item.getProjectMetadata());
  const columns: MetadataField[] = [];
  const labels = new Map<string, string>([
    ...Object.entries(BUILT_IN_COLUMNS).map(([k, v]) => [k, v.label] as [string, string]),
    ...[...project.schema].map(([k, v]) => [k, v.label] as [string, string]),
  ]);
  for (const [field, label] of labels) {
    const value = packet.getProperty(PROJECT_METADATA_NS, field)?.toString() ?? "";
    if (value || project.schema.has(field)) columns.push({ label, value });
  }
  return { name: item.name, path: item.getMediaPath(), offline: item.isOffline(), xmp, columns };
}
