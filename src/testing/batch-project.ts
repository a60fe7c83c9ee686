// A card of many clips for batch tests and the batch-undo bench: clips in the sample media's
// folder (no IA sidecar there) and clips in a folder IA catalogued, whose corrections file a
// batch accept writes and its undo must put back. Media paths only: the frames are faked.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ProjectItemType, SimProjectItem, type SimProject } from "../sim/premiere-dom";
import { XMPConst, XMPMeta } from "../sim/xmp-meta";
import { createSampleProject } from "../sim/sample-project";
import { type PanelStore } from "../panel/store";
import { type memoryStorage } from "./fake-panel-services";
import { sampleMedia } from "./sample-media";
import { until } from "./until";
import { grabLooks, testStore } from "./test-store";

export interface BatchCard {
  project: SimProject;
  clips: SimProjectItem[];
  /** the folder IA catalogued, and its corrections file's path */
  iaDir: string;
  correctionsFile: string;
  cleanup(): void;
}

/** `count` clips; every `iaEvery`th one (default every third; 0: none) lives in the IA folder. */
export function batchCard(count: number, iaEvery = 3): BatchCard {
  const project = createSampleProject(sampleMedia());
  const iaDir = fs.mkdtempSync(path.join(os.tmpdir(), "IA Karte A — "));
  const bin = project.rootItem.add(new SimProjectItem("Karte A", ProjectItemType.BIN));
  const entries: Record<string, unknown> = { _schema: "2.0", _completed: true };
  const clips: SimProjectItem[] = [];
  for (let i = 0; i < count; i++) {
    const name = `A001_C${String(i).padStart(3, "0")}.mp4`;
    const inIa = iaEvery > 0 && i % iaEvery === 0;
    const dir = inIa ? iaDir : path.dirname(sampleMedia().h264.path);
    if (inIa) entries[`EB${i}`] = { id: `EB${i}`, currentFilename: name, fileType: "video", lockedFields: [] };
    clips.push(
      bin.add(new SimProjectItem(name, ProjectItemType.CLIP, { ...sampleMedia().h264, path: path.join(dir, name) })),
    );
  }
  fs.writeFileSync(path.join(iaDir, ".ingest-metadata.json"), JSON.stringify(entries, null, 2));
  return {
    project,
    clips,
    iaDir,
    correctionsFile: path.join(iaDir, ".ingest-metadata-pp.json"),
    cleanup: () => fs.rmSync(iaDir, { recursive: true, force: true }),
  };
}

const CONFIG = { catalog: { url: "http://catalog.test", anonKey: "a.b.c" } };

/** A panel on the card's project, with the compiled host in the simulator and fake model and
 * catalog; `looks` gives each clip's frames (10: kitchen oven, 40: garden lawn). */
export function openBatchPanel(
  card: BatchCard,
  storage: ReturnType<typeof memoryStorage>,
  looks: Map<string, number[]>,
): PanelStore {
  return testStore({ project: card.project, storage, grab: grabLooks(looks) });
}

/** Project, model and catalog ready, and every clip of the card suggested. */
export async function suggestCard(store: PanelStore, clips: SimProjectItem[]): Promise<void> {
  await store.getState().refreshProject();
  await store.getState().loadModel(null);
  await store.getState().connectCatalog(CONFIG);
  const { clips: records } = await store.services.host.call(
    "getClips",
    clips.map((c) => c.nodeId),
  );
  store.getState().enqueue(records);
  const done = () => store.getState().queue.filter((q) => q.status === "suggested").length === clips.length;
  await until(done, "the card's suggestions");
}

/** A packet the size of a camera clip's (about 18 KB): Premiere and camera vendors keep private blocks. */
export function cameraPacket(n: number): string {
  const xmp = new XMPMeta();
  xmp.setProperty(XMPConst.NS_DM, "scene", `Szene ${n} — Küche`);
  xmp.setProperty(XMPConst.NS_XMP, "CreatorTool", "Camera firmware 4.2");
  xmp.setProperty(XMPConst.NS_DM, "comment", "lens=24-70mm, iso=800, ".repeat(680));
  return xmp.serialize();
}

/** Every clip of the card suggested like its first one (which goes through the pipeline): for
 * batches too big to run each clip through the fake model in a test. */
export async function suggestAlike(store: PanelStore, clips: SimProjectItem[]): Promise<void> {
  await suggestCard(store, clips.slice(0, 1));
  const [first] = store.getState().queue;
  const { clips: records } = await store.services.host.call(
    "getClips",
    clips.slice(1).map((c) => c.nodeId),
  );
  store.setState({
    queue: [...store.getState().queue, ...records.map((clip) => ({ ...first, clip }))],
  });
  await store.getState().persistQueue();
}
