// bench:clip's native rows under CEP's own Node lines: the panel's SelectingEmbedder and
// NativeEmbedder run in a page process started by the real Node 15.10.0 / 17.7.2 binary
// (src/testing/cep-page), and start the built encoder thread there. This process decodes the
// frames with sharp (the panel's decoding Web Worker's stand-in) and sends the pixels over IPC.
import fs from "node:fs";
import path from "node:path";
import { preprocessorConfigFrom } from "../../src/lib/embedding/pixels";
import type { Embedder, EmbedderInfo } from "../../src/panel/embedding/embedder";
import { sharpDecode } from "../../src/testing/cep-node";
import { CepPage } from "../../src/testing/cep-page/start-page";
import { MODEL } from "../lib/bench-model";

export async function cepPageEmbedder(nodeBinary: string): Promise<Embedder> {
  const page = await CepPage.start(nodeBinary);
  const { node } = await page.state();
  const preprocess = preprocessorConfigFrom(
    JSON.parse(fs.readFileSync(path.join(MODEL, "preprocessor_config.json"), "utf8")) as Record<string, unknown>,
  );
  let detail = "not loaded";
  return {
    path: "native",
    get detail() {
      return `${detail}, in a page run by Node ${node}`;
    },
    async load(options): Promise<EmbedderInfo> {
      const info = await page.load(options);
      detail = (await page.state()).detail;
      if (info.path !== "native") throw new Error(`the native path did not load under Node ${node}: ${detail}`);
      return info;
    },
    async embedClip(images, labels, onFrame) {
      const start = performance.now();
      const pixels = await sharpDecode(images, labels ?? [], preprocess);
      const decodeMs = performance.now() - start;
      const result = await page.embedClip(pixels, onFrame);
      return { ...result, timings: { ...result.timings, decodeMs: result.timings.decodeMs + decodeMs } };
    },
    embedTexts: (texts) => page.embedTexts(texts),
    terminate: () => void page.close(),
  };
}
