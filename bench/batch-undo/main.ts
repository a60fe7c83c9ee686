// npm run bench:batch-undo — how big the stored undo of a batch accept is (it lives in the
// panel's IndexedDB beside the queue, ADR 0030) and how long accept and undo take per clip, for
// 50, 300 and 1,000 clips (BENCH_CLIPS), with the simulator's small XMP packets and with
// camera-like packets of about 18 KB.
// Simulator time, not Premiere time: it measures our host code, the bridge and the store.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { planBatchAccept, selectBatchConfidence } from "../../src/panel/store";
import { buildJsx } from "../../scripts/build-jsx";
import { batchCard, cameraPacket, openBatchPanel, suggestCard } from "../../src/testing/batch-project";
import { memoryStorage } from "../../src/testing/fake-panel-services";
import { databaseOf } from "../../src/testing/test-store";
import { RESULTS_DIR } from "../lib/paths";

await buildJsx();

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
    // the undo's row and every clip's row, as JSON (IndexedDB's own encoding is not visible)
    const rows = await databaseOf(storage).run(["undos", "snapshots"], "readonly", (tx) =>
      Promise.all([tx.objectStore("undos").getAll(), tx.objectStore("snapshots").getAll()]),
    );
    const stored = rows.flat().reduce((n, row) => n + JSON.stringify(row).length, 0);
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
      undoStoredJsonChars: stored,
      undoCharsPerClip: Math.round(stored / plan.accept.length),
      acceptMsPerClip: +(acceptMs / plan.accept.length).toFixed(2),
      undoMsPerClip: +(undoMs / plan.accept.length).toFixed(2),
    };
  } finally {
    card.cleanup();
  }
}

const cases = [];
const sizes = (process.env.BENCH_CLIPS ?? "50,300,1000").split(",").map(Number);
const kinds = (process.env.BENCH_XMP ?? "simulator,camera-like").split(",");
for (const clips of sizes)
  for (const camera of [false, true]) {
    if (!kinds.includes(camera ? "camera-like" : "simulator")) continue;
    cases.push(await run(clips, camera));
    console.error(JSON.stringify(cases[cases.length - 1]));
  }
const result = {
  benchmark: "batch-undo",
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version },
  note:
    "simulator (Node vm, ES3 realm) and the store with a fake catalog and model; storage is " +
    "fake-indexeddb 6.2.8 in memory (IndexedDB in the panel). Before each clip's write its row " +
    "(entry and snapshot) is stored, after it its fingerprints; stored chars are the rows as JSON. " +
    "Load average of the shared 2-core machine at the start: " +
    os.loadavg()[0].toFixed(1),
  cases,
};
console.log(JSON.stringify(result, null, 2));
const dir = RESULTS_DIR;
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, `batch-undo-${result.date.slice(0, 10)}.json`), JSON.stringify(result, null, 2) + "\n");
process.exit(0); // the panels' import watchers poll on timers and would keep Node running
