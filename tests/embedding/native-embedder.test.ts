// The native path's Node side run directly under this Node, as CEP's page would run it: the
// built encoder thread (dist/cep/native) with onnxruntime-node, started through the page's
// require. CEP's own Node lines: native-cep-node.test.ts. Native vs WASM parity is in
// tests/e2e/embedding-worker.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import sirv from "sirv";
import { afterAll, describe, expect, it } from "vitest";
import { cosine } from "../../src/lib/embedding";
import { decodeImageForClip } from "../../src/lib/embedding/node/decode-image";
import { defaultIntraOpThreads } from "../../src/lib/embedding/node/intra-op-threads";
import { modelFolderOnDisk } from "../../src/panel/embedding/native/model-folder";
import { NativeEmbedder } from "../../src/panel/embedding/native/native-embedder";
import { nativeProblem } from "../../src/panel/embedding/native/page-node";
import { SelectingEmbedder } from "../../src/panel/embedding/select-embedder";
import { cepNode, nativeCopy, pageUrl, sharpDecode } from "../../src/testing/cep-node";
import { noisePng } from "../helpers/noise-image";
import { TINY_CLIP_DIR, tinyClip } from "../../src/testing/tiny-clip";

const node = cepNode();
const started: NativeEmbedder[] = [];
function nativeEmbedder(extensionUrl = pageUrl()): NativeEmbedder {
  const embedder = new NativeEmbedder({
    node,
    pageUrl: extensionUrl,
    decode: sharpDecode,
    modelFolder: modelFolderOnDisk(node, extensionUrl),
  });
  started.push(embedder);
  return embedder;
}
afterAll(() => started.forEach((e) => e.terminate()));

const folder = { source: { kind: "folder" as const, path: TINY_CLIP_DIR }, quantized: true };

describe("native embedder (onnxruntime-node in a worker thread)", () => {
  it("is available from the built extension on this platform", () => {
    expect(nativeProblem(node, pageUrl())).toBeNull();
  });

  it("loads a model folder and embeds a clip like ClipModel in Node, frame by frame", async () => {
    const embedder = nativeEmbedder();
    const info = await embedder.load(folder);
    expect(info).toEqual({
      modelVersion: "local/tiny-random-clip@q8",
      threads: defaultIntraOpThreads(os.cpus().length),
      path: "native",
    });
    const model = await tinyClip(true);
    const pngs = await Promise.all([1, 2, 3, 4, 5].map((s) => noisePng(320, 180, s)));
    const ready: number[] = [];
    const result = await embedder.embedClip(
      pngs.map((p) => new Blob([new Uint8Array(p)], { type: "image/png" })),
      undefined,
      (i, e) => ready.push(i, e.length),
    );
    expect(ready).toEqual([0, 512, 1, 512, 2, 512, 3, 512, 4, 512]);
    const expected = await model.embedClip(await Promise.all(pngs.map((p) => decodeImageForClip(p, model.preprocess))));
    result.frames.forEach((f, i) => expect(cosine(f, expected.frames[i])).toBeGreaterThan(0.9999));
    expect(cosine(result.pooled, expected.pooled)).toBeGreaterThan(0.9999);
    expect(result.timings.inferenceMs).toBeGreaterThan(0);
  });

  it("embeds the first frame while the others still decode (first suggestion sooner)", async () => {
    const pngs = await Promise.all([1, 2, 3].map((s) => noisePng(64, 64, s)));
    let firstReady: () => void = () => {};
    const firstFrame = new Promise<void>((r) => (firstReady = r));
    const batches: number[] = [];
    const embedder = new NativeEmbedder({
      node,
      pageUrl: pageUrl(),
      // the rest of the clip decodes only once frame 0 is embedded: waiting for all would hang
      decode: async (images, labels, cfg) => {
        batches.push(images.length);
        if (batches.length > 1) await firstFrame;
        return sharpDecode(images, labels, cfg);
      },
      modelFolder: modelFolderOnDisk(node, pageUrl()),
    });
    started.push(embedder);
    await embedder.load(folder);
    const order: number[] = [];
    const blobs = pngs.map((p) => new Blob([new Uint8Array(p)], { type: "image/png" }));
    const result = await embedder.embedClip(blobs, undefined, (i) => {
      order.push(i);
      if (i === 0) firstReady();
    });
    expect(batches).toEqual([1, 2]);
    expect(order).toEqual([0, 1, 2]);
    expect(result.frames).toHaveLength(3);
  });

  it("embeds texts with the model's tokenizer", async () => {
    const embedder = nativeEmbedder();
    await embedder.load(folder);
    const [native] = await embedder.embedTexts(["a photo of a cat"]);
    const [expected] = await (await tinyClip(true)).embedTexts(["a photo of a cat"]);
    expect(cosine(native, expected)).toBeGreaterThan(0.9999);
  });

  it("names the missing model file with MODEL_INCOMPLETE", async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), "rl-model-"));
    fs.cpSync(TINY_CLIP_DIR, broken, { recursive: true });
    fs.rmSync(path.join(broken, "onnx/text_model_quantized.onnx"));
    await expect(
      nativeEmbedder().load({ source: { kind: "folder", path: broken }, quantized: true }),
    ).rejects.toMatchObject({ code: "MODEL_INCOMPLETE", message: expect.stringContaining("text_model_quantized") });
  });

  it("downloads a hub model once into the user's application data, then loads it natively", async () => {
    // a stand-in for huggingface.co: <model>/resolve/main/<file> served from the fixtures
    const serve = sirv(path.dirname(TINY_CLIP_DIR), { dev: true });
    const hub = http.createServer((req, res) => {
      req.url = req.url!.replace(/^\/test\/(.+?)\/resolve\/main\//, "/$1/");
      serve(req, res);
    });
    await new Promise<void>((r) => hub.listen(0, "127.0.0.1", r));
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), "rl-cache-"));
    const previous = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = cache;
    try {
      const { port } = hub.address() as { port: number };
      const files = modelFolderOnDisk(node, pageUrl(), `http://127.0.0.1:${port}`);
      const seen: string[] = [];
      const dir = await files({ source: { kind: "hub", modelId: "test/tiny-random-clip" }, quantized: true }, (p) =>
        p.status === "done" ? seen.push(p.file) : undefined,
      );
      expect(dir).toBe(path.join(cache, "ReferenceLookup/models/test/tiny-random-clip"));
      expect(seen).toContain("onnx/vision_model_quantized.onnx");
      expect(fs.readFileSync(path.join(dir, "onnx/vision_model_quantized.onnx"))).toEqual(
        fs.readFileSync(path.join(TINY_CLIP_DIR, "onnx/vision_model_quantized.onnx")),
      );
      hub.close();
      // the second load reads the downloaded folder: no server needed
      const embedder = nativeEmbedder();
      const info = await embedder.load({ source: { kind: "hub", modelId: "test/tiny-random-clip" }, quantized: true });
      expect(info.modelVersion).toBe("test/tiny-random-clip@q8");
    } finally {
      hub.close();
      if (previous === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = previous;
    }
  });

  it("reads folder, file URL and bundled sources from disk, and refuses a URL with BACKEND_UNAVAILABLE", async () => {
    const resolve = modelFolderOnDisk(node, pageUrl("/opt/ext"));
    expect(await resolve({ source: { kind: "folder", path: "/Volumes/Models/clip" } })).toBe("/Volumes/Models/clip");
    expect(await resolve({ source: { kind: "folder", path: "file:///Volumes/My%20Models/clip" } })).toBe(
      "/Volumes/My Models/clip",
    );
    expect(await resolve({ source: { kind: "bundled", path: "../model" } })).toBe("/opt/ext/model");
    await expect(resolve({ source: { kind: "folder", path: "http://nas/models/clip" } })).rejects.toMatchObject({
      code: "BACKEND_UNAVAILABLE",
    });
  });
});

describe("native embedder refusing to run", () => {
  it("says why before trying: no Node, page not on disk, no binary for this platform", () => {
    expect(nativeProblem(null, pageUrl())).toMatch(/^no Node\.js in this page/);
    expect(nativeProblem(node, "http://127.0.0.1:5173/main/index.html")).toMatch(/not loaded from disk \(http:\)/);
    const { dir, binding } = nativeCopy();
    fs.rmSync(binding);
    expect(nativeProblem(node, pageUrl(dir))).toBe(
      `the extension has no onnxruntime-node binary for ${process.platform}-${process.arch}`,
    );
  });

  it("a binary that refuses to load fails the load with BACKEND_UNAVAILABLE, and selection falls back", async () => {
    const { dir, binding } = nativeCopy();
    fs.writeFileSync(binding, "not a shared library");
    expect(nativeProblem(node, pageUrl(dir))).toBeNull(); // the file is there; only loading it tells
    const broken = nativeEmbedder(pageUrl(dir));
    await expect(broken.load(folder)).rejects.toMatchObject({
      code: "BACKEND_UNAVAILABLE",
      message: expect.stringMatching(/^the native encoder thread failed: .*onnxruntime_binding\.node/),
    });
    const selecting = new SelectingEmbedder({
      native: () => nativeEmbedder(pageUrl(dir)),
      pool: () => nativeEmbedder(), // stands in for the WASM pool: any working path
    });
    const info = await selecting.load(folder);
    expect(info.reason).toMatch(/native encoder thread failed/);
  });
});
