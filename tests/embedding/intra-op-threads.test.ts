// The native encoder thread's onnxruntime thread count (src/lib/embedding/node/intra-op-threads.ts):
// sessions created after useIntraOpThreads — as transformers.js creates them, without options —
// reach onnxruntime-node's backend with the count.
import path from "node:path";
import { InferenceSession } from "onnxruntime-node";
import { onnxruntimeBackend } from "onnxruntime-node/dist/backend";
import { describe, expect, it, vi } from "vitest";
import { defaultIntraOpThreads, useIntraOpThreads } from "../../src/lib/embedding/node/intra-op-threads";
import { TINY_CLIP_DIR } from "../../src/testing/tiny-clip";

describe("intra-op threads of the native encoder", () => {
  it("uses half the cores, at least one and at most four", () => {
    expect([1, 2, 3, 4, 8, 16].map(defaultIntraOpThreads)).toEqual([1, 1, 1, 2, 4, 4]);
  });

  it("passes the count to every session created afterwards, and is set only once", async () => {
    const create = vi.spyOn(onnxruntimeBackend, "createSessionHandler");
    useIntraOpThreads(1); // wraps the spy: the spy sees what onnxruntime-node's backend is given
    const session = await InferenceSession.create(path.join(TINY_CLIP_DIR, "onnx/vision_model_quantized.onnx"), {
      executionProviders: ["cpu"],
    });
    expect(session.inputNames).toEqual(["pixel_values"]);
    expect(create).toHaveBeenCalledWith(expect.any(String), { executionProviders: ["cpu"], intraOpNumThreads: 1 });
    expect(() => useIntraOpThreads(2)).toThrow("set once per thread");
  });
});
