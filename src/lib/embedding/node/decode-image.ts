// Node-side image decoding for CLIP (the CLI's bulk import, and tests): sharp resizes the
// shortest side and centre-crops natively, then the same normalization as in the browser.
import sharp from "sharp";
import { EmbeddingError } from "../embedding-error";
import { toChw, type PreprocessorConfig } from "../pixels";

/** Stills up to 200 MP decode; sharp's default stops at 268 MP as a guard against bombs. */
const MAX_PIXELS = 200_000_000;

export async function decodeImageForClip(input: string | Buffer, cfg: PreprocessorConfig): Promise<Float32Array> {
  const label = typeof input === "string" ? input : "image data";
  if (Buffer.isBuffer(input) && input.length === 0) {
    throw new EmbeddingError("IMAGE_UNREADABLE", `${label} is empty (0 bytes): re-export the frame or check the file.`);
  }
  try {
    const { data, info } = await sharp(input, { limitInputPixels: MAX_PIXELS, failOn: "error" })
      .rotate()
      .toColourspace("srgb") // 16-bit and CMYK inputs come out as 8-bit sRGB
      .removeAlpha()
      .resize({ width: cfg.crop, height: cfg.crop, fit: "cover", position: "centre", kernel: "cubic" })
      .raw({ depth: "uchar" })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3 || info.width !== cfg.crop || info.height !== cfg.crop) {
      throw new Error(`unexpected decode ${info.width}×${info.height}×${info.channels}`);
    }
    return toChw(data, cfg.crop, 3, cfg);
  } catch (e) {
    const message = (e as Error).message;
    const code =
      /unsupported image format|Input file is missing|corrupt|premature end|VipsJpeg|pngload|Input buffer/i.test(
        message,
      )
        ? "IMAGE_UNREADABLE"
        : "IMAGE_UNSUPPORTED";
    throw new EmbeddingError(
      code,
      `Could not read ${label}: ${message}. Use a PNG/JPEG/TIFF frame, or let Premiere export it.`,
    );
  }
}
