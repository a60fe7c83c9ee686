// onnxruntime-node's intra-op thread count for the native encoder thread. transformers.js 2.17
// creates its sessions without options, so onnxruntime's default applies: one spinning thread
// per core. On this shared 2-core machine a 5-frame ViT-B/32 batch took 300–1,100 ms that way
// whenever another process held a core, against 150–500 ms with one thread (95 vs 150 ms when
// both cores were idle): a spinning thread waits for its descheduled peer. In Premiere the
// other cores are busy decoding video, so the thread keeps to half of them.
// onnxruntime-common 1.14's registerBackend keeps the first backend registered under a name
// even when a later one has a higher priority, so the options are added on onnxruntime-node's
// own backend object, the one every InferenceSession.create with "cpu" reaches.
import { onnxruntimeBackend } from "onnxruntime-node/dist/backend";

/** Half the cores, at least 1, at most 4: the other half stays with Premiere and the panel. */
export function defaultIntraOpThreads(cores: number): number {
  return Math.max(1, Math.min(4, Math.floor(cores / 2)));
}

let chosen: number | null = null;

/** Every onnxruntime-node session created after this call uses `threads` intra-op threads. */
export function useIntraOpThreads(threads: number): void {
  if (chosen !== null) throw new Error(`the intra-op thread count is set once per thread (already ${chosen})`);
  chosen = threads;
  const create = onnxruntimeBackend.createSessionHandler.bind(onnxruntimeBackend);
  onnxruntimeBackend.createSessionHandler = (pathOrBuffer, options) =>
    create(pathOrBuffer, { ...options, intraOpNumThreads: threads });
}
