// The browser preview: serves the built panel (dist/cep) and answers the bridge's host calls
// with the Premiere simulator, so the same build runs without Premiere. Host calls are taken
// only from the preview's own page (host-call-guard.ts): any other web page gets 403.
import crypto from "node:crypto";
import type { EventEmitter } from "node:events";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { pipeline } from "node:stream";
import sirv from "sirv";
import { openInside, type OpenedInside } from "../lib/files/node/inside-folder";
import type { StudioConfig } from "../lib/studio-config";
import { SKIN_NAMES, type SkinName } from "../lib/theme/host-skin";
import type { SimApp } from "../sim/premiere-dom";
import type { CsxsEvent, PremiereSimulator } from "../sim/premiere-simulator";
import { HOST_TOKEN_META, answerHostCall, cepSimulatorCall, createHostCallGuard } from "./host-call-guard";
import { answerSimulatorTools, type SimulatorToolsOptions } from "./preview/sim-tools-routes";

/** The simulated UXP Premiere as the preview uses it (src/sim/uxp, ADR 0032): bridge calls run on
 * the UXP host adapter, CSXS-typed events, the skin. */
export interface PreviewUxpHost {
  call(fn: string, args: unknown[]): Promise<string>;
  events: EventEmitter;
  environment: { setSkin(skin: SkinName): void; toJSON(): unknown };
  /** the simulated Premiere the simulator tools act on (select, metadata, offline) */
  app: SimApp;
}

/** Which simulated host a preview request is for: ?host=uxp, else CEP's. */
export type PreviewHostName = "cep" | "uxp";

export interface PreviewServerOptions {
  /** the built extension folder, e.g. dist/cep */
  extensionDir: string;
  simulator: PremiereSimulator;
  /** the UXP host: /uxp/index.html plays the plugin with the panel in an iframe (docs/adr/0033) */
  uxpSimulator?: PreviewUxpHost;
  /** the built stand-in for the UXP plugin (dist/uxp/preview), served at /uxp/ */
  uxpPreviewDir?: string;
  /** served as /config/studio.json, as an admin's studio defaults would be */
  studioConfig?: StudioConfig;
  /** URL prefix → folder, e.g. { "/models/": ".cache/models" }: model folders served as an admin's would be */
  staticDirs?: Record<string, string>;
  /** send COOP/COEP so pages are cross-origin isolated (multi-threaded WASM; benchmarks only) */
  crossOriginIsolated?: boolean;
  /** the folders GET /__media?path= may serve files from (the simulated project's media, frame
   * exports), judged on the file actually opened, symlinks followed (ADR-0025) */
  mediaFolders?: string[];
  /** POST /__sim/import[?host=uxp] adds a clip to that host's project, as an editor's import
   * would (browser preview only) */
  simulateImport?: (host: PreviewHostName) => void;
  /** the simulator tools' endpoints (preview/sim-tools-routes.ts, ?host=uxp for the UXP host's
   * project); their catalog switch and relink file */
  simulatorTools?: SimulatorToolsOptions;
  port?: number;
  host?: string;
  /** the secret the page must send with host calls; a fresh random one per run by default */
  hostToken?: string;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export interface RunningPreview extends RunningServer {
  /** the per-run secret the preview's page received (tests use it to act as the page) */
  hostToken: string;
}

/** What the plugin's <webview> gives its page, played by the iframe's parent (docs/adr/0033):
 * window.uxpHost.postMessage, each message through JSON as UXP passes it. */
const UXP_HOST_SHIM =
  "<script>window.uxpHost={postMessage:function(m){parent.postMessage(JSON.parse(JSON.stringify(m)),location.origin)}};</script>";

/** The panel page with the host token in a meta tag: the page's config for this run. */
function servePanelPage(res: http.ServerResponse, file: string, token: string, extraHead = ""): void {
  const html = fs
    .readFileSync(file, "utf8")
    .replace("<head>", `<head>\n    <meta name="${HOST_TOKEN_META}" content="${token}" />${extraHead}`);
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}

const MEDIA_TYPES: Record<string, string> = {
  mp4: "video/mp4",
  m4v: "video/mp4",
  mov: "video/quicktime",
  mxf: "application/mxf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  tif: "image/tiff",
  tiff: "image/tiff",
};

/** A local media file with HTTP range support, so <video> can seek in it. The file is opened
 * first and served from that descriptor only when the opened file is inside `folders`. */
function serveMedia(req: http.IncomingMessage, res: http.ServerResponse, folders: string[]): void {
  const file = new URL(req.url!, "http://local").searchParams.get("path") ?? "";
  let opened: OpenedInside;
  try {
    if (!file || !path.isAbsolute(file)) throw new Error("not an absolute path");
    opened = openInside(file, folders);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("no such media");
    return;
  }
  const { fd, size } = opened;
  const type = MEDIA_TYPES[opened.realPath.split(".").pop()!.toLowerCase()] ?? "application/octet-stream";
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? "");
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start >= size || start > end) {
      fs.closeSync(fd);
      res.writeHead(416, { "content-range": `bytes */${size}` });
      res.end();
      return;
    }
    res.writeHead(206, {
      "content-type": type,
      "accept-ranges": "bytes",
      "content-range": `bytes ${start}-${end}/${size}`,
      "content-length": end - start + 1,
    });
    pipeline(fs.createReadStream("", { fd, start, end }), res, () => undefined); // closes fd on abort too
    return;
  }
  res.writeHead(200, { "content-type": type, "accept-ranges": "bytes", "content-length": size });
  pipeline(fs.createReadStream("", { fd, start: 0 }), res, () => undefined);
}

/** POST /__sim/skin?name=light: Premiere's brightness changes, as the editor would change it. */
function switchSkin(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  environment: PreviewUxpHost["environment"],
): void {
  const name = new URL(req.url!, "http://local").searchParams.get("name") ?? "";
  if (!(SKIN_NAMES as readonly string[]).includes(name)) {
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
    res.end(`name must be one of ${SKIN_NAMES.join(", ")}`);
    return;
  }
  environment.setSkin(name as SkinName);
  res.writeHead(204);
  res.end();
}

export function listen(server: http.Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      resolve(`http://${host}:${address.port}`);
    });
  });
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<RunningPreview> {
  const serveStatic = sirv(options.extensionDir, { dev: true, etag: false });
  const staticDirs = { ...options.staticDirs, ...(options.uxpPreviewDir ? { "/uxp/": options.uxpPreviewDir } : {}) };
  const mounts = Object.entries(staticDirs).map(([prefix, dir]) => ({
    prefix,
    serve: sirv(dir, { dev: true, etag: false }),
  }));
  const token = options.hostToken ?? crypto.randomBytes(32).toString("hex");
  const guard = createHostCallGuard(token);
  const panelPage = path.join(options.extensionDir, "main/index.html");
  const server = http.createServer(async (req, res) => {
    if (options.crossOriginIsolated) {
      res.setHeader("cross-origin-opener-policy", "same-origin");
      res.setHeader("cross-origin-embedder-policy", "require-corp");
    }
    const refused = guard.refusal(req);
    if (refused) {
      res.writeHead(403, { "content-type": "text/plain; charset=utf-8" });
      res.end(refused);
      return;
    }
    const route = req.url?.split("?")[0];
    const query = new URL(req.url ?? "/", "http://local").searchParams;
    // the UXP host when asked for and there is one; CEP's otherwise
    const uxp = query.get("host") === "uxp" ? options.uxpSimulator : undefined;
    const hostEvents = uxp?.events ?? options.simulator.events;
    const hostEnvironment = uxp?.environment ?? options.simulator.environment;
    if (route === "/__host/eval") {
      await answerHostCall(req, res, cepSimulatorCall(options.simulator));
      return;
    }
    if (route === "/__host/uxp" && options.uxpSimulator) {
      const uxpHost = options.uxpSimulator;
      await answerHostCall(req, res, (fn, args) => uxpHost.call(fn, args));
      return;
    }
    if (route === "/main/index.html" && req.method === "GET" && fs.existsSync(panelPage)) {
      servePanelPage(res, panelPage, token, uxp ? UXP_HOST_SHIM : "");
      return;
    }
    const uxpPage = options.uxpPreviewDir && path.join(options.uxpPreviewDir, "index.html");
    if (route === "/uxp/index.html" && req.method === "GET" && uxpPage && fs.existsSync(uxpPage)) {
      servePanelPage(res, uxpPage, token);
      return;
    }
    if (route === "/__host/events" && req.method === "GET") {
      res.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        connection: "keep-alive",
      });
      res.write(": connected\n\n");
      const forward = (event: CsxsEvent) => res.write(`data: ${JSON.stringify(event)}\n\n`);
      hostEvents.on("csxs", forward);
      req.on("close", () => hostEvents.off("csxs", forward));
      return;
    }
    if (route === "/__host/environment" && req.method === "GET") {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
      res.end(JSON.stringify(hostEnvironment));
      return;
    }
    if (route === "/__sim/skin" && req.method === "POST") {
      switchSkin(req, res, hostEnvironment);
      return;
    }
    if (req.url?.startsWith("/__media?") && req.method === "GET" && options.mediaFolders) {
      serveMedia(req, res, options.mediaFolders);
      return;
    }
    if (route === "/__sim/import" && req.method === "POST" && options.simulateImport) {
      options.simulateImport(uxp ? "uxp" : "cep");
      res.writeHead(204);
      res.end();
      return;
    }
    if (
      route?.startsWith("/__sim/") &&
      (await answerSimulatorTools(req, res, (uxp ?? options.simulator).app, options.simulatorTools ?? {}))
    )
      return;
    if (req.url === "/config/studio.json" && options.studioConfig) {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(options.studioConfig));
      return;
    }
    if (req.url === "/" || req.url === "/index.html") {
      res.writeHead(302, { location: "/main/index.html" });
      res.end();
      return;
    }
    const mount = mounts.find((m) => req.url?.startsWith(m.prefix));
    if (mount) {
      req.url = req.url!.slice(mount.prefix.length - 1);
      mount.serve(req, res, () => {
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("not found");
      });
      return;
    }
    serveStatic(req, res, () => {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    });
  });
  const url = await listen(server, options.port ?? 0, options.host ?? "127.0.0.1");
  guard.setOrigin(url);
  return {
    url,
    hostToken: token,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections(); // event streams stay open otherwise
        server.close(() => resolve());
      }),
  };
}
