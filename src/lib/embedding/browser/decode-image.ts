// Browser-side image decoding for CLIP (the panel's worker): the browser decodes, one canvas
// drawImage does the shortest-side resize and centre crop, and only crop×crop pixels are
// touched in JavaScript. No resizing in JS loops.
import { EmbeddingError } from "../embedding-error";
import { centreCropRect, toChw, type PreprocessorConfig } from "../pixels";

export async function decodeBlobForClip(blob: Blob, cfg: PreprocessorConfig, label = "image"): Promise<Float32Array> {
  if (blob.size === 0)
    throw new EmbeddingError("IMAGE_UNREADABLE", `${label} is empty (0 bytes): re-export the frame or check the file.`);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch (e) {
    const tiff = blob.type === "image/tiff" || /\.tiff?$/i.test(label);
    throw new EmbeddingError(
      tiff ? "IMAGE_UNSUPPORTED" : "IMAGE_UNREADABLE",
      tiff
        ? `${label}: the panel cannot decode TIFF; Premiere will export the frame instead.`
        : `Could not read ${label}: ${(e as Error).message || "the data is not an image this panel can decode"}. Let Premiere export the frame instead.`,
    );
  }
  try {
    return bitmapToClip(bitmap, cfg);
  } finally {
    bitmap.close();
  }
}

export function bitmapToClip(
  source: CanvasImageSource & { width: number; height: number },
  cfg: PreprocessorConfig,
): Float32Array {
  const { sx, sy, sw, sh } = centreCropRect(source.width, source.height, cfg.size, cfg.crop);
  const canvas = new OffscreenCanvas(cfg.crop, cfg.crop);
  const ctx = canvas.getContext("2d", { willReadFrequently: true }) as OffscreenCanvasRenderingContext2D | null;
  if (!ctx) throw new EmbeddingError("INFERENCE_FAILED", "this browser has no 2D canvas in workers");
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(source, sx, sy, sw, sh, 0, 0, cfg.crop, cfg.crop);
  return toChw(ctx.getImageData(0, 0, cfg.crop, cfg.crop).data, cfg.crop, 4, cfg);
}
