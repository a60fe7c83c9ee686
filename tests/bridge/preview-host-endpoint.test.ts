// The preview's /__host/eval takes bridge calls only from its own page: the per-run token from
// the page, the page's Origin, our Host. Every refusal is a 403 (or the contract's error), and
// nothing outside the sample project's folders changes on disk.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHostClient, simulatorTransport } from "../../src/lib/bridge";
import { HOST_TOKEN_HEADER, HOST_TOKEN_META } from "../../src/lib/bridge/transport";
import { startPreviewServer, type RunningPreview } from "../../src/server/preview-server";
import { PremiereSimulator } from "../../src/sim/premiere-simulator";
import { sampleFolders } from "../../src/sim/sample-media";
import { createSampleProject } from "../../src/sim/sample-project";
import { DIST, JSX_BUNDLE } from "../../src/testing/paths";
import { SAMPLE_MEDIA_ROOT, sampleMedia } from "../../src/testing/sample-media";

let server: RunningPreview;
let canary: string;
const ESCAPE =
  'app.constructor.constructor("return process")().mainModule.require("fs").rmSync("CANARY", {recursive:true})';

/** Every file under a folder with its content hash and mtime: what "nothing changed" compares. */
function diskState(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, name);
    const stat = fs.statSync(full);
    out[name] = stat.isFile()
      ? `${crypto.createHash("sha256").update(fs.readFileSync(full)).digest("hex")} ${stat.mtimeMs}`
      : "dir";
  }
  return out;
}

function post(body: string, headers: Record<string, string>) {
  return fetch(`${server.url}/__host/eval`, { method: "POST", headers, body });
}
const ownOrigin = () => ({ origin: server.url });
const pageHeaders = () => ({
  ...ownOrigin(),
  "content-type": "application/json",
  [HOST_TOKEN_HEADER]: server.hostToken,
});

/** A raw request with a Host header of our choosing (fetch will not set Host). */
function withHost(host: string): Promise<number> {
  const url = new URL(`${server.url}/__host/eval`);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { ...pageHeaders(), host } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify({ fn: "ping", args: ["x"] }));
  });
}

beforeAll(async () => {
  canary = fs.mkdtempSync(path.join(os.tmpdir(), "rl-canary-"));
  fs.writeFileSync(path.join(canary, "keep.txt"), "must survive");
  fs.mkdirSync(path.join(canary, "reference-lookup-frames"));
  const simulator = new PremiereSimulator({
    project: createSampleProject(sampleMedia()),
    fileRoots: sampleFolders(SAMPLE_MEDIA_ROOT),
  }).loadBundle(JSX_BUNDLE);
  server = await startPreviewServer({ extensionDir: DIST, simulator });
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(canary, { recursive: true, force: true });
});

describe("the preview's host endpoint", () => {
  it("hands this run's token to its own page, and the page's transport calls the host with it", async () => {
    const html = await (await fetch(`${server.url}/main/index.html`)).text();
    expect(html).toContain(`<meta name="${HOST_TOKEN_META}" content="${server.hostToken}" />`);
    expect(server.hostToken).toMatch(/^[0-9a-f]{64}$/);
    const viaPage: typeof fetch = (url, init) =>
      fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), ...ownOrigin() } });
    const host = createHostClient(simulatorTransport(`${server.url}/__host/eval`, server.hostToken, viaPage));
    expect((await host.call("getProjectInfo")).name).toBe("Küche Ep 3.prproj");
  });

  it("refuses a foreign origin, even with the token", async () => {
    const res = await post(JSON.stringify({ fn: "ping", args: ["x"] }), {
      ...pageHeaders(),
      origin: "https://evil.example",
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toBe("foreign origin");
  });

  it.each([
    ["no token", {}],
    ["a wrong token", { [HOST_TOKEN_HEADER]: "0".repeat(64) }],
  ])("refuses %s", async (_name, token) => {
    const res = await post(JSON.stringify({ fn: "ping", args: ["x"] }), {
      ...ownOrigin(),
      "content-type": "application/json",
      ...token,
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toBe("missing or wrong token");
  });

  it("refuses a request without the page's Origin (a non-browser client) and a foreign Host (DNS rebinding)", async () => {
    const res = await fetch(`${server.url}/__host/eval`, {
      method: "POST",
      headers: { "content-type": "application/json", [HOST_TOKEN_HEADER]: server.hostToken },
      body: JSON.stringify({ fn: "ping", args: ["x"] }),
    });
    expect(res.status).toBe(403);
    expect(await withHost("attacker.example:80")).toBe(403);
    expect(await withHost(new URL(server.url).host)).toBe(200);
  });

  it("streams host events only with the token, and takes imports only from its own page", async () => {
    expect((await fetch(`${server.url}/__host/events`)).status).toBe(403);
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/__host/events?token=${server.hostToken}`, { signal: controller.signal });
    expect([stream.status, stream.headers.get("content-type")]).toEqual([200, "text/event-stream"]);
    controller.abort();
    expect((await fetch(`${server.url}/__sim/import`, { method: "POST" })).status).toBe(403);
    expect(
      (await fetch(`${server.url}/__sim/import`, { method: "POST", headers: { origin: "https://evil.example" } }))
        .status,
    ).toBe(403);
  });

  it("evaluates no script text: a text/plain body (no preflight) is refused, a script as fn is UNKNOWN_FUNCTION", async () => {
    const script = ESCAPE.replace("CANARY", canary);
    expect((await post(script, { ...ownOrigin(), "content-type": "text/plain" })).status).toBe(403);
    expect((await post(script, { ...pageHeaders(), "content-type": "text/plain" })).status).toBe(415);
    const res = await post(JSON.stringify({ fn: script, args: [] }), pageHeaders());
    expect(res.status).toBe(400);
    expect(JSON.parse(await res.text())).toMatchObject({ ok: false, error: { code: "UNKNOWN_FUNCTION" } });
    const badArgs = await post(JSON.stringify({ fn: "ping", args: [{ toString: script }] }), pageHeaders());
    expect(JSON.parse(await badArgs.text())).toMatchObject({ ok: false, error: { code: "INVALID_ARGUMENTS" } });
    expect(fs.existsSync(path.join(canary, "keep.txt"))).toBe(true);
  });

  it("refuses a path outside the project's folders, and nothing on disk changes", async () => {
    const before = diskState(canary);
    for (const folder of [
      canary,
      path.join(canary, "reference-lookup-frames"),
      `${os.tmpdir()}/reference-lookup-frames/../${path.basename(canary)}`,
    ]) {
      const res = await post(JSON.stringify({ fn: "releaseFrames", args: [folder] }), pageHeaders());
      expect(JSON.parse(await res.text())).toMatchObject({ ok: false, error: { code: "INVALID_ARGUMENTS" } });
    }
    expect(diskState(canary)).toEqual(before);
  });
});
