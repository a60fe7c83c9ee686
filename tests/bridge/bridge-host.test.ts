// The compiled ES3 bundle, run in the simulator, reached through the real bridge client.
import { describe, expect, it } from "vitest";
import { hostCallScript, parseEnvelope } from "../../src/lib/bridge";
import { SAMPLE_PROJECT_PATH } from "../../src/sim/sample-project";
import { simulatedHost } from "../../src/testing/simulated-host";

describe("bridge round trip through the compiled host bundle", () => {
  it("reads the project, non-Latin path included", async () => {
    const { host } = simulatedHost();
    const info = await host.call("getProjectInfo");
    expect(info).toEqual({
      name: "Küche Ep 3.prproj",
      path: SAMPLE_PROJECT_PATH,
      hostVersion: "24.6.1",
      rootItemCount: 2,
    });
  });

  it.each([
    "quotes \" and ' and \\ backslash",
    "commas, equals=, ampersand & lt <tag>",
    "new\nlines\r\nand\ttabs",
    "emoji 🎬🍳 and 日本語 and Ελληνικά",
    "",
  ])("round-trips %j exactly", async (message) => {
    const { host } = simulatedHost();
    expect((await host.call("ping", message)).message).toBe(message);
  });

  it("the host itself rejects unknown functions and bad arguments (not only the client)", () => {
    const { simulator } = simulatedHost();
    expect(() => parseEnvelope("nope", simulator.evalScript(hostCallScript("nope", [])))).toThrow(
      expect.objectContaining({ code: "UNKNOWN_FUNCTION" }),
    );
    expect(() => parseEnvelope("ping", simulator.evalScript(hostCallScript("ping", [1, 2])))).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENTS", message: "ping: expects 1 argument(s), got 2" }),
    );
    const raw = simulator.evalScript('__referenceLookup.dispatch("ping", "{not json")');
    expect(() => parseEnvelope("ping", raw)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENTS" }));
  });

  it("reports NO_PROJECT with a clear message when no project is open", async () => {
    const { host } = simulatedHost(null);
    await expect(host.call("getProjectInfo")).rejects.toMatchObject({
      code: "NO_PROJECT",
      message: expect.stringContaining("Open or create a project"),
    });
  });

  it("a host exception comes back typed, with message, function and line", async () => {
    const { simulator, host } = simulatedHost();
    // Premiere's DOM throwing from inside a host function
    Object.defineProperty(simulator.app, "version", {
      get() {
        throw new Error("DOM exploded");
      },
    });
    const error = await host.call("getProjectInfo").catch((e) => e);
    expect(error).toMatchObject({
      name: "HostError",
      code: "HOST_EXCEPTION",
      fn: "getProjectInfo",
      message: "DOM exploded",
    });
    expect(error.line).toBeGreaterThan(0);
  });
});
