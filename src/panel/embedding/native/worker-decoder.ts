// The native path's decoder: one Web Worker (the WASM path's worker, without a model) decodes
// frames on its OffscreenCanvas, so the page's thread only passes pixels along.
import { RpcClient, type RpcPort } from "../../../lib/embedding/rpc";
import type { EncoderWorkerCalls } from "../protocol";
import type { DecodeFrames } from "./native-embedder";

export function workerDecoder(createPort: () => RpcPort): { decode: DecodeFrames; stop: () => void } {
  let client: RpcClient<EncoderWorkerCalls> | null = null;
  return {
    decode: (images, labels, preprocess) => {
      // a decoder that died is started again on the next clip
      if (!client || client.failed) client = new RpcClient<EncoderWorkerCalls>(createPort());
      return client.call("decodeImages", { images, labels, preprocess });
    },
    stop: () => {
      client?.terminate();
      client = null;
    },
  };
}
