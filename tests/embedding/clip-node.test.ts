// CLIP embeddings in Node (onnxruntime-node) with the tiny random model: real loading code,
// real tokenizer, real preprocessing.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ClipModel, EmbeddingError, cosine, meanEmbedding, requiredModelFiles } from "../../src/lib/embedding";
import { decodeImageForClip } from "../../src/lib/embedding/node/decode-image";
import { noisePng } from "../helpers/noise-image";
import { sampleMedia } from "../../src/testing/sample-media";
import { TINY_CLIP_DIR, tinyClip } from "../../src/testing/tiny-clip";

const norm = (v: Float32Array) => Math.hypot(...v);

const testImage = (seed: number) => noisePng(320, 180, seed);

describe("CLIP in Node with the tiny test model", () => {
  it("names the model and precision in model_version", async () => {
    expect((await tinyClip(true)).modelVersion).toBe("local/tiny-random-clip@q8");
    expect((await tinyClip(false)).modelVersion).toBe("local/tiny-random-clip@fp32");
  });

  it("gives the same, normalized, 512-d embedding for the same image", async () => {
    const model = await tinyClip();
    const png = await testImage(1);
    const [a] = await model.embedImages([await decodeImageForClip(png, model.preprocess)]);
    const [b] = await model.embedImages([await decodeImageForClip(png, model.preprocess)]);
    expect(a).toHaveLength(512);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(norm(a)).toBeCloseTo(1, 5);
  });

  it("a batch gives the same embeddings as single calls (fp32 exactly; int8 within its quantization)", async () => {
    for (const quantized of [false, true]) {
      const model = await tinyClip(quantized);
      const pixels = await Promise.all(
        [1, 2, 3].map(async (s) => decodeImageForClip(await testImage(s), model.preprocess)),
      );
      const batch = await model.embedImages(pixels);
      for (let i = 0; i < 3; i++) {
        const [single] = await model.embedImages([pixels[i]]);
        if (quantized) {
          // DynamicQuantizeLinear picks one activation scale per tensor, i.e. per batch
          expect(cosine(batch[i], single)).toBeGreaterThan(0.999);
        } else {
          for (let d = 0; d < 512; d++) expect(batch[i][d]).toBeCloseTo(single[d], 5);
        }
      }
      expect(cosine(batch[0], batch[1])).toBeLessThan(0.9999); // different images differ
    }
  });

  it("pools a clip's frames as the renormalized mean and keeps each frame", async () => {
    const model = await tinyClip();
    const pixels = await Promise.all(
      [4, 5, 6, 7, 8].map(async (s) => decodeImageForClip(await testImage(s), model.preprocess)),
    );
    const clip = await model.embedClip(pixels);
    expect(clip.frames).toHaveLength(5);
    expect(norm(clip.pooled)).toBeCloseTo(1, 5);
    const manual = new Float32Array(512);
    for (const f of clip.frames) for (let d = 0; d < 512; d++) manual[d] += f[d] / 5;
    const scale = Math.hypot(...manual);
    for (let d = 0; d < 512; d++) expect(clip.pooled[d]).toBeCloseTo(manual[d] / scale, 5);
    expect(Array.from(meanEmbedding([clip.frames[0]]))).toEqual(Array.from(clip.frames[0]));
  });

  it('tokenizes "a photo of a cat" exactly as CLIP does', async () => {
    expect((await tinyClip()).tokenize("a photo of a cat")).toEqual([49406, 320, 1125, 539, 320, 2368, 49407]);
  });

  it("embeds text queries, normalized and 512-d, with non-Latin text", async () => {
    const [a, b] = await (await tinyClip()).embedTexts(["kitchen oven cleaning", "Küche — 日本語 🍳"]);
    expect(a).toHaveLength(512);
    expect(norm(a)).toBeCloseTo(1, 5);
    expect(norm(b)).toBeCloseTo(1, 5);
  });

  it("embeds real frames: the sample still JPEG and a 16-bit TIFF", async () => {
    const model = await tinyClip();
    const jpg = await decodeImageForClip(sampleMedia().still.path, model.preprocess);
    const tiff = path.join(os.tmpdir(), `rl-16bit-${process.pid}.tif`);
    execFileSync("ffmpeg", [
      "-loglevel",
      "error",
      "-y",
      "-f",
      "lavfi",
      "-i",
      "testsrc2=size=640x480",
      "-frames:v",
      "1",
      "-pix_fmt",
      "rgb48le",
      tiff,
    ]);
    expect((await sharp(tiff).metadata()).depth).toBe("ushort");
    const [e1, e2] = await model.embedImages([jpg, await decodeImageForClip(tiff, model.preprocess)]);
    expect(norm(e1)).toBeCloseTo(1, 5);
    expect(norm(e2)).toBeCloseTo(1, 5);
  });
});

describe("bad input gets a clear error", () => {
  it("an empty image", async () => {
    const model = await tinyClip();
    await expect(decodeImageForClip(Buffer.alloc(0), model.preprocess)).rejects.toMatchObject({
      code: "IMAGE_UNREADABLE",
      message: expect.stringContaining("empty"),
    });
  });

  it("a corrupt image", async () => {
    const model = await tinyClip();
    const png = await testImage(3);
    const corrupt = Buffer.concat([png.subarray(0, 60), Buffer.alloc(200, 0x41)]);
    const error = await decodeImageForClip(corrupt, model.preprocess).catch((e) => e);
    expect(error).toBeInstanceOf(EmbeddingError);
    expect(error.message).toMatch(/Could not read image data/);
  });

  it("a 12000×8000 still decodes and embeds", async () => {
    const model = await tinyClip();
    const big = await sharp({
      create: { width: 12000, height: 8000, channels: 3, background: { r: 200, g: 80, b: 20 } },
    })
      .jpeg()
      .toBuffer();
    const [e] = await model.embedImages([await decodeImageForClip(big, model.preprocess)]);
    expect(norm(e)).toBeCloseTo(1, 5);
  });

  it("a model folder with a missing file says which file and how to fix it", async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), "rl-model-"));
    for (const f of requiredModelFiles(true)) {
      if (f === "onnx/vision_model_quantized.onnx") continue;
      fs.mkdirSync(path.dirname(path.join(broken, f)), { recursive: true });
      fs.copyFileSync(path.join(TINY_CLIP_DIR, f), path.join(broken, f));
    }
    const error = await ClipModel.load({
      source: { kind: "folder", path: broken },
      fileExists: async (rel) => fs.existsSync(path.join(broken, rel)),
    }).catch((e) => e);
    expect(error).toMatchObject({
      code: "MODEL_INCOMPLETE",
      message: expect.stringContaining("missing onnx/vision_model_quantized.onnx"),
    });
    // without the pre-check, the loader's own failure is still explained
    const error2 = await ClipModel.load({ source: { kind: "folder", path: broken } }).catch((e) => e);
    expect(error2).toMatchObject({ code: "MODEL_UNAVAILABLE", message: expect.stringContaining(broken) });
    expect(error2.message).toContain("Check that the folder exists");
  });

  it("loads the image encoder alone (extra pool workers) and then refuses texts", async () => {
    const imageOnly = fs.mkdtempSync(path.join(os.tmpdir(), "rl-model-"));
    for (const f of requiredModelFiles(true, false)) {
      fs.mkdirSync(path.dirname(path.join(imageOnly, f)), { recursive: true });
      fs.copyFileSync(path.join(TINY_CLIP_DIR, f), path.join(imageOnly, f));
    }
    const model = await ClipModel.load({
      source: { kind: "folder", path: imageOnly, modelId: "local/tiny-random-clip" },
      textEncoder: false,
      fileExists: async (rel) => fs.existsSync(path.join(imageOnly, rel)),
    });
    const png = await testImage(3);
    const full = await tinyClip();
    const [a] = await model.embedImages([await decodeImageForClip(png, model.preprocess)]);
    const [b] = await full.embedImages([await decodeImageForClip(png, full.preprocess)]);
    expect(cosine(a, b)).toBeGreaterThan(0.9999);
    await expect(model.embedTexts(["a cat"])).rejects.toMatchObject({ code: "MODEL_UNAVAILABLE" });
  });
});
