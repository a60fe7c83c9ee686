// The preview's UXP mode (docs/adr/0033): /__host/uxp takes bridge calls for the UXP host under the
// same guard as /__host/eval, the panel page gets window.uxpHost only when asked as the plugin's
// webview, and the stand-in for the plugin gets this run's token; skin and events go per host.
import { EventEmitter } from "node:events";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UXP_DIST } from "../../scripts/build-uxp";
import { HOST_TOKEN_HEADER, HOST_TOKEN_META } from "../../src/lib/bridge/transport";
import { startPreviewServer, type PreviewUxpHost, type RunningPreview } from "../../src/server/preview-server";
import { SimHostEnvironment } from "../../src/sim/host-environment";
import { SimApp } from "../../src/sim/premiere-dom";
import { PremiereSimulator } from "../../src/sim/premiere-simulator";
import { createSampleProject } from "../../src/sim/sample-project";
import { DIST, JSX_BUNDLE } from "../../src/testing/paths";

let server: RunningPreview;
const calls: string[] = [];
const events = new EventEmitter();
const uxpHost: PreviewUxpHost = {
  call: async (fn) => (calls.push(fn), JSON.stringify({ ok: true, value: { host: "uxp", fn } })),
  events,
  environment: new SimHostEnvironment("26.3.2", events),
  app: new SimApp(createSampleProject(), "26.3.2"),
};
const cep = new PremiereSimulator({ project: createSampleProject() }).loadBundle(JSX_BUNDLE);

beforeAll(async () => {
  server = await startPreviewServer({
    extensionDir: DIST,
    simulator: cep,
    uxpSimulator: uxpHost,
    uxpPreviewDir: path.join(UXP_DIST, "preview"),
  });
});
afterAll(() => server?.close());

const call = (headers: Record<string, string>, body = { fn: "ping", args: ["x"] }) =>
  fetch(`${server.url}/__host/uxp`, {
    method: "POST",
    headers: { origin: server.url, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("the preview's UXP host", () => {
  it("takes bridge calls only with this run's token, and checks them against the contract first", async () => {
    expect((await call({})).status).toBe(403);
    expect((await call({ [HOST_TOKEN_HEADER]: "0".repeat(64) })).status).toBe(403);
    const answered = await call({ [HOST_TOKEN_HEADER]: server.hostToken });
    expect(await answered.json()).toEqual({ ok: true, value: { host: "uxp", fn: "ping" } });
    const unknown = await call({ [HOST_TOKEN_HEADER]: server.hostToken }, { fn: "rmrf", args: [] });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.code).toBe("UNKNOWN_FUNCTION");
    expect(calls).toEqual(["ping"]);
  });

  it("gives the panel page window.uxpHost only as the plugin's webview, and the stand-in the token", async () => {
    const plain = await (await fetch(`${server.url}/main/index.html`)).text();
    const inWebview = await (await fetch(`${server.url}/main/index.html?host=uxp`)).text();
    expect(plain).not.toContain("window.uxpHost");
    expect(inWebview).toContain("window.uxpHost=");
    const standIn = await (await fetch(`${server.url}/uxp/index.html`)).text();
    expect(standIn).toContain(`<meta name="${HOST_TOKEN_META}" content="${server.hostToken}" />`);
    expect(standIn).toContain('src="/main/index.html?host=uxp"');
    expect((await fetch(`${server.url}/uxp/preview.js`)).status).toBe(200);
  });

  it("changes the skin of the host asked for, and no other", async () => {
    const skin = (host: string) =>
      fetch(`${server.url}/__sim/skin?name=light${host}`, { method: "POST", headers: { origin: server.url } });
    expect((await skin("&host=uxp")).status).toBe(204);
    const env = (q: string) => fetch(`${server.url}/__host/environment${q}`).then((r) => r.json());
    expect((await env("?host=uxp")).appSkinInfo.panelBackgroundColor.color.red).toBe(184);
    expect((await env("")).appSkinInfo.panelBackgroundColor.color.red).toBe(50);
  });
});
