// Small real media files for the simulator, made with ffmpeg (media-tools.ts): an H.264 MP4, a still
// JPEG, a ProRes MOV and a PNG image sequence, in a folder whose path has spaces and non-Latin
// text. Made once per folder and reused.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { SimMedia } from "./premiere-dom";
import { mediaTool, resolveMediaTool } from "./media-tools";
import { simulatorFramesRoot, simulatorSelfCheckRoot } from "./sim-temp";

export interface SampleMedia {
  h264: SimMedia;
  still: SimMedia;
  prores: SimMedia;
  imageSequence: SimMedia;
  offline: SimMedia;
}

const W = 320;
const H = 180;

function ffmpeg(args: string[]): void {
  execFileSync(mediaTool("ffmpeg"), ["-loglevel", "error", "-y", ...args], { stdio: ["ignore", "ignore", "pipe"] });
}

/** ffmpeg from the system or from npm (media-tools.ts): false only where neither runs. */
export function ffmpegAvailable(): boolean {
  return resolveMediaTool("ffmpeg") !== null;
}

export function makeSampleMedia(root: string): SampleMedia {
  const dir = path.join(root, "EAV Media", "Küche Tag 1 — 日本語");
  fs.mkdirSync(dir, { recursive: true });
  const file = (name: string) => path.join(dir, name);
  const h264 = file("kitchen-oven-cleaning-MID.mp4");
  const still = file("kitchen-hob-CU.jpg");
  const prores = file("bathroom tap WS (ProRes).mov");
  const seqFirst = file("garden_0001.png");
  // testsrc2 moves, so frames at different times differ
  if (!fs.existsSync(h264))
    ffmpeg([
      "-f",
      "lavfi",
      "-i",
      `testsrc2=size=${W}x${H}:rate=25`,
      "-t",
      "4",
      "-c:v",
      "libx264",
      "-pix_fmt",
      "yuv420p",
      h264,
    ]);
  if (!fs.existsSync(still)) ffmpeg(["-f", "lavfi", "-i", `testsrc2=size=640x360:rate=1`, "-frames:v", "1", still]);
  if (!fs.existsSync(prores))
    ffmpeg([
      "-f",
      "lavfi",
      "-i",
      `smptebars=size=${W}x${H}:rate=25`,
      "-t",
      "2",
      "-c:v",
      "prores_ks",
      "-profile:v",
      "0",
      prores,
    ]);
  if (!fs.existsSync(seqFirst))
    ffmpeg(["-f", "lavfi", "-i", `testsrc2=size=${W}x${H}:rate=25`, "-frames:v", "10", file("garden_%04d.png")]);
  return {
    h264: { path: h264, durationSeconds: 4, frameRate: 25, width: W, height: H },
    still: { path: still, durationSeconds: 0, frameRate: 0, width: 640, height: 360 },
    prores: { path: prores, durationSeconds: 2, frameRate: 25, width: W, height: H },
    imageSequence: { path: seqFirst, durationSeconds: 10 / 25, frameRate: 25, width: W, height: H },
    offline: {
      path: file("missing-drive clip.mxf"),
      durationSeconds: 6,
      frameRate: 25,
      width: 1920,
      height: 1080,
      offline: true,
    },
  };
}

/** The folders of the sample project: its media, and the frame grab's and the self-check's folders
 * in the simulator's private temp folder. The preview confines the simulator's file access, and
 * /__media, to them. */
export function sampleFolders(mediaRoot: string): string[] {
  return [path.resolve(mediaRoot), simulatorFramesRoot(), simulatorSelfCheckRoot()];
}
