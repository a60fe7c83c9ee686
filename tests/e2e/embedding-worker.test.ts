// The built embedding worker in headless Chromium (onnxruntime-web, WASM, one thread) against
// the same model in Node: the same vectors within tolerance, and clear errors for bad input.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cosine } from "../../src/lib/embedding";
import { decodeImageForClip } from "../../src/lib/embedding/node/decode-image";
import { requiredModelFiles } from "../../src/lib/embedding/model-source";
import { PremiereSimulator } from "../../src/sim/premiere-simulator";
import { startPreviewServer, type RunningServer } from "../../src/server/preview-server";
import { modelFolderOnDisk } from "../../src/panel/embedding/native/model-folder";
import { NativeEmbedder, type DecodeFrames } from "../../src/panel/embedding/native/native-embedder";
import { cepNode, pageUrl } from "../../src/testing/cep-node";
import { launchChromium } from "../../src/testing/chromium";
import { noisePng } from "../helpers/noise-image";
import { DIST, JSX_BUNDLE, builtAsset } from "../../src/testing/paths";
import { TINY_CLIP_DIR, tinyClip } from "../../src/testing/tiny-clip";

let server: RunningServer;
let browser: Browser;
let page: Page;
const brokenModels = fs.mkdtempSync(path.join(os.tmpdir(), "rl-models-"));

beforeAll(async () => {
  // a model folder with one file missing, served like the good one
  const broken = path.join(brokenModels, "broken-clip");
  for (const f of requiredModelFiles(true).filter((f) => f !== "onnx/text_model_quantized.onnx")) {
    fs.mkdirSync(path.dirname(path.join(broken, f)), { recursive: true });
    fs.copyFileSync(path.join(TINY_CLIP_DIR, f), path.join(broken, f));
  }
  server = await startPreviewServer({
    extensionDir: DIST,
    simulator: new PremiereSimulator({ project: null }).loadBundle(JSX_BUNDLE),
    staticDirs: { "/models/": path.dirname(TINY_CLIP_DIR), "/broken-models/": brokenModels },
  });
  browser = await launchChromium(chromium);
  page = await browser.newPage();
  await page.goto(`${server.url}/main/index.html`);
  // the built worker, started the way the panel starts it
  await page.evaluate(
    (workerUrl) => {
      const w = new Worker(workerUrl);
      let next = 1;
      const pending = new Map<number, (m: unknown) => void>();
      w.onmessage = (e) => {
        if (!("progress" in e.data)) pending.get(e.data.id)?.(e.data);
      };
      (window as unknown as { rpc: unknown }).rpc = (message: Record<string, unknown>) =>
        new Promise((resolve) => {
          const id = next++;
          pending.set(id, resolve);
          w.postMessage({ ...message, id });
        });
    },
    `/assets/${path.basename(builtAsset("embedding.worker-"))}`,
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** a worker answer as it crosses into Node: vectors as plain arrays */
type Rpc = {
  ok: boolean;
  result?: { modelVersion?: string; threads?: number; simd?: boolean; frames: number[][] };
  error?: { code: string; message: string };
};
const rpc = (message: Record<string, unknown>): Promise<Rpc> =>
  page.evaluate(
    (m) => (window as unknown as { rpc: (m: unknown) => Promise<unknown> }).rpc(m),
    message,
  ) as Promise<Rpc>;

/** Sends image bytes into the page as Blobs and asks the worker to embed them. */
function embedInWorker(images: Array<{ bytes: Buffer; type: string; label: string }>): Promise<Rpc> {
  return page.evaluate<Rpc, Array<{ b64: string; type: string; label: string }>>(
    async (list) => {
      const blobs = list.map((i) => new Blob([Uint8Array.from(atob(i.b64), (c) => c.charCodeAt(0))], { type: i.type }));
      const result = (await (window as unknown as { rpc: (m: unknown) => Promise<unknown> }).rpc({
        type: "embedImages",
        images: blobs,
        labels: list.map((i) => i.label),
      })) as { ok: boolean; result?: { frames: Float32Array[] } };
      return result.ok
        ? { ok: true, result: { frames: result.result!.frames.map((f) => Array.from(f)) } }
        : (result as Rpc);
    },
    images.map((i) => ({ b64: i.bytes.toString("base64"), type: i.type, label: i.label })),
  );
}

/** The worker's decodeImages call, as the native path's decoder. */
const decodeInWorker: DecodeFrames = async (images, labels, preprocess) => {
  const b64 = await Promise.all(images.map(async (b) => Buffer.from(await b.arrayBuffer()).toString("base64")));
  const r = await page.evaluate(
    async ({ b64, labels, preprocess }) => {
      const blobs = b64.map(
        (b) => new Blob([Uint8Array.from(atob(b), (c) => c.charCodeAt(0))], { type: "image/jpeg" }),
      );
      const rpc = (window as unknown as { rpc: (m: unknown) => Promise<{ ok: boolean; result: Float32Array[] }> }).rpc;
      const answer = await rpc({ type: "decodeImages", images: blobs, labels, preprocess });
      return answer.ok ? answer.result.map((p) => Array.from(p)) : answer;
    },
    { b64, labels, preprocess },
  );
  if (!Array.isArray(r)) throw new Error(`decodeImages failed: ${JSON.stringify(r)}`);
  return r.map((p) => new Float32Array(p));
};

describe("embedding worker in headless Chromium", () => {
  it("loads the model from a served folder with one WASM thread", async () => {
    const loaded = await rpc({
      type: "load",
      options: { source: { kind: "folder", path: "/models/tiny-random-clip" }, quantized: true },
    });
    expect(loaded).toMatchObject({
      ok: true,
      result: { modelVersion: "local/tiny-random-clip@q8", threads: 1, simd: true },
    });
  });

  it("gives the same vectors as Node for the same frames (exact-size frames: no resampling differences)", async () => {
    const model = await tinyClip(true);
    const crop = model.preprocess.crop;
    const pngs = await Promise.all([1, 2, 3, 4, 5].map((s) => noisePng(crop, crop, s)));
    const browserResult = await embedInWorker(
      pngs.map((bytes, i) => ({ bytes, type: "image/png", label: `frame ${i + 1}` })),
    );
    expect(browserResult.ok).toBe(true);
    const node = await model.embedImages(await Promise.all(pngs.map((p) => decodeImageForClip(p, model.preprocess))));
    browserResult.result!.frames.forEach((f, i) => expect(cosine(f, node[i])).toBeGreaterThan(0.9999));
    expect(Math.hypot(...browserResult.result!.frames[0])).toBeCloseTo(1, 4);
  });

  it("agrees with the native path on 1080p JPEGs, both decoded by the worker: cosine ≥ 0.999", async () => {
    // as in CEP: a Web Worker decodes, onnxruntime-node in its thread infers the batch of five;
    // the WASM side embeds one frame per call, as the pool sends them
    const native = new NativeEmbedder({
      node: cepNode(),
      pageUrl: pageUrl(),
      decode: decodeInWorker,
      modelFolder: modelFolderOnDisk(cepNode(), pageUrl()),
    });
    try {
      await native.load({ source: { kind: "folder", path: TINY_CLIP_DIR }, quantized: true });
      const jpgs = await Promise.all(
        [11, 12, 13, 14, 15].map((s) => noisePng(1920, 1080, s).then((p) => sharp(p).jpeg({ quality: 85 }).toBuffer())),
      );
      const nativeResult = await native.embedClip(
        jpgs.map((p) => new Blob([new Uint8Array(p)], { type: "image/jpeg" })),
      );
      for (const [i, bytes] of jpgs.entries()) {
        const wasm = await embedInWorker([{ bytes, type: "image/jpeg", label: `frame ${i + 1}` }]);
        expect(cosine(wasm.result!.frames[0], nativeResult.frames[i])).toBeGreaterThanOrEqual(0.999);
      }
    } finally {
      native.terminate();
    }
  });

  it("resizes on a canvas close to Node's cubic resize for a larger frame", async () => {
    const model = await tinyClip(true);
    const big = await sharp({ create: { width: 640, height: 360, channels: 3, background: { r: 30, g: 120, b: 200 } } })
      .composite([{ input: await noisePng(320, 180, 9), left: 160, top: 90 }])
      .png()
      .toBuffer();
    const browserResult = await embedInWorker([{ bytes: big, type: "image/png", label: "big.png" }]);
    const [node] = await model.embedImages([await decodeImageForClip(big, model.preprocess)]);
    expect(cosine(browserResult.result!.frames[0], node)).toBeGreaterThan(0.98);
  });

  it("answers bad input with clear errors and keeps working", async () => {
    const png = await noisePng(32, 32, 1);
    const cases: Array<[string, Buffer, string, string, RegExp]> = [
      ["empty", Buffer.alloc(0), "image/png", "IMAGE_UNREADABLE", /empty/],
      [
        "corrupt",
        Buffer.concat([png.subarray(0, 40), Buffer.alloc(100, 7)]),
        "image/png",
        "IMAGE_UNREADABLE",
        /Could not read corrupt/,
      ],
      ["16-bit.tif", Buffer.from("49492a00", "hex"), "image/tiff", "IMAGE_UNSUPPORTED", /cannot decode TIFF/],
    ];
    for (const [label, bytes, type, code, message] of cases) {
      const r = await embedInWorker([{ bytes, type, label }]);
      expect(r, label).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
    }
    const after = await embedInWorker([{ bytes: png, type: "image/png", label: "ok" }]);
    expect(after.ok).toBe(true);
  });

  it("embeds a 12000×8000 still", async () => {
    const big = await sharp({
      create: { width: 12000, height: 8000, channels: 3, background: { r: 90, g: 60, b: 30 } },
    })
      .jpeg({ quality: 60 })
      .toBuffer();
    const r = await embedInWorker([{ bytes: big, type: "image/jpeg", label: "12000x8000.jpg" }]);
    expect(r.ok).toBe(true);
    expect(Math.hypot(...r.result!.frames[0])).toBeCloseTo(1, 4);
  });

  it("a model folder with a missing file names the file", async () => {
    const r = await rpc({
      type: "load",
      options: { source: { kind: "folder", path: "/broken-models/broken-clip" }, quantized: true },
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: "MODEL_INCOMPLETE", message: expect.stringContaining("onnx/text_model_quantized.onnx") },
    });
  });
});

describe("embedding worker from file:// as in Premiere (CEP's --allow-file-access-from-files)", () => {
  it("loads the model from an OS folder path through file:// and embeds like Node", async () => {
    const fileBrowser = await launchChromium(chromium, { args: ["--allow-file-access-from-files"] });
    try {
      const filePage = await fileBrowser.newPage();
      await filePage.goto(pathToFileURL(path.join(DIST, "main/index.html")).toString());
      const png = await noisePng(32, 32, 4);
      const result = await filePage.evaluate(
        async ({ workerUrl, modelDir, b64 }) => {
          const w = new Worker(workerUrl);
          let next = 1;
          const call = (m: Record<string, unknown>) =>
            new Promise<{ ok: boolean; result: { frames: Float32Array[] }; error?: unknown }>((resolve) => {
              const id = next++;
              w.addEventListener("message", function on(e: MessageEvent) {
                if (e.data.id === id && !("progress" in e.data)) {
                  w.removeEventListener("message", on);
                  resolve(e.data);
                }
              });
              w.postMessage({ ...m, id });
            });
          const loaded = await call({
            type: "load",
            options: { source: { kind: "folder", path: modelDir }, quantized: true },
          });
          if (!loaded.ok) return { loaded };
          const blob = new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: "image/png" });
          const embedded = await call({ type: "embedImages", images: [blob] });
          return { loaded, frame: embedded.ok ? Array.from(embedded.result.frames[0]) : embedded.error };
        },
        {
          workerUrl: pathToFileURL(builtAsset("embedding.worker-")).toString(),
          modelDir: TINY_CLIP_DIR,
          b64: png.toString("base64"),
        },
      );
      expect(result.loaded).toMatchObject({ ok: true, result: { modelVersion: "local/tiny-random-clip@q8" } });
      const model = await tinyClip(true);
      const [node] = await model.embedImages([await decodeImageForClip(png, model.preprocess)]);
      expect(cosine(result.frame as number[], node)).toBeGreaterThan(0.9999);
    } finally {
      await fileBrowser.close();
    }
  });
});
