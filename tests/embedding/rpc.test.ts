// The typed channel between the panel and its threads: answers, errors with their codes, a
// thread that dies, and a stop while a call waits.
import { describe, expect, it } from "vitest";
import { RpcClient, answerRpc, type RpcPort, type RpcRequest, type RpcResponse } from "../../src/lib/embedding/rpc";
import { EmbeddingError } from "../../src/lib/embedding/embedding-error";

type Calls = {
  double: { params: { n: number }; result: number };
  fail: { params: object; result: never };
};

/** A port whose "thread" answers in the same process through answerRpc, or stays silent. */
function loopback(silent = false) {
  let listener: (m: unknown) => void = () => {};
  let failure: (reason: string) => void = () => {};
  const port: RpcPort = {
    post: (message) => {
      if (silent) return;
      void answerRpc<Calls>(
        message as RpcRequest<Calls>,
        {
          double: async ({ n }) => ({ result: 2 * n }),
          fail: async () => {
            throw new EmbeddingError("IMAGE_UNREADABLE", "frame 2 is empty");
          },
        },
        (answer: RpcResponse<Calls>) => setTimeout(() => listener(answer), 0),
      );
    },
    onMessage: (l) => (listener = l),
    onFailure: (l) => (failure = l),
    terminate: () => {},
  };
  return { port, die: (reason: string) => failure(reason) };
}

describe("typed RPC", () => {
  it("answers each call with its own result type, and errors with their code", async () => {
    const client = new RpcClient<Calls>(loopback().port);
    expect(await client.call("double", { n: 21 })).toBe(42);
    await expect(client.call("fail", {})).rejects.toMatchObject({
      code: "IMAGE_UNREADABLE",
      message: "frame 2 is empty",
    });
  });

  it("rejects waiting calls with the failure code when the thread dies, and later calls at once", async () => {
    const { port, die } = loopback(true);
    const client = new RpcClient<Calls>(port, "BACKEND_UNAVAILABLE");
    const waiting = client.call("double", { n: 1 });
    die("the native encoder thread failed: dlopen error");
    await expect(waiting).rejects.toMatchObject({ code: "BACKEND_UNAVAILABLE", message: /dlopen error/ });
    expect(client.failed).toMatch(/dlopen error/);
    await expect(client.call("double", { n: 2 })).rejects.toMatchObject({ code: "BACKEND_UNAVAILABLE" });
  });

  it("rejects a call still waiting when the client is stopped: no load hangs", async () => {
    const client = new RpcClient<Calls>(loopback(true).port);
    const waiting = client.call("double", { n: 1 });
    client.terminate();
    await expect(waiting).rejects.toMatchObject({ code: "INFERENCE_FAILED", message: "The embedder was stopped." });
  });
});
