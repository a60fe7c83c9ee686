// The native path as CEP's page runs it: onnxruntime-node in the built encoder thread
// (dist/cep/native), a clip of five frames as one batch, while a timer on the page's thread
// measures how late it fires. For comparison, the same inference on the main thread.
import os from "node:os";
import { ClipModel } from "../../src/lib/embedding";
import { decodeImageForClip } from "../../src/lib/embedding/node/decode-image";
import { modelFolderOnDisk } from "../../src/panel/embedding/native/model-folder";
import { NativeEmbedder } from "../../src/panel/embedding/native/native-embedder";
import { cepNode, pageUrl } from "../../src/testing/cep-node";
import { startLagProbe } from "../lib/lag-probe";
import { stats } from "../lib/stats";

export async function nativeBench(modelDir: string, jpgs: string[], runs: number) {
  const source = { kind: "folder" as const, path: modelDir, modelId: "random/clip-vit-b-32" };
  const reference = await ClipModel.load({ source, quantized: true });
  const pixels = await Promise.all(jpgs.map((f) => decodeImageForClip(f, reference.preprocess)));

  // frames arrive decoded (the page's canvas decodes in CEP; bench:embed's browser part times it)
  const node = cepNode();
  const native = new NativeEmbedder({
    node,
    pageUrl: pageUrl(),
    decode: async (_images, labels) => labels.map((l) => pixels[Number(l)].slice()),
    modelFolder: modelFolderOnDisk(node, pageUrl()),
  });
  let t = performance.now();
  const info = await native.load({ source, quantized: true });
  const loadMs = Math.round(performance.now() - t);
  const blobs = jpgs.map(() => new Blob([]));
  const labels = jpgs.map((_, i) => String(i)); // which pre-decoded frame each Blob stands for
  await native.embedClip(blobs, labels); // warm-up
  const clip: number[] = [];
  const firstFrame: number[] = [];
  let frames: Float32Array[] = [];
  const stopProbe = startLagProbe();
  for (let r = 0; r < runs; r++) {
    t = performance.now();
    let first = 0;
    frames = (await native.embedClip(blobs, labels, () => (first ||= performance.now() - t))).frames;
    clip.push(performance.now() - t);
    firstFrame.push(first);
  }
  const lagWorkerThread = stopProbe();
  native.terminate();

  await reference.embedImages(pixels); // warm-up
  const mainThread: number[] = [];
  const stopMainProbe = startLagProbe();
  for (let r = 0; r < runs; r++) {
    t = performance.now();
    await reference.embedImages(pixels);
    mainThread.push(performance.now() - t);
  }
  const lagMainThread = stopMainProbe();

  const report = {
    runtime: `onnxruntime-node 1.14 in a worker_threads Worker (${info.threads} intra-op thread(s), ${os.cpus().length} cores), int8`,
    modelVersion: info.modelVersion,
    modelLoadMs: loadMs,
    "clip of five frames, pixels ready (thread round trips + inference: frame 1, then a batch of 4)": stats(clip),
    "first frame ready": stats(firstFrame),
    "page event-loop lag while embedding in the thread": lagWorkerThread,
    "for comparison: same batch on the main thread": stats(mainThread),
    "for comparison: event-loop lag with inference on the main thread": lagMainThread,
  };
  return { report, frames };
}
