import { describe, expect, it } from "vitest";
import { modelSourceFrom, progressTracker } from "../../src/panel/model-loading";

describe("model source from the studio config", () => {
  it("defaults to the hub's CLIP ViT-B/32 and honours folder and bundled sources", () => {
    expect(modelSourceFrom(null)).toEqual({ kind: "hub", modelId: "Xenova/clip-vit-base-patch32" });
    expect(modelSourceFrom({ model: { source: "folder", path: "//nas/models/clip" } })).toEqual({
      kind: "folder",
      path: "//nas/models/clip",
      modelId: undefined,
    });
    expect(modelSourceFrom({ model: { source: "bundled" } })).toEqual({
      kind: "bundled",
      path: "../model",
      modelId: undefined,
    });
  });
});

describe("download progress across the model's files", () => {
  it("weights each file by its size and reaches 100 when all are done", () => {
    const track = progressTracker();
    // relative to the files whose size is known so far (downloads start in parallel)
    expect(track({ file: "onnx/vision_model_quantized.onnx", status: "progress", loaded: 44, total: 88 })).toBe(50);
    expect(track({ file: "onnx/text_model_quantized.onnx", status: "progress", loaded: 0, total: 64 })).toBe(29);
    expect(track({ file: "onnx/vision_model_quantized.onnx", status: "done", loaded: 88, total: 88 })).toBe(58);
    expect(track({ file: "onnx/text_model_quantized.onnx", status: "done" })).toBe(100);
    expect(track({ file: "config.json", status: "ready" })).toBe(100);
  });
});
