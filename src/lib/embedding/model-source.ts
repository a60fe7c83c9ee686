// Where the CLIP model comes from: the Hugging Face hub (cached after the first download), a
// folder an admin provides for offline studios, or a copy bundled into the ZXP.

export const DEFAULT_MODEL_ID = "Xenova/clip-vit-base-patch32";

export type ModelSource =
  | { kind: "hub"; modelId: string }
  | { kind: "folder"; path: string; modelId?: string }
  | { kind: "bundled"; path: string; modelId?: string };

export interface ModelOptions {
  source: ModelSource;
  /** int8 ONNX files (the default, as on the hub: ~88 MB vision + ~64 MB text) */
  quantized?: boolean;
}

/** Files transformers.js needs for CLIP image and text embeddings (docs/facts/measured.md); without the
 * text encoder, the image encoder's alone. */
export function requiredModelFiles(quantized: boolean, textEncoder = true): string[] {
  const q = quantized ? "_quantized" : "";
  const image = ["config.json", "preprocessor_config.json", `onnx/vision_model${q}.onnx`];
  return textEncoder ? [...image, "tokenizer.json", "tokenizer_config.json", `onnx/text_model${q}.onnx`] : image;
}

/** Names the model and its precision; stored with every embedding in the catalog. */
export function modelVersionOf(modelId: string, quantized: boolean): string {
  return `${modelId}@${quantized ? "q8" : "fp32"}`;
}

export function modelIdOf(source: ModelSource): string {
  if (source.kind === "hub") return source.modelId;
  const folder =
    source.path
      .replace(/[\\/]+$/, "")
      .split(/[\\/]/)
      .pop() ?? "model";
  let name = folder;
  try {
    name = decodeURIComponent(folder); // a file:// URL's last segment is percent-encoded
  } catch {
    // not an encoded name
  }
  return source.modelId ?? `local/${name}`;
}

export function describeSource(source: ModelSource): string {
  return source.kind === "hub"
    ? `the Hugging Face hub (${source.modelId})`
    : source.kind === "folder"
      ? `the folder ${source.path}`
      : `the bundled folder ${source.path}`;
}
