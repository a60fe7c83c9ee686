// A library entry's frames, as the panel would take them: a still as it is, a video at 10–90 %
// of its duration decoded by ffmpeg (any codec it reads); embedded with the same encoder code.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { ClipEmbedding, ClipModel } from "../lib/embedding/clip-model";
import { decodeImageForClip } from "../lib/embedding/node/decode-image";
import { DEFAULT_FRAME_FRACTIONS } from "../shared/frames/frame-times";
import type { LibraryEntry } from "./ia-library";

export function videoFrames(file: string): Buffer[] {
  const duration = Number(
    execFileSync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file], {
      encoding: "utf8",
    }).trim(),
  );
  if (!(duration > 0)) throw new Error("ffprobe found no duration");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rl-frames-"));
  try {
    return DEFAULT_FRAME_FRACTIONS.map((f, i) => {
      const out = path.join(dir, `${i}.png`);
      const args = ["-loglevel", "error", "-y", "-ss", String(duration * f), "-i", file, "-frames:v", "1"];
      execFileSync("ffmpeg", [...args, "-update", "1", out]);
      return fs.readFileSync(out);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The entry's frames as encoded images: the still itself, or five PNGs of the video. */
export function libraryFrames(entry: LibraryEntry): Buffer[] {
  const file = entry.mediaPath!;
  return entry.fileType === "image" ? [fs.readFileSync(file)] : videoFrames(file);
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
