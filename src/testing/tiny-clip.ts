import fs from "node:fs";
import path from "node:path";
import { ClipModel } from "../lib/embedding";
import { ROOT } from "./paths";

export const TINY_CLIP_DIR = path.join(ROOT, "tests/fixtures/tiny-random-clip");

const loaded = new Map<boolean, Promise<ClipModel>>();

/** The committed tiny random CLIP (scripts/model/make_clip_onnx.py --preset tiny), loaded once. */
export function tinyClip(quantized = true): Promise<ClipModel> {
  if (!loaded.has(quantized)) {
    loaded.set(
      quantized,
      ClipModel.load({
        source: { kind: "folder", path: TINY_CLIP_DIR },
        quantized,
        fileExists: async (rel) => fs.existsSync(path.join(TINY_CLIP_DIR, rel)),
      }),
    );
  }
  return loaded.get(quantized)!;
}
