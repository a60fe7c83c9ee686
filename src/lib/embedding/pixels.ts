// CLIP preprocessing as arithmetic, shared by the Node (sharp) and browser (canvas) decoders:
// resize the shortest side to `size`, centre-crop `crop`, scale to 0..1, normalize per channel.

export interface PreprocessorConfig {
  size: number;
  crop: number;
  mean: [number, number, number];
  std: [number, number, number];
}

export function preprocessorConfigFrom(json: Record<string, unknown>): PreprocessorConfig {
  const size = typeof json.size === "number" ? json.size : (json.size as { shortest_edge?: number })?.shortest_edge;
  const crop = typeof json.crop_size === "number" ? json.crop_size : (json.crop_size as { height?: number })?.height;
  if (!size || !crop) throw new Error("preprocessor_config.json has no size/crop_size");
  return {
    size,
    crop,
    mean: json.image_mean as PreprocessorConfig["mean"],
    std: json.image_std as PreprocessorConfig["std"],
  };
}

/** The source rectangle that, drawn into a crop×crop square, equals resize-shortest + centre-crop. */
export function centreCropRect(width: number, height: number, size: number, crop: number) {
  const scale = size / Math.min(width, height);
  const sw = crop / scale;
  const sh = crop / scale;
  return { sx: (width - sw) / 2, sy: (height - sh) / 2, sw, sh };
}

/** RGBA (canvas) or RGB (sharp) bytes of a crop×crop image → normalized CHW float32. */
export function toChw(
  bytes: ArrayLike<number>,
  crop: number,
  channels: 3 | 4,
  cfg: PreprocessorConfig,
  out?: Float32Array,
): Float32Array {
  const plane = crop * crop;
  const chw = out ?? new Float32Array(3 * plane);
  const [mr, mg, mb] = cfg.mean;
  const [sr, sg, sb] = cfg.std;
  for (let i = 0, p = 0; i < plane; i++, p += channels) {
    chw[i] = (bytes[p] / 255 - mr) / sr;
    chw[plane + i] = (bytes[p + 1] / 255 - mg) / sg;
    chw[2 * plane + i] = (bytes[p + 2] / 255 - mb) / sb;
  }
  return chw;
}
