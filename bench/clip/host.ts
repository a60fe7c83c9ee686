// The simulated Premiere for bench:clip: a project holding `count` clips of the sample 1080p
// file, the compiled host bundle answering, and the panel's grabFrames reading what it exports.
// In Node the <video> path cannot run, so grabFrames falls back to the host export (ffmpeg in
// the simulator), the path the preview uses for media the browser cannot seek.
// The simulator runs in its own process (bench/clip/host-process.ts), as Premiere does: its
// exports block ExtendScript, never the panel's thread, so a clip's embedding and match go on
// while the next clip's frames are exported (the queue's pipeline depends on that).
import { fork } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createHostClient, type HostClient, type ProjectItemRecord } from "../../src/lib/bridge";
import { grabFrames, type GrabbedFrames } from "../../src/panel/frames/grab-frames";
import type { MediaAccess } from "../../src/panel/frames/media-access";
import type { SimMedia } from "../../src/sim/premiere-dom";

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
  stop(): void;
}

export async function benchHost(media: SimMedia, count: number): Promise<BenchHost> {
  const child = fork(path.join(import.meta.dirname, "host-process.ts"), [JSON.stringify(media), String(count)], {
    execArgv: ["--import", "tsx"],
  });
  const waiting = new Map<number, (result: string) => void>();
  let nextId = 0;
  child.on("message", (m) => {
    const { id, result } = m as { id: number; result: string };
    waiting.get(id)?.(result);
    waiting.delete(id);
  });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`the simulated host exited (code ${code})`)));
  });
  const evalScript = (script: string) =>
    new Promise<string>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      child.send({ id, script });
    });
  const host = createHostClient({ kind: "simulator", evalScript });
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
    stop: () => child.disconnect(),
  };
}
