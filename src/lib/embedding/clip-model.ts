// CLIP image and text embeddings with transformers.js (v2.17): CLIPVisionModelWithProjection
// with the model's own preprocessing numbers, CLIPTextModelWithProjection with AutoTokenizer.
// The same code runs in the panel's Web Worker (onnxruntime-web, WASM) and in Node
// (onnxruntime-node) for the CLI's bulk import.
import {
  AutoProcessor,
  AutoTokenizer,
  CLIPTextModelWithProjection,
  CLIPVisionModelWithProjection,
  Tensor,
  env,
} from "@xenova/transformers";
import { EmbeddingError } from "./embedding-error";
import { describeSource, modelIdOf, modelVersionOf, requiredModelFiles, type ModelOptions } from "./model-source";
import { preprocessorConfigFrom, type PreprocessorConfig } from "./pixels";
import { l2normalize, meanEmbedding } from "./pooling";

export interface ClipEmbedding {
  modelVersion: string;
  /** each frame's own embedding, kept for evidence and re-pooling */
  frames: Float32Array[];
  /** the renormalized mean of the frame embeddings: the clip's pooled embedding */
  pooled: Float32Array;
}

export interface LoadProgress {
  file: string;
  status: "initiate" | "download" | "progress" | "done" | "ready";
  /** 0..100 for status "progress" */
  progress?: number;
  loaded?: number;
  total?: number;
}

export interface LoadOptions extends ModelOptions {
  onProgress?: (p: LoadProgress) => void;
  /** answers whether a model file exists (fs in Node, HEAD requests in the browser) */
  fileExists?: (relativePath: string) => Promise<boolean>;
  /** false loads the image encoder only (extra pool workers: half the memory) */
  textEncoder?: boolean;
}

type Loaded<T extends { from_pretrained: (...a: never[]) => unknown }> = Awaited<ReturnType<T["from_pretrained"]>>;

export class ClipModel {
  private constructor(
    readonly modelVersion: string,
    readonly preprocess: PreprocessorConfig,
    private readonly vision: Loaded<typeof CLIPVisionModelWithProjection>,
    private readonly textEncoder: {
      model: Loaded<typeof CLIPTextModelWithProjection>;
      tokenizer: Loaded<typeof AutoTokenizer>;
    } | null,
  ) {}

  static async load(options: LoadOptions): Promise<ClipModel> {
    const { source } = options;
    const quantized = options.quantized ?? true;
    const withText = options.textEncoder ?? true;
    let name: string;
    if (source.kind === "hub") {
      env.allowRemoteModels = true;
      env.allowLocalModels = false;
      name = source.modelId;
    } else {
      const folder = source.path.replace(/[\\/]+$/, "");
      const cut = Math.max(folder.lastIndexOf("/"), folder.lastIndexOf("\\"));
      env.allowRemoteModels = false;
      env.allowLocalModels = true;
      env.localModelPath = folder.slice(0, cut + 1);
      name = folder.slice(cut + 1);
      if (options.fileExists) {
        const missing: string[] = [];
        const needed = requiredModelFiles(quantized, withText);
        for (const file of needed) if (!(await options.fileExists(file))) missing.push(file);
        if (missing.length) {
          throw new EmbeddingError(
            "MODEL_INCOMPLETE",
            `The model folder ${source.path} is missing ${missing.join(", ")}. Copy the complete model folder ` +
              `(${requiredModelFiles(quantized).join(", ")}) or switch the model source to the Hugging Face hub.`,
          );
        }
      }
    }
    // transformers.js v2 mutates the options object it is given: a fresh one per call.
    const opts = () => ({ quantized, progress_callback: options.onProgress });
    try {
      const [vision, processor, textEncoder] = await Promise.all([
        CLIPVisionModelWithProjection.from_pretrained(name, opts()),
        AutoProcessor.from_pretrained(name, opts()),
        withText
          ? Promise.all([
              CLIPTextModelWithProjection.from_pretrained(name, opts()),
              AutoTokenizer.from_pretrained(name, opts()),
            ]).then(([model, tokenizer]) => ({ model, tokenizer }))
          : null,
      ]);
      const preprocess = preprocessorConfigFrom(
        (processor as unknown as { feature_extractor: { config: Record<string, unknown> } }).feature_extractor.config,
      );
      return new ClipModel(modelVersionOf(modelIdOf(source), quantized), preprocess, vision, textEncoder);
    } catch (e) {
      if (e instanceof EmbeddingError) throw e;
      const tried = describeSource(source);
      const fix =
        source.kind === "hub"
          ? "Check the internet connection, or ask your admin for an offline model folder (Settings → Model source)."
          : "Check that the folder exists and holds a complete CLIP model, or switch to the Hugging Face hub.";
      throw new EmbeddingError(
        "MODEL_UNAVAILABLE",
        `Could not load the CLIP model from ${tried}: ${(e as Error).message}. ${fix}`,
      );
    }
  }

  /** Frames of one clip as one batch; each embedding L2-normalized, 512-d. */
  async embedImages(pixels: Float32Array[]): Promise<Float32Array[]> {
    if (pixels.length === 0) return [];
    const { crop } = this.preprocess;
    const plane = 3 * crop * crop;
    const batch = new Float32Array(plane * pixels.length);
    pixels.forEach((p, i) => {
      if (p.length !== plane)
        throw new EmbeddingError("INFERENCE_FAILED", `frame ${i} has ${p.length} values, expected ${plane}`);
      batch.set(p, i * plane);
    });
    try {
      const { image_embeds } = await this.vision({
        pixel_values: new Tensor("float32", batch, [pixels.length, 3, crop, crop]),
      });
      return split(image_embeds as Tensor, pixels.length);
    } catch (e) {
      throw new EmbeddingError("INFERENCE_FAILED", `CLIP image inference failed: ${(e as Error).message}`);
    }
  }

  /** A clip's frames embedded as one batch, pooled into the clip's embedding. */
  async embedClip(framePixels: Float32Array[]): Promise<ClipEmbedding> {
    const frames = await this.embedImages(framePixels);
    return { modelVersion: this.modelVersion, frames, pooled: meanEmbedding(frames) };
  }

  async embedTexts(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const { model, tokenizer } = this.text();
    const inputs = tokenizer(texts, { padding: true, truncation: true });
    const { text_embeds } = await model(inputs);
    return split(text_embeds as Tensor, texts.length);
  }

  tokenize(text: string): number[] {
    return (this.text().tokenizer(text).input_ids as Tensor).tolist()[0].map(Number);
  }

  private text() {
    if (!this.textEncoder)
      throw new EmbeddingError("MODEL_UNAVAILABLE", "This encoder was loaded without its text encoder.");
    return this.textEncoder;
  }
}

function split(t: Tensor, n: number): Float32Array[] {
  const data = t.data as Float32Array;
  const dims = data.length / n;
  return Array.from({ length: n }, (_, i) => l2normalize(data.subarray(i * dims, (i + 1) * dims)));
}
