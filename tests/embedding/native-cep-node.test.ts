// The native path under CEP's real Node lines (issue 19 §1): the built, unchanged
// dist/cep/native/encoder-thread.cjs, started by the panel's own SelectingEmbedder and
// NativeEmbedder in a page process run by Node 15.10.0 (CEP 11's neighbour), 17.7.2 (CEP 12)
// and this Node, with no flags and nothing run before the thread. One thread serves every
// model; the page never loads the binding; a dead thread means WASM for the session.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cosine } from "../../src/lib/embedding";
import { decodeImageForClip } from "../../src/lib/embedding/node/decode-image";
import { CEP_NODES, cepNodeBinary, cepNodeUnavailable } from "../../src/testing/cep-node-binaries";
import { CepPage } from "../../src/testing/cep-page/start-page";
import { noisePng } from "../helpers/noise-image";
import { TINY_CLIP_DIR, tinyClip } from "../../src/testing/tiny-clip";

const unavailable = cepNodeUnavailable();
const runtimes = [
  ...CEP_NODES.map((n) => ({
    name: `Node ${n.version}, ${n.runs}`,
    version: n.version,
    binary: () => cepNodeBinary(n),
  })),
  { name: `Node ${process.versions.node} (this one)`, version: process.versions.node, binary: () => process.execPath },
];

const folder = (quantized: boolean, dir = TINY_CLIP_DIR) => ({
  source: { kind: "folder" as const, path: dir },
  quantized,
});
const texts = ["a photo of a cat", "kitchen oven, close-up"];

async function framePixels(quantized: boolean): Promise<Float32Array[]> {
  const { preprocess } = await tinyClip(quantized);
  const pngs = await Promise.all([1, 2, 3, 4, 5].map((seed) => noisePng(320, 180, seed)));
  return Promise.all(pngs.map((png) => decodeImageForClip(png, preprocess)));
}

/** native results match ClipModel run in this process, frame by frame and text by text */
async function expectSameAsNode(page: CepPage, quantized: boolean): Promise<void> {
  const model = await tinyClip(quantized);
  const pixels = await framePixels(quantized);
  const expected = await model.embedClip(pixels.map((p) => p.slice()));
  const clip = await page.embedClip(pixels);
  expect(clip.modelVersion).toBe(`local/tiny-random-clip@${quantized ? "q8" : "fp32"}`);
  expect(page.lastFrameOrder).toEqual([0, 1, 2, 3, 4]);
  clip.frames.forEach((f, i) => expect(cosine(f, expected.frames[i])).toBeGreaterThan(0.9999));
  expect(cosine(clip.pooled, expected.pooled)).toBeGreaterThan(0.9999);
  const native = await page.embedTexts(texts);
  const textsExpected = await model.embedTexts(texts);
  expect(native).toHaveLength(2);
  native.forEach((t, i) => expect(cosine(t, textsExpected[i])).toBeGreaterThan(0.9999));
}

describe.skipIf(unavailable)(
  `the native path in CEP's Node lines${unavailable ? ` (skipped: ${unavailable})` : ""}`,
  () => {
    for (const runtime of runtimes) {
      describe.sequential(runtime.name, () => {
        let page: CepPage;
        const pages: CepPage[] = [];
        beforeAll(async () => {
          page = await CepPage.start(runtime.binary());
          pages.push(page);
        });
        afterAll(() => Promise.all(pages.map((p) => p.close())));

        it("loads the test model in the thread and embeds 5 frames and 2 texts as ClipModel does", async () => {
          expect((await page.state()).node).toBe(`v${runtime.version}`);
          expect(await page.load(folder(true))).toEqual({
            modelVersion: "local/tiny-random-clip@q8",
            threads: expect.any(Number),
            path: "native",
          });
          await expectSameAsNode(page, true);
          expect(await page.state()).toMatchObject({
            path: "native",
            detail: "native (onnxruntime-node)",
            threadsStarted: 1,
            pageLoadedBinding: false,
          });
        });

        it("changes the model inside the same thread and embeds with the new one, still natively", async () => {
          expect(await page.load(folder(false))).toMatchObject({
            modelVersion: "local/tiny-random-clip@fp32",
            path: "native",
          });
          await expectSameAsNode(page, false);
          expect(await page.state()).toMatchObject({ path: "native", threadsStarted: 1, pageLoadedBinding: false });
        });

        it("shows the real error when a model file cannot be read, and goes native again with the next model", async () => {
          const broken = fs.mkdtempSync(path.join(os.tmpdir(), "rl-model-"));
          fs.cpSync(TINY_CLIP_DIR, broken, { recursive: true });
          const vision = path.join(broken, "onnx/vision_model_quantized.onnx");
          fs.rmSync(vision);
          fs.mkdirSync(vision); // there, so not MODEL_INCOMPLETE, but not readable as a file
          expect(await page.load(folder(true, broken))).toMatchObject({ path: "wasm-pool" });
          const { detail } = await page.state();
          expect(detail).toContain(`WASM stand-in (native not used: Could not load the CLIP model`);
          expect(detail).toContain(`${vision} is not a file`);
          expect(detail).not.toMatch(/not found locally|Headers|ReadableStream/);

          expect(await page.load(folder(true))).toMatchObject({ path: "native" });
          expect(await page.state()).toMatchObject({ path: "native", threadsStarted: 1 });
        });

        // in a page of its own that loaded one model: with Node 15.10, ending a thread after a
        // model change took the process down (SIGSEGV) in 6 of 36 runs (docs/adr/0021)
        it("falls back to WASM for the rest of the session when the thread dies, and says why", async () => {
          const page = await CepPage.start(runtime.binary());
          pages.push(page);
          expect(await page.load(folder(true))).toMatchObject({ path: "native" });
          await page.crashThread();
          const clip = await page.embedClip(await framePixels(true));
          expect(clip.modelVersion).toBe("wasm"); // the call that saw the thread die, answered by the pool
          const state = await page.state();
          expect(state.path).toBe("wasm-pool");
          expect(state.detail).toBe(
            "WASM stand-in (native not used: the native encoder thread exited (code 1); WASM for the rest of this session)",
          );
          // a model change stays on WASM: no second thread (the binding would refuse it)
          expect(await page.load(folder(false))).toMatchObject({ path: "wasm-pool" });
          expect(await page.state()).toMatchObject({ path: "wasm-pool", threadsStarted: 1, pageLoadedBinding: false });
        });
      });
    }
  },
);
