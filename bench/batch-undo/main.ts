// npm run bench:batch-undo — how big the stored undo of a batch accept is (it lives in
// localStorage beside the queue) and how long accept and undo take per clip, for 50 and 300
// clips, with the simulator's small XMP packets and with camera-like packets of about 16 KB.
// Simulator time, not Premiere time: it measures our host code, the bridge and the store.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { planBatchAccept, selectBatchConfidence } from "../../src/panel/store";
import { batchUndoKey } from "../../src/panel/store/batch-undo-persistence";
import { XMPConst, XMPMeta } from "../../src/sim/xmp-meta";
import { buildJsx } from "../../scripts/build-jsx";
import { batchCard, openBatchPanel, suggestCard } from "../../src/testing/batch-project";
import { memoryStorage } from "../../src/testing/fake-panel-services";
import { RESULTS_DIR } from "../lib/paths";

await buildJsx();

/** A packet the size of a camera clip's: Premiere and camera vendors keep private blocks. */
function cameraPacket(n: number): string {
  const xmp = new XMPMeta();
  xmp.setProperty(XMPConst.NS_DM, "scene", `Szene ${n} — Küche`);
  xmp.setProperty(XMPConst.NS_XMP, "CreatorTool", "Camera firmware 4.2");
  xmp.setProperty(XMPConst.NS_DM, "comment", "lens=24-70mm, iso=800, ".repeat(680));
  return xmp.serialize();
}

async function run(clips: number, camera: boolean) {
  const card = batchCard(clips);
  try {
    if (camera) card.clips.forEach((c, i) => c.setXMPMetadata(cameraPacket(i)));
    const storage = memoryStorage();
    const looks = new Map(card.clips.map((c, i) => [c.nodeId, i % 2 ? [40, 40] : [10, 10]]));
    const store = openBatchPanel(card, storage, looks);
    await suggestCard(store, card.clips);
    const xmpChars = card.clips.reduce((n, c) => n + c.getXMPMetadata().length, 0);
    const plan = planBatchAccept(store.getState().queue, selectBatchConfidence(store.getState()));
    let start = performance.now();
    await store.getState().acceptBatch(plan);
    const acceptMs = performance.now() - start;
    // the index and every clip's snapshot, as localStorage holds them
    const stored = [...storage.data.entries()]
      .filter(([k]) => k.startsWith(batchUndoKey(card.project.path)))
      .reduce((n, [k, v]) => n + k.length + v.length, 0);
    start = performance.now();
    await store.getState().undoBatch();
    const undoMs = performance.now() - start;
    const outcome = store.getState().batchOutcome;
    return {
      clips,
      xmp: camera ? "camera-like" : "simulator",
      averageXmpChars: Math.round(xmpChars / clips),
      written: plan.accept.length,
      undone: outcome?.done ?? 0,
      undoStoredChars: stored,
      undoStoredUtf16KB: +((stored * 2) / 1024).toFixed(1),
      undoCharsPerClip: Math.round(stored / plan.accept.length),
      acceptMsPerClip: +(acceptMs / plan.accept.length).toFixed(2),
      undoMsPerClip: +(undoMs / plan.accept.length).toFixed(2),
    };
  } finally {
    card.cleanup();
  }
}

const cases = [];
for (const clips of [50, 300])
  for (const camera of [false, true]) {
    cases.push(await run(clips, camera));
    console.error(JSON.stringify(cases[cases.length - 1]));
  }
const result = {
  benchmark: "batch-undo",
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version },
  note:
    "simulator (Node vm, ES3 realm) and the store with a fake catalog and model; storage is an " +
    "in-memory localStorage. Before each clip's write its snapshot and the undo's index are stored; " +
    "stored chars count keys and values (localStorage keeps UTF-16: 2 bytes a char)",
  cases,
};
console.log(JSON.stringify(result, null, 2));
const dir = RESULTS_DIR;
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, `batch-undo-${result.date.slice(0, 10)}.json`), JSON.stringify(result, null, 2) + "\n");
process.exit(0); // the panels' import watchers poll on timers and would keep Node running
