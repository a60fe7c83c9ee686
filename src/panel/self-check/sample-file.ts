// Where the self-check's sample clip is on disk, from the panel page's own URL.

/** Where the ZXP puts the sample clip, beside main/ (src/panel/public/self-check). */
export const SAMPLE_CLIP = "self-check/sample.mp4";

/** The sample's path on disk from the page's file: URL (CEP), or undefined (the preview, where
 * the host finds it beside its own bundle). */
export function sampleFileOf(pageUrl: string): string | undefined {
  const url = new URL(`../${SAMPLE_CLIP}`, pageUrl);
  if (url.protocol !== "file:") return undefined;
  const path = decodeURIComponent(url.pathname);
  // file:///C:/Program%20Files/… → C:/Program Files/…, which ExtendScript's File takes
  return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path;
}
