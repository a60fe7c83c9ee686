// A Web Worker as an RPC port: an uncaught error in it, or a message it cannot send, counts as
// its death, so that the calls waiting on it are rejected rather than left hanging.
import type { RpcPort } from "./rpc";

/** `name` says whose worker failed, in the error the waiting calls get. */
export function webWorkerPort(worker: Worker, name: string): RpcPort {
  return {
    post: (message, transfer = []) => worker.postMessage(message, transfer),
    onMessage: (listener) => worker.addEventListener("message", (e) => listener(e.data)),
    onFailure: (listener) => {
      worker.addEventListener("error", (e) => {
        e.preventDefault();
        listener(`${name} failed: ${e.message || "it stopped"}`);
      });
      worker.addEventListener("messageerror", () => listener(`${name} sent an unreadable message`));
    },
    terminate: () => worker.terminate(),
  };
}
