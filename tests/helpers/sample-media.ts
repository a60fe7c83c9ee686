import path from "node:path";
import { makeSampleMedia, type SampleMedia } from "../../src/sim/sample-media";
import { ROOT } from "./paths";

let cached: SampleMedia | null = null;

/** Real small media made by ffmpeg once, under .cache (its path has spaces and non-Latin text). */
export function sampleMedia(): SampleMedia {
  cached ??= makeSampleMedia(path.join(ROOT, ".cache/sample-media"));
  return cached;
}
