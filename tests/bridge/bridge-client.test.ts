import { describe, expect, it } from "vitest";
import {
  HostError,
  createHostClient,
  hostCallScript,
  type EvalTransport,
  type HostFunctionName,
} from "../../src/lib/bridge";

function recordingTransport(answer: string): EvalTransport & { scripts: string[] } {
  const scripts: string[] = [];
  return { kind: "simulator", scripts, evalScript: async (s) => (scripts.push(s), answer) };
}

describe("bridge client (panel side)", () => {
  it("rejects an unknown host function without calling the host", async () => {
    const transport = recordingTransport("{}");
    const host = createHostClient(transport);
    const call = host.call("deleteEverything" as HostFunctionName);
    await expect(call).rejects.toBeInstanceOf(HostError);
    await expect(call).rejects.toMatchObject({ code: "UNKNOWN_FUNCTION", fn: "deleteEverything" });
    expect(transport.scripts).toHaveLength(0);
  });

  it("rejects arguments that fail the contract, naming the argument", async () => {
    const host = createHostClient(recordingTransport("{}"));
    // @ts-expect-error: wrong type on purpose
    await expect(host.call("ping", 42)).rejects.toMatchObject({
      code: "INVALID_ARGUMENTS",
      message: "ping: argument 1 must be a string",
    });
    // @ts-expect-error: wrong arity on purpose
    await expect(host.call("getProjectInfo", "extra")).rejects.toMatchObject({ code: "INVALID_ARGUMENTS" });
  });

  it("turns CEP's 'EvalScript error.' into a typed error", async () => {
    const host = createHostClient(recordingTransport("EvalScript error."));
    await expect(host.call("getProjectInfo")).rejects.toMatchObject({ code: "EVAL_FAILED", fn: "getProjectInfo" });
  });

  it("turns a non-envelope answer into BAD_RESPONSE", async () => {
    await expect(createHostClient(recordingTransport("undefined")).call("getProjectInfo")).rejects.toMatchObject({
      code: "BAD_RESPONSE",
    });
    await expect(createHostClient(recordingTransport("[1]")).call("getProjectInfo")).rejects.toMatchObject({
      code: "BAD_RESPONSE",
    });
  });

  it("reports a transport failure as TRANSPORT", async () => {
    const transport: EvalTransport = {
      kind: "simulator",
      evalScript: () => Promise.reject(new Error("connection refused")),
    };
    await expect(createHostClient(transport).call("getProjectInfo")).rejects.toMatchObject({
      code: "TRANSPORT",
      message: expect.stringContaining("connection refused"),
    });
  });

  it("sends ASCII-only scripts, whatever the arguments hold", () => {
    const script = hostCallScript("ping", ['Küche "quoted" \\ 日本語 🎬 \n</script>']);
    expect(script).not.toMatch(/[\u0080-\uffff]/);
    expect(script.startsWith('__referenceLookup.dispatch("ping", ')).toBe(true);
  });
});
