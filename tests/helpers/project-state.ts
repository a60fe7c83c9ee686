// Everything a script can change in a simulated project, as plain data: the item tree with each
// item's XMP and column values, the sequences, which one is open, the schema and the selection.
// Two states compare equal only when the project was left exactly as it was.
import type { SimProject, SimProjectItem } from "../../src/sim/premiere-dom";

export function projectState(project: SimProject) {
  const item = (i: SimProjectItem): unknown => ({
    nodeId: i.nodeId,
    name: i.name,
    type: i.type,
    media: i.media?.path ?? null,
    inOut: [i.inPointTicks, i.outPointTicks],
    xmp: i.xmpMetadata,
    columns: i.getProjectMetadata(),
    children: i.childItems.map(item),
  });
  return {
    tree: item(project.rootItem),
    sequences: project.sequenceList.map((s) => s.sequenceID),
    active: project.activeSequence?.sequenceID ?? null,
    schema: [...project.schema.keys()],
    selection: project.app?.projectViewSelection.map((i) => i.nodeId) ?? [],
  };
}
