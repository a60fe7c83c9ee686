// The WASM pool's scheduling with fake workers (real onnxruntime-web workers are covered in
// tests/e2e/embedding-worker.test.ts): frames spread across workers and returned in order
// under concurrency, a dead worker replaced and its frame retried once, sizing by memory.
import { describe, expect, it } from "vitest";
import type { LoadProgress } from "../../src/lib/embedding/clip-model";
import { cosine, meanEmbedding } from "../../src/lib/embedding/pooling";
import type { RpcPort } from "../../src/lib/embedding/rpc";
import { poolSize, workerMemoryMb } from "../../src/panel/embedding/pool-size";
import type { WorkerRequest, WorkerResponse } from "../../src/panel/embedding/protocol";
import { WasmPoolEmbedder } from "../../src/panel/embedding/wasm-pool";
import { until } from "../../src/testing/until";

const options = { source: { kind: "folder" as const, path: "/models/clip" }, quantized: true };
const MODEL_BYTES = 236 * 2 ** 20;
const IMAGE_BYTES = 95 * 2 ** 20;

/** A frame's fake embedding: its text's first char code, so order mistakes show. */
const vectorOf = async (blob: Blob) => new Float32Array([(await blob.text()).charCodeAt(0), 1]);

interface FakeWorker {
  id: number;
  jobs: string[];
  /** loaded with the text encoder */
  text?: boolean;
  /** dies (like an uncaught error in the worker) when asked to embed this frame text */
  dieOn?: string;
}

function fakeWorkers(plan: { dieOn?: (workerId: number) => string | undefined; delay?: () => number } = {}) {
  const started: FakeWorker[] = [];
  const createPort = (): RpcPort => {
    const worker: FakeWorker = { id: started.length + 1, jobs: [], dieOn: plan.dieOn?.(started.length + 1) };
    started.push(worker);
    let onMessage: (m: unknown) => void = () => {};
    let onFailure: (reason: string) => void = () => {};
    let alive = true;
    const reply = (m: WorkerResponse) => setTimeout(() => alive && onMessage(m), plan.delay?.() ?? 1);
    return {
      post(message) {
        const r = message as WorkerRequest;
        if (r.type === "load") {
          worker.text = r.textEncoder;
          const progress: LoadProgress = { file: "onnx/vision_model_quantized.onnx", status: "done", total: 1 };
          reply({ id: r.id, progress });
          reply({
            id: r.id,
            type: "load",
            ok: true,
            result: {
              modelVersion: "local/clip@q8",
              preprocess: { size: 224, crop: 224, mean: [0, 0, 0], std: [1, 1, 1] },
              threads: 1,
              simd: false,
              modelBytes: r.textEncoder ? MODEL_BYTES : IMAGE_BYTES,
              imageEncoderBytes: IMAGE_BYTES,
            },
          });
        } else if (r.type === "embedImages") {
          void r.images[0].text().then(async (text) => {
            worker.jobs.push(text);
            if (text === worker.dieOn) {
              alive = false;
              return setTimeout(() => onFailure(`embedding worker failed: out of memory`), 1);
            }
            reply({
              id: r.id,
              type: "embedImages",
              ok: true,
              result: { frames: [await vectorOf(r.images[0])], decodeMs: 1, inferenceMs: 2 },
            });
          });
        } else if (r.type === "embedTexts") {
          if (!worker.text) throw new Error(`worker ${worker.id} has no text encoder`);
          reply({ id: r.id, type: "embedTexts", ok: true, result: r.texts.map(() => new Float32Array([0, 1])) });
        }
      },
      onMessage: (l) => (onMessage = l),
      onFailure: (l) => (onFailure = l),
      terminate: () => (alive = false),
    };
  };
  return { started, createPort };
}

const frames = (texts: string) => [...texts].map((t) => new Blob([t]));

describe("WASM worker pool", () => {
  it("starts one worker per core up to the setting, each with one thread", async () => {
    const { started, createPort } = fakeWorkers();
    const pool = new WasmPoolEmbedder({ createPort, hardwareConcurrency: 8, maxWorkers: 3 });
    const progress: LoadProgress[] = [];
    const info = await pool.load(options, (p) => progress.push(p));
    expect(info).toEqual({ modelVersion: "local/clip@q8", threads: 3, path: "wasm-pool" });
    expect(started).toHaveLength(3);
    expect(pool.detail).toBe("WASM, 3 workers, no SIMD");
    expect(pool.size).toMatchObject({ workers: 3, limitedBy: "setting" });
    expect(progress).toHaveLength(1); // only the first worker reports load progress
  });

  it("spreads a clip's frames across workers and returns them in frame order under concurrency", async () => {
    const { started, createPort } = fakeWorkers({ delay: () => Math.random() * 15 });
    const pool = new WasmPoolEmbedder({ createPort, hardwareConcurrency: 2 });
    await pool.load(options);
    const seen: number[] = [];
    const [a, b] = await Promise.all([
      pool.embedClip(frames("ABCDE"), undefined, (i) => seen.push(i)),
      pool.embedClip(frames("vwxyz")),
    ]);
    expect(a.frames.map((f) => String.fromCharCode(f[0]))).toEqual([..."ABCDE"]);
    expect(b.frames.map((f) => String.fromCharCode(f[0]))).toEqual([..."vwxyz"]);
    expect(cosine(a.pooled, meanEmbedding(a.frames))).toBeCloseTo(1, 6);
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4]);
    expect(started.every((w) => w.jobs.length > 0)).toBe(true);
    expect(started.flatMap((w) => w.jobs).sort()).toEqual([..."ABCDEvwxyz"].sort());
  });

  it("replaces a worker that dies mid-clip and retries its frame once", async () => {
    const { started, createPort } = fakeWorkers({ dieOn: (id) => (id === 1 ? "C" : undefined) });
    const pool = new WasmPoolEmbedder({ createPort, hardwareConcurrency: 2 });
    await pool.load(options);
    const result = await pool.embedClip(frames("ABCDE"));
    expect(result.frames.map((f) => String.fromCharCode(f[0]))).toEqual([..."ABCDE"]);
    expect(started).toHaveLength(3); // two at load, one replacement
    expect(started.filter((w) => w.jobs.includes("C"))).toHaveLength(2); // died on it, then retried elsewhere
    expect(pool.detail).toBe("WASM, 2 workers, no SIMD");
  });

  it("gives up with INFERENCE_FAILED naming the frame when it kills a worker twice", async () => {
    const { createPort } = fakeWorkers({ dieOn: () => "C" });
    const pool = new WasmPoolEmbedder({ createPort, hardwareConcurrency: 2 });
    await pool.load(options);
    await expect(pool.embedClip(frames("ABC"), ["a.png", "b.png", "c.png"])).rejects.toMatchObject({
      code: "INFERENCE_FAILED",
      message: expect.stringMatching(/^c\.png: the embedding worker died twice \(.*out of memory\)$/),
    });
    // the pool still works for the next clip
    expect((await pool.embedClip(frames("AB"))).frames).toHaveLength(2);
  });

  it("loads the text encoder in the first worker only, and embeds texts there", async () => {
    const { started, createPort } = fakeWorkers();
    const pool = new WasmPoolEmbedder({ createPort, hardwareConcurrency: 3 });
    await expect(pool.embedClip(frames("A"))).rejects.toMatchObject({ code: "MODEL_UNAVAILABLE" });
    await pool.load(options);
    expect(started.map((w) => w.text)).toEqual([true, false, false]);
    expect(await pool.embedTexts(["a cat"])).toEqual([new Float32Array([0, 1])]);
  });

  it("replaces a dead text worker with another text worker", async () => {
    const { started, createPort } = fakeWorkers({ dieOn: (id) => (id === 1 ? "A" : undefined) });
    const pool = new WasmPoolEmbedder({ createPort, hardwareConcurrency: 1 });
    await pool.load(options);
    await pool.embedClip(frames("A"));
    expect(started.map((w) => w.text)).toEqual([true, true]);
    expect(await pool.embedTexts(["a cat"])).toHaveLength(1);
  });

  it("stops workers that finish loading after terminate(), and says the load was stopped", async () => {
    const { createPort } = fakeWorkers({ delay: () => 20 });
    const terminated: number[] = [];
    let n = 0;
    const pool = new WasmPoolEmbedder({
      createPort: () => {
        const port = createPort();
        const id = ++n;
        return { ...port, terminate: () => (terminated.push(id), port.terminate()) };
      },
      hardwareConcurrency: 2,
    });
    const loading = pool.load(options);
    // after the first worker, while the second loads
    void until(() => n === 2, "the second worker").then(() => pool.terminate());
    await expect(loading).rejects.toMatchObject({ code: "INFERENCE_FAILED", message: /stopped while loading/ });
    expect(terminated.sort()).toEqual([1, 2]);
    expect(pool.detail).toBe("WASM (not loaded)");
  });
});

describe("pool size", () => {
  it("is capped at four workers by default, by cores, and by a quarter of the device memory", () => {
    expect(poolSize({ hardwareConcurrency: 16, modelBytes: MODEL_BYTES })).toMatchObject({
      workers: 4,
      limitedBy: "setting",
    });
    expect(poolSize({ hardwareConcurrency: 2, modelBytes: MODEL_BYTES })).toMatchObject({
      workers: 2,
      limitedBy: "cores",
    });
    // the first worker holds both encoders, the others the image encoder only
    const first = workerMemoryMb(MODEL_BYTES, "first");
    const other = workerMemoryMb(IMAGE_BYTES, "other");
    expect(other).toBeLessThan(first);
    const twoFit = Math.ceil(((first + other) * 4) / 1024);
    const input = { hardwareConcurrency: 8, modelBytes: MODEL_BYTES, imageEncoderBytes: IMAGE_BYTES };
    expect(poolSize({ ...input, deviceMemoryGb: twoFit })).toMatchObject({ workers: 2, limitedBy: "memory" });
    // Chromium reports at most 8 GB: a 2 GB budget holds the ViT-B/32 pool of four (measured
    // about 1.1 GB + 3 × 0.27 GB); 4 GB holds one worker
    expect(poolSize({ ...input, deviceMemoryGb: 8 })).toMatchObject({ workers: 4, limitedBy: "setting" });
    expect(poolSize({ ...input, deviceMemoryGb: 4 })).toMatchObject({ workers: 1, limitedBy: "memory" });
    // never zero: one worker runs even when memory is short
    expect(poolSize({ hardwareConcurrency: 8, deviceMemoryGb: 0.25, modelBytes: MODEL_BYTES }).workers).toBe(1);
  });
});
