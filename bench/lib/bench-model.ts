// The bench's random-weight CLIP ViT-B/32 (real size, generated on demand into bench/models/,
// never committed) and its 1080p inputs, shared by bench:embed and bench:clip.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export { ROOT } from "./paths";
import { ROOT } from "./paths";
export const MODELS = path.join(ROOT, "bench/models");
export const MODEL = path.join(MODELS, "clip-vit-b-32-random");
export const MODEL_ID = "random/clip-vit-b-32";

const ffmpeg = (args: string[]) => execFileSync("ffmpeg", ["-loglevel", "error", "-y", ...args]);

export function ensureModel(): void {
  if (
    fs.existsSync(path.join(MODEL, "onnx/vision_model_quantized.onnx")) &&
    fs.existsSync(path.join(MODEL, "tokenizer.json"))
  )
    return;
  console.log("generating a random-weight CLIP ViT-B/32 (real size) into bench/models/ …");
  execFileSync(
    "/usr/bin/python3",
    ["scripts/model/make_clip_onnx.py", "--preset", "vit-b-32", "--out", MODEL, "--quantize"],
    { cwd: ROOT, stdio: "inherit" },
  );
  execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/model/build-clip-tokenizer.ts", MODEL], {
    cwd: ROOT,
    stdio: "inherit",
  });
}

/** Five 1920×1080 JPEG stills (ffmpeg testsrc2). */
export function ensureFrames(): string[] {
  const dir = path.join(MODELS, "frames-1080p");
  fs.mkdirSync(dir, { recursive: true });
  const frames = [1, 2, 3, 4, 5].map((i) => path.join(dir, `frame-${i}.jpg`));
  if (!frames.every((f) => fs.existsSync(f)))
    ffmpeg([
      "-f",
      "lavfi",
      "-i",
      "testsrc2=size=1920x1080:rate=5",
      "-frames:v",
      "5",
      "-q:v",
      "3",
      path.join(dir, "frame-%d.jpg"),
    ]);
  return frames;
}

/** A 10-second 1920×1080 25 fps H.264 clip (ffmpeg testsrc2, which moves: its frames differ). */
export function ensureSampleClip(): {
  path: string;
  durationSeconds: number;
  frameRate: number;
  width: number;
  height: number;
} {
  const file = path.join(MODELS, "sample-1080p", "card A001 1080p.mp4");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file))
    ffmpeg([
      "-f",
      "lavfi",
      "-i",
      "testsrc2=size=1920x1080:rate=25",
      "-t",
      "10",
      "-c:v",
      "libx264",
      "-pix_fmt",
      "yuv420p",
      file,
    ]);
  return { path: file, durationSeconds: 10, frameRate: 25, width: 1920, height: 1080 };
}
