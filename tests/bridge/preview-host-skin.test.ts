// The simulated Premiere's brightness: getHostEnvironment() through either transport, and a
// skin change from the preview's tools fires ThemeColorChanged on the panel's event stream.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cepTransport, simulatorTransport } from "../../src/lib/bridge";
import { HOST_SKINS, THEME_COLOR_CHANGED_EVENT } from "../../src/lib/theme/host-skin";
import { startPreviewServer, type RunningPreview } from "../../src/server/preview-server";
import { PremiereSimulator } from "../../src/sim/premiere-simulator";
import { createSampleProject } from "../../src/sim/sample-project";
import { DIST, JSX_BUNDLE } from "../../src/testing/paths";
import { sampleMedia } from "../../src/testing/sample-media";

let server: RunningPreview;
let simulator: PremiereSimulator;

beforeAll(async () => {
  simulator = new PremiereSimulator({ project: createSampleProject(sampleMedia()) }).loadBundle(JSX_BUNDLE);
  server = await startPreviewServer({ extensionDir: DIST, simulator });
});

afterAll(async () => {
  await server?.close();
});

const transport = () => simulatorTransport(`${server.url}/__host/eval`, server.hostToken);
const switchSkin = (name: string, headers: Record<string, string> = { origin: server.url }) =>
  fetch(`${server.url}/__sim/skin?name=${name}`, { method: "POST", headers });

/** The next event of the panel's stream (/__host/events), as the page's EventSource gets it. */
async function nextEvent(): Promise<{ stream: Promise<{ type: string; data: string }>; stop: () => void }> {
  const controller = new AbortController();
  const res = await fetch(`${server.url}/__host/events?token=${server.hostToken}`, { signal: controller.signal });
  const reader = res.body!.getReader();
  const stream = (async () => {
    let text = "";
    for (;;) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
      const data = /^data: (.*)$/m.exec(text);
      if (data) return JSON.parse(data[1]) as { type: string; data: string };
    }
  })();
  return { stream, stop: () => controller.abort() };
}

describe("the simulated host's skin", () => {
  it("starts in the darkest skin, with appSkinInfo as CSInterface.getHostEnvironment() has it", async () => {
    const env = JSON.parse(await transport().hostEnvironment!());
    expect(env).toMatchObject({ appName: "PPRO", appVersion: "24.6.1", appSkinInfo: HOST_SKINS.darkest });
  });

  it("switches on the preview's request and fires ThemeColorChanged, as Premiere does", async () => {
    const events = await nextEvent();
    expect((await switchSkin("light")).status).toBe(204);
    expect(await events.stream).toEqual({ type: THEME_COLOR_CHANGED_EVENT, data: "" });
    events.stop();
    const env = JSON.parse(await transport().hostEnvironment!());
    expect(env.appSkinInfo.panelBackgroundColor.color).toMatchObject({ red: 184, green: 184, blue: 184 });
    simulator.environment.setSkin("darkest");
  });

  it("refuses an unknown skin (400) and a request from another page (403)", async () => {
    expect((await switchSkin("sepia")).status).toBe(400);
    expect((await switchSkin("light", {})).status).toBe(403);
    expect((await switchSkin("light", { origin: "https://evil.example" })).status).toBe(403);
    expect(simulator.environment.skin).toBe("darkest");
  });
});

describe("CEP's transport", () => {
  it("reads getHostEnvironment() from CEP, and '{}' where CEP has none", async () => {
    const env = JSON.stringify({ appSkinInfo: HOST_SKINS.dark });
    const cep = { evalScript: () => undefined, getHostEnvironment: () => env };
    expect(await cepTransport(cep).hostEnvironment!()).toBe(env);
    expect(await cepTransport({ evalScript: () => undefined }).hostEnvironment!()).toBe("{}");
  });
});
