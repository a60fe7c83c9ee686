// The panel's store over test services, made one way everywhere: the compiled host in the
// simulator, the fake embedder and catalog (fake-panel-services.ts), localStorage in memory, an
// IndexedDB in memory (fake-indexeddb) per localStorage, and frames by look. A test passes only
// the services it replaces; a store given the same `storage` is the same computer (a reload).
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import type { Catalog } from "../lib/catalog";
import type { GrabbedFrames } from "../panel/frames/grab-frames";
import { createPanelStore, type PanelServices, type PanelStore } from "../panel/store";
import { PanelDatabase } from "../panel/store/panel-database";
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

const computers = new WeakMap<object, IDBFactory>();

/** A new connection (a panel page) to the panel's database on the computer whose localStorage
 * is `storage` (each computer has its own IndexedDB). */
export function databaseOf(storage: object): PanelDatabase {
  let factory = computers.get(storage);
  if (!factory) computers.set(storage, (factory = new IDBFactory()));
  return new PanelDatabase(factory);
}

export function testStore({ project, ...given }: TestServices = {}): PanelStore {
  const storage = given.storage ?? memoryStorage();
  return createPanelStore({
    embedder: new FakeEmbedder(),
    grab: grabLooks(new Map()),
    ...given,
    storage,
    database: "database" in given ? given.database : databaseOf(storage),
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
