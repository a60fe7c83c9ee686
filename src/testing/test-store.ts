// The panel's store over test services, made one way everywhere: the compiled host in the
// simulator, the fake embedder and catalog (fake-panel-services.ts), localStorage in memory, and
// frames by look. A test passes only the services it replaces.
import type { Catalog } from "../lib/catalog";
import type { GrabbedFrames } from "../panel/frames/grab-frames";
import { createPanelStore, type PanelServices, type PanelStore } from "../panel/store";
import type { SimProject } from "../sim/premiere-dom";
import { createSampleProject } from "../sim/sample-project";
import { FakeCatalog, FakeEmbedder, frameOfLook, memoryStorage, sampleReferences } from "./fake-panel-services";
import { sampleMedia } from "./sample-media";
import { simulatedHost } from "./simulated-host";

export interface TestServices extends Omit<Partial<PanelServices>, "catalog"> {
  /** the simulated host's project when `host` is not given (default: the sample project) */
  project?: SimProject;
  /** the catalog for the first address connected (default: FakeCatalog with the sample
   * references); null for none */
  catalog?: Catalog | null;
}

export function testStore({ project, ...given }: TestServices = {}): PanelStore {
  return createPanelStore({
    embedder: new FakeEmbedder(),
    storage: memoryStorage(),
    grab: grabLooks(new Map()),
    ...given,
    host: given.host ?? simulatedHost(project ?? createSampleProject(sampleMedia())).host,
    catalog: "catalog" in given ? (given.catalog ?? undefined) : new FakeCatalog(sampleReferences()),
  });
}

/** Grabs a clip's frames by its looks (axes: 10 is kitchen oven, 40 garden lawn), two of look 10
 * unless `looks` names the clip. */
export function grabLooks(looks: Map<string, number[]>): NonNullable<PanelServices["grab"]> {
  return async (clip): Promise<GrabbedFrames> => ({
    method: "host-export",
    frames: (looks.get(clip.nodeId) ?? [10, 10]).map((axis) => frameOfLook(axis)),
    labels: ["a", "b"],
    fellBack: [],
  });
}

/** Grabs one stand-in frame per clip whose bytes are the clip's name (for embedders by name). */
export const grabByName: NonNullable<PanelServices["grab"]> = async (clip) => ({
  method: "host-export",
  frames: [new Blob([clip.name])],
  labels: [clip.name],
  fellBack: [],
});
