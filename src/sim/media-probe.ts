// What Premiere reads from a file it imports or relinks to: size, frame rate and duration, here
// from ffprobe. Stills have no duration or rate, as Premiere treats them; a file ffprobe cannot
// read is refused (null), as Premiere refuses a file it cannot import.
import { execFileSync } from "node:child_process";
import { mediaTool } from "./media-tools";
import type { SimMedia } from "./premiere-dom";

const STILL = /\.(jpe?g|png|tiff?|psd|bmp|gif|heic|webp|dpx|exr|tga)$/i;

export function probeMedia(file: string): SimMedia | null {
  let info: {
    streams?: Array<{ width?: number; height?: number; r_frame_rate?: string }>;
    format?: { duration?: string };
  };
  try {
    const out = execFileSync(
      mediaTool("ffprobe"),
      [
        "-v",
        "error",
        "-select_streams",
        "v:0",
        "-show_entries",
        "stream=width,height,r_frame_rate:format=duration",
        "-of",
        "json",
        file,
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
    );
    info = JSON.parse(out) as typeof info;
  } catch {
    return null;
  }
  const video = info.streams?.[0];
  if (!video) return null;
  const still = STILL.test(file);
  const [num, den] = (video.r_frame_rate ?? "0/1").split("/").map(Number);
  return {
    path: file,
    durationSeconds: still ? 0 : Number(info.format?.duration ?? 0),
    frameRate: still || !den ? 0 : num / den,
    width: video.width ?? 0,
    height: video.height ?? 0,
  };
}
