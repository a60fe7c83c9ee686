// npm run bench:host — the compiled host bundle in the simulator: project snapshot of a
// 2,000-item project, clip-id polling, and a five-frame export. Simulator time, not Premiere
// time: it measures our ExtendScript's own work (walk, records, JSON) on this machine.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHostClient } from "../../src/lib/bridge";
import { ProjectItemType, SimProject, SimProjectItem } from "../../src/sim/premiere-dom";
import { PremiereSimulator } from "../../src/sim/premiere-simulator";
import { makeSampleMedia } from "../../src/sim/sample-media";
import { buildJsx, JSX_OUT } from "../../scripts/build-jsx";
import { spread } from "../lib/stats";
import { ROOT, RESULTS_DIR } from "../lib/paths";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
await buildJsx();
const media = makeSampleMedia(path.join(ROOT, ".cache/sample-media"));

function bigProject(items: number): SimProject {
  const project = new SimProject("/Volumes/Projekte/Großes Projekt — 2000.prproj");
  const perBin = 100;
  let made = 0;
  for (let b = 0; made < items; b++) {
    const bin = project.rootItem.add(new SimProjectItem(`Drehtag ${b + 1}`, ProjectItemType.BIN));
    const sub = bin.add(new SimProjectItem("Karte A", ProjectItemType.BIN));
    made += 2;
    for (let c = 0; c < perBin - 2 && made < items; c++, made++) {
      sub.add(
        new SimProjectItem(
          `A${b}_C${String(c).padStart(3, "0")}.mov`,
          ProjectItemType.CLIP,
          c % 2 ? media.prores : media.h264,
        ),
      );
    }
  }
  return project;
}

async function time<T>(fn: () => Promise<T>): Promise<number[]> {
  const out: number[] = [];
  await fn(); // warm-up
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out.sort((a, b) => a - b);
}

const summary = (xs: number[]) => {
  const s = spread(xs);
  return { p50ms: s.p50, p95ms: s.p95, max: s.max };
};

const project = bigProject(2000);
const simulator = new PremiereSimulator({ project }).loadBundle(JSX_OUT);
const host = createHostClient({ kind: "simulator", evalScript: async (s) => simulator.evalScript(s) });
const snapshot = await time(() => host.call("getProjectSnapshot"));
const ids = await time(() => host.call("listClipIds"));
const clip = project.allItems().find((i) => i.type === ProjectItemType.CLIP)!;
const frames = await time(async () => {
  const r = await host.call("exportFrames", { nodeId: clip.nodeId });
  await host.call("releaseFrames", r.folder);
});
const result = {
  benchmark: "host",
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version },
  note: "simulator (Node vm, ES3 realm); frame export includes ffmpeg decoding in place of Premiere's renderer",
  runs: RUNS,
  projectItems: project.allItems().length,
  getProjectSnapshot: summary(snapshot),
  listClipIds: summary(ids),
  exportFiveFrames: summary(frames),
};
console.log(JSON.stringify(result, null, 2));
const dir = RESULTS_DIR;
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, `host-${result.date.slice(0, 10)}.json`), JSON.stringify(result, null, 2) + "\n");
