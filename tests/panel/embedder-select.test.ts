// Which inference path the panel runs, with fake paths: native when it loads, the WASM pool
// with the reason when native refuses, and one clear error when neither can run.
import { describe, expect, it } from "vitest";
import { EmbeddingError } from "../../src/lib/embedding/embedding-error";
import type { ModelOptions } from "../../src/lib/embedding/model-source";
import type { Embedder, EmbedderPath } from "../../src/panel/embedding/embedder";
import { SelectingEmbedder } from "../../src/panel/embedding/select-embedder";

const options: ModelOptions = { source: { kind: "folder", path: "/models/clip" }, quantized: true };

function fakePath(path: EmbedderPath, loadError?: Error): Embedder & { terminated: boolean } {
  return {
    path,
    detail: path === "native" ? "native (onnxruntime-node)" : "WASM, 2 workers, no SIMD",
    terminated: false,
    async load() {
      if (loadError) throw loadError;
      return { modelVersion: "local/clip@q8", threads: path === "native" ? 2 : 2, path };
    },
    async embedClip() {
      const v = new Float32Array([1, 0]);
      return { modelVersion: "local/clip@q8", frames: [v], pooled: v, timings: { decodeMs: 0, inferenceMs: 0 } };
    },
    async embedTexts() {
      return [];
    },
    terminate() {
      this.terminated = true;
    },
  };
}

describe("choosing the inference path", () => {
  it("runs native when native loads", async () => {
    const embedder = new SelectingEmbedder({ native: () => fakePath("native"), pool: () => fakePath("wasm-pool") });
    const info = await embedder.load(options);
    expect(info).toEqual({ modelVersion: "local/clip@q8", threads: 2, path: "native" });
    expect(embedder.path).toBe("native");
    expect(embedder.detail).toBe("native (onnxruntime-node)");
    expect((await embedder.embedClip([new Blob(["x"])])).pooled).toEqual(new Float32Array([1, 0]));
  });

  it("falls back to the WASM pool when the native binary refuses to load, and says why", async () => {
    const refused = new EmbeddingError(
      "BACKEND_UNAVAILABLE",
      "the native encoder thread failed: The module was compiled against a different Node.js version",
    );
    const native = fakePath("native", refused);
    const embedder = new SelectingEmbedder({ native: () => native, pool: () => fakePath("wasm-pool") });
    const info = await embedder.load(options);
    expect(info.path).toBe("wasm-pool");
    expect(info.reason).toMatch(/compiled against a different Node\.js version/);
    expect(native.terminated).toBe(true);
    expect(embedder.path).toBe("wasm-pool");
    expect(embedder.detail).toMatch(/^WASM, 2 workers, no SIMD \(native not used: .*different Node\.js version\)$/);
  });

  it("falls back when native cannot even be tried (no Node, missing binary)", async () => {
    const embedder = new SelectingEmbedder({
      native: () => "the extension has no onnxruntime-node binary for linux-arm64",
      pool: () => fakePath("wasm-pool"),
    });
    expect(await embedder.load(options)).toMatchObject({
      path: "wasm-pool",
      reason: "the extension has no onnxruntime-node binary for linux-arm64",
    });
  });

  it("answers BACKEND_UNAVAILABLE naming both reasons when neither path runs, and keeps working after", async () => {
    const embedder = new SelectingEmbedder({
      native: () => "no Node.js in this page (a browser, or CEP without --enable-nodejs)",
      pool: () => fakePath("wasm-pool", new EmbeddingError("BACKEND_UNAVAILABLE", "no available backend found")),
    });
    const error = await embedder.load(options).catch((e: EmbeddingError) => e);
    expect(error).toBeInstanceOf(EmbeddingError);
    expect(error).toMatchObject({ code: "BACKEND_UNAVAILABLE" });
    expect((error as Error).message).toMatch(/Native: no Node\.js in this page.*WASM: no available backend found/);
    await expect(embedder.embedTexts(["a"])).rejects.toMatchObject({ code: "MODEL_UNAVAILABLE" });
  });

  it("does not try WASM for a model folder missing files: the folder is the problem", async () => {
    let poolTried = false;
    const embedder = new SelectingEmbedder({
      native: () =>
        fakePath("native", new EmbeddingError("MODEL_INCOMPLETE", "missing onnx/text_model_quantized.onnx")),
      pool: () => {
        poolTried = true;
        return fakePath("wasm-pool");
      },
    });
    await expect(embedder.load(options)).rejects.toMatchObject({ code: "MODEL_INCOMPLETE" });
    expect(poolTried).toBe(false);
  });

  it("keeps the pool's model error when native failed for another reason", async () => {
    const embedder = new SelectingEmbedder({
      native: () => "turned off",
      pool: () => fakePath("wasm-pool", new EmbeddingError("MODEL_UNAVAILABLE", "hub offline")),
    });
    await expect(embedder.load(options)).rejects.toMatchObject({ code: "MODEL_UNAVAILABLE", message: "hub offline" });
  });
});
