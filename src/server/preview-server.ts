// The browser preview: serves the built panel (dist/cep) and answers the bridge's evalScript
// calls with the Premiere simulator, so the same build runs without Premiere.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import sirv from "sirv";
import type { StudioConfig } from "../lib/studio-config";
import type { CsxsEvent, PremiereSimulator } from "../sim/premiere-simulator";

export interface PreviewServerOptions {
  /** the built extension folder, e.g. dist/cep */
  extensionDir: string;
  simulator: PremiereSimulator;
  /** served as /config/studio.json, as an admin's studio defaults would be */
  studioConfig?: StudioConfig;
  /** URL prefix → folder, e.g. { "/models/": ".cache/models" }: model folders served as an admin's would be */
  staticDirs?: Record<string, string>;
  /** send COOP/COEP so pages are cross-origin isolated (multi-threaded WASM; benchmarks only) */
  crossOriginIsolated?: boolean;
  /** which local files GET /__media?path= may serve (the simulated project's media, frame exports) */
  mediaAllowed?: (path: string) => boolean;
  /** POST /__sim/import adds a clip, as an editor's import would (browser preview only) */
  simulateImport?: () => void;
  port?: number;
  host?: string;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const MAX_SCRIPT_BYTES = 8 * 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_SCRIPT_BYTES) reject(new Error("script too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
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

/** A local media file with HTTP range support, so <video> can seek in it. */
function serveMedia(req: http.IncomingMessage, res: http.ServerResponse, allowed: (path: string) => boolean): void {
  const file = new URL(req.url!, "http://local").searchParams.get("path") ?? "";
  const resolved = path.resolve(file);
  if (!file || !allowed(resolved) || !fs.existsSync(resolved) || !fs.statSync(resolved).isFile()) {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("no such media");
    return;
  }
  const size = fs.statSync(resolved).size;
  const type = MEDIA_TYPES[resolved.split(".").pop()!.toLowerCase()] ?? "application/octet-stream";
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? "");
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start >= size || start > end) {
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
    fs.createReadStream(resolved, { start, end }).pipe(res);
    return;
  }
  res.writeHead(200, { "content-type": type, "accept-ranges": "bytes", "content-length": size });
  fs.createReadStream(resolved).pipe(res);
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

export async function startPreviewServer(options: PreviewServerOptions): Promise<RunningServer> {
  const serveStatic = sirv(options.extensionDir, { dev: true, etag: false });
  const mounts = Object.entries(options.staticDirs ?? {}).map(([prefix, dir]) => ({
    prefix,
    serve: sirv(dir, { dev: true, etag: false }),
  }));
  const server = http.createServer(async (req, res) => {
    if (options.crossOriginIsolated) {
      res.setHeader("cross-origin-opener-policy", "same-origin");
      res.setHeader("cross-origin-embedder-policy", "require-corp");
    }
    if (req.url === "/__host/eval" && req.method === "POST") {
      try {
        const script = await readBody(req);
        res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
        res.end(options.simulator.evalScript(script));
      } catch (e) {
        res.writeHead(413, { "content-type": "text/plain; charset=utf-8" });
        res.end((e as Error).message);
      }
      return;
    }
    if (req.url === "/__host/events" && req.method === "GET") {
      res.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        connection: "keep-alive",
      });
      res.write(": connected\n\n");
      const forward = (event: CsxsEvent) => res.write(`data: ${JSON.stringify(event)}\n\n`);
      options.simulator.events.on("csxs", forward);
      req.on("close", () => options.simulator.events.off("csxs", forward));
      return;
    }
    if (req.url?.startsWith("/__media?") && req.method === "GET" && options.mediaAllowed) {
      serveMedia(req, res, options.mediaAllowed);
      return;
    }
    if (req.url === "/__sim/import" && req.method === "POST" && options.simulateImport) {
      options.simulateImport();
      res.writeHead(204);
      res.end();
      return;
    }
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
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections(); // event streams stay open otherwise
        server.close(() => resolve());
      }),
  };
}
