// A library entry's frames, as the panel would take them: a still as it is, a video at 10–90 %
// of its duration decoded by ffmpeg (any codec it reads); embedded with the same encoder code.
// The media is opened once and checked to be inside the library folder (openInside), and every
// read goes through that descriptor: ffmpeg gets it as its fd 3 (/dev/fd/3), never the path.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { openInside } from "../lib/files/node/inside-folder";
import type { ClipEmbedding, ClipModel } from "../lib/embedding/clip-model";
import { decodeImageForClip } from "../lib/embedding/node/decode-image";
import { DEFAULT_FRAME_FRACTIONS } from "../shared/frames/frame-times";
import type { LibraryEntry } from "./ia-library";

/** Five frames of the opened video. ffmpeg reads the descriptor itself where the OS names it
 * (/dev/fd/3); on Windows, which has no such name, the real path openInside checked. */
function videoFrames(fd: number, realPath: string): Buffer[] {
  const byFd = process.platform !== "win32";
  const input = byFd ? "/dev/fd/3" : realPath;
  const run = (cmd: string, args: string[]) =>
    execFileSync(cmd, args, { stdio: byFd ? ["ignore", "pipe", "pipe", fd] : ["ignore", "pipe", "pipe"] });
  const probe = ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", input];
  const duration = Number(run("ffprobe", probe).toString("utf8").trim());
  if (!(duration > 0)) throw new Error("ffprobe found no duration");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rl-frames-"));
  try {
    return DEFAULT_FRAME_FRACTIONS.map((f, i) => {
      const out = path.join(dir, `${i}.png`);
      const args = ["-loglevel", "error", "-y", "-ss", String(duration * f), "-i", input, "-frames:v", "1"];
      run("ffmpeg", [...args, "-update", "1", out]);
      return fs.readFileSync(out);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The entry's frames as encoded images: the still itself, or five PNGs of the video, read only
 * from inside the entry's library folder. */
export function libraryFrames(entry: LibraryEntry): Buffer[] {
  const opened = openInside(entry.mediaPath!, [entry.folder]);
  try {
    return entry.fileType === "image" ? [fs.readFileSync(opened.fd)] : videoFrames(opened.fd, opened.realPath);
  } finally {
    fs.closeSync(opened.fd);
  }
}

export async function embedLibraryEntry(
  entry: LibraryEntry,
  model: ClipModel,
  images: Buffer[] = libraryFrames(entry),
): Promise<ClipEmbedding> {
  const pixels = await Promise.all(images.map((img) => decodeImageForClip(img, model.preprocess)));
  return model.embedClip(pixels);
}

/** A reference's thumbnail: the first frame as a JPEG about 320 px wide, as the panel makes it. */
export async function thumbnailJpeg(frame: Buffer): Promise<Buffer> {
  return sharp(frame, { failOn: "error" })
    .rotate()
    .resize({ width: 320, withoutEnlargement: true })
    .jpeg({ quality: 82 })
    .toBuffer();
}
