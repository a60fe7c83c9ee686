import path from "node:path";
import { makeSampleMedia, sampleFolders, type SampleMedia } from "../sim/sample-media";
import { ROOT } from "./paths";

export const SAMPLE_MEDIA_ROOT = path.join(ROOT, ".cache/sample-media");
/** The folders the preview's /__media serves: the sample media and the simulator's frame grabs. */
export const sampleMediaFolders = () => sampleFolders(SAMPLE_MEDIA_ROOT);

let cached: SampleMedia | null = null;

/** Real small media made by ffmpeg once, under .cache (its path has spaces and non-Latin text). */
export function sampleMedia(): SampleMedia {
  cached ??= makeSampleMedia(SAMPLE_MEDIA_ROOT);
  return cached;
}
