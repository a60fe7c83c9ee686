// Which inference path the panel runs, with fake paths: native when it loads, the WASM pool
// with the reason when native refuses, and one clear error when neither can run.
import { describe, expect, it } from "vitest";
import { EmbeddingError } from "../../src/lib/embedding/embedding-error";
import type { ModelOptions } from "../../src/lib/embedding/model-source";
import type { Embedder, EmbedderPath } from "../../src/panel/embedding/embedder";
import { SelectingEmbedder } from "../../src/panel/embedding/select-embedder";

const options: ModelOptions = { source: { kind: "folder", path: "/models/clip" }, quantized: true };

type FakePath = Embedder & { terminated: boolean; loads: number; failure: string | null; die(reason: string): void };

function fakePath(path: EmbedderPath, loadError?: Error): FakePath {
  return {
    path,
    detail: path === "native" ? "native (onnxruntime-node)" : "WASM, 2 workers, no SIMD",
    terminated: false,
    loads: 0,
    failure: null,
    die(reason) {
      this.failure = reason; // as NativeEmbedder: its thread is gone, every call fails
    },
    async load() {
      this.loads++;
      if (this.failure) throw new EmbeddingError("BACKEND_UNAVAILABLE", this.failure);
      if (loadError) throw loadError;
      return { modelVersion: "local/clip@q8", threads: path === "native" ? 2 : 2, path };
    },
    async embedClip() {
      if (this.failure) throw new EmbeddingError("BACKEND_UNAVAILABLE", this.failure);
      const v = new Float32Array(path === "native" ? [1, 0] : [0, 1]);
      return { modelVersion: "local/clip@q8", frames: [v], clip: v, timings: { decodeMs: 0, inferenceMs: 0 } };
    },
    async embedTexts() {
      if (this.failure) throw new EmbeddingError("BACKEND_UNAVAILABLE", this.failure);
      return [new Float32Array(path === "native" ? [1, 0] : [0, 1])];
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
    expect((await embedder.embedClip([new Blob(["x"])])).clip).toEqual(new Float32Array([1, 0]));
  });

  it("falls back to the WASM pool when the native binary refuses to load, and says why", async () => {
    const refused = new EmbeddingError(
      "BACKEND_UNAVAILABLE",
      "the native encoder thread failed: The module was compiled against a different Node.js version",
    );
    const native = fakePath("native", refused);
    native.failure = refused.message; // the thread failed at start-up
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

  it("keeps one native embedder for the session: a model change reloads it, nothing new is made", async () => {
    const native = fakePath("native");
    let made = 0;
    const embedder = new SelectingEmbedder({
      native: () => (made++, native),
      pool: () => fakePath("wasm-pool"),
    });
    await embedder.load(options);
    await embedder.load({ ...options, quantized: false });
    expect({ made, loads: native.loads, terminated: native.terminated }).toEqual({
      made: 1,
      loads: 2,
      terminated: false,
    });
    expect(embedder.path).toBe("native");
  });

  it("a native model that fails to load leaves the thread for the next model", async () => {
    const native = fakePath("native");
    const embedder = new SelectingEmbedder({ native: () => native, pool: () => fakePath("wasm-pool") });
    const load = native.load.bind(native);
    native.load = async (o) => {
      if (o.source.kind === "folder" && o.source.path === "/models/broken")
        throw new EmbeddingError("MODEL_UNAVAILABLE", "Could not load the CLIP model: EISDIR");
      return load(o);
    };
    expect(await embedder.load({ source: { kind: "folder", path: "/models/broken" } })).toMatchObject({
      path: "wasm-pool",
      reason: "Could not load the CLIP model: EISDIR",
    });
    expect(await embedder.load(options)).toMatchObject({ path: "native" });
    expect(embedder.detail).toBe("native (onnxruntime-node)");
  });

  it("when the native thread dies, answers the call with the WASM pool and stays there for the session", async () => {
    const native = fakePath("native");
    const pools: FakePath[] = [];
    const embedder = new SelectingEmbedder({
      native: () => native,
      pool: () => {
        pools.push(fakePath("wasm-pool"));
        return pools[pools.length - 1];
      },
    });
    await embedder.load(options);
    native.die("the native encoder thread exited (code 1)");
    const [a, b] = await Promise.all([embedder.embedClip([new Blob(["x"])]), embedder.embedTexts(["y"])]);
    expect(a.clip).toEqual(new Float32Array([0, 1])); // the pool's answer
    expect(b).toEqual([new Float32Array([0, 1])]);
    expect(pools).toHaveLength(1); // both calls saw the death; one pool took over
    expect(native.terminated).toBe(true);
    expect(embedder.path).toBe("wasm-pool");
    expect(embedder.detail).toBe(
      "WASM, 2 workers, no SIMD (native not used: the native encoder thread exited (code 1); WASM for the rest of this session)",
    );
    expect(await embedder.load(options)).toMatchObject({ path: "wasm-pool" });
    expect(native.loads).toBe(1);
  });

  it("an error from a living native thread (a bad frame) stays that call's error", async () => {
    const native = fakePath("native");
    native.embedClip = async () => {
      throw new EmbeddingError("IMAGE_UNREADABLE", "frame 1 is empty");
    };
    const embedder = new SelectingEmbedder({ native: () => native, pool: () => fakePath("wasm-pool") });
    await embedder.load(options);
    await expect(embedder.embedClip([new Blob([])])).rejects.toMatchObject({ code: "IMAGE_UNREADABLE" });
    expect(embedder.path).toBe("native");
  });
});
