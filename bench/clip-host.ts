// The simulated Premiere for bench:clip: a project holding `count` clips of the sample 1080p
// file, the compiled host bundle answering, and the panel's grabFrames reading what it exports.
// In Node the <video> path cannot run, so grabFrames falls back to the host export (ffmpeg in
// the simulator), the path the preview uses for media the browser cannot seek.
import fs from "node:fs";
import { createHostClient, type HostClient, type ProjectItemRecord } from "../src/lib/bridge";
import { grabFrames, type GrabbedFrames } from "../src/panel/frames/grab-frames";
import type { MediaAccess } from "../src/panel/frames/media-access";
import { ProjectItemType, SimProject, SimProjectItem, type SimMedia } from "../src/sim/premiere-dom";
import { PremiereSimulator } from "../src/sim/premiere-simulator";
import { JSX_OUT } from "../scripts/build-jsx";

export const nodeMedia: MediaAccess = {
  readFile: async (file) =>
    new Blob([fs.readFileSync(file)], { type: file.endsWith(".png") ? "image/png" : "image/jpeg" }),
  videoUrl: () => {
    throw new Error("no <video> in Node");
  },
};

export interface BenchHost {
  /** the bridge client to the simulated Premiere, as the panel's store uses it */
  client: HostClient;
  clips: ProjectItemRecord[];
  grab(clip: ProjectItemRecord): Promise<GrabbedFrames & { grabMs: number }>;
}

export async function benchHost(media: SimMedia, count: number): Promise<BenchHost> {
  const project = new SimProject("/Volumes/Projekte/bench-clip.prproj");
  const bin = project.rootItem.add(new SimProjectItem("Karte A001", ProjectItemType.BIN));
  for (let i = 0; i < count; i++)
    bin.add(new SimProjectItem(`A001_C${String(i + 1).padStart(3, "0")}.mp4`, ProjectItemType.CLIP, media));
  const simulator = new PremiereSimulator({ project }).loadBundle(JSX_OUT);
  const host = createHostClient({ kind: "simulator", evalScript: async (s) => simulator.evalScript(s) });
  const snapshot = await host.call("getProjectSnapshot");
  const clips = snapshot.items.filter((i) => i.type === "CLIP");
  return {
    client: host,
    clips,
    async grab(clip) {
      const start = performance.now();
      const grabbed = await grabFrames(clip, { host, media: nodeMedia });
      return { ...grabbed, grabMs: performance.now() - start };
    },
  };
}
