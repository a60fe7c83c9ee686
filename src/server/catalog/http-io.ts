// Reading and answering HTTP for the local catalog: bodies are read whole, bounded in size and
// time, before a request joins the one-at-a-time database queue, so a slow or hostile client
// never holds the queue; CORS is answered only to the origins allowed.
import type http from "node:http";
import { redactPaths } from "./http-errors";
import { JsonBodyError, parseJsonBody } from "./json-body";

/** An answer decided before the request reaches the database (bad body, origin, target). */
export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(typeof body === "object" && body && "message" in body ? String(body.message) : `HTTP ${status}`);
  }
}

export interface BodyLimits {
  maxBytes: number;
  /** the whole body must arrive within this time */
  timeoutMs: number;
}

const failure = (status: number, code: string, message: string) =>
  new HttpFailure(status, { code, message, details: null, hint: null });

/** The request body, or a 413 past maxBytes, or a 408 when it does not arrive in time. */
export function readBody(req: http.IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limits.maxBytes) {
    return Promise.reject(failure(413, "PGRST413", `Request body over the ${limits.maxBytes}-byte limit`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      done();
      reject(failure(408, "PGRST408", `Request body not received within ${limits.timeoutMs} ms`));
    }, limits.timeoutMs);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limits.maxBytes) return void chunks.push(chunk);
      done();
      reject(failure(413, "PGRST413", `Request body over the ${limits.maxBytes}-byte limit`));
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks));
    };
    const onError = (e: Error) => {
      done();
      reject(e);
    };
    function done() {
      clearTimeout(timer);
      req.off("data", onData).off("end", onEnd).off("error", onError);
    }
    req.on("data", onData).on("end", onEnd).on("error", onError);
  });
}

/** The body as JSON, or 400 PGRST102 (as PostgREST answers a body it cannot take). */
export function parseJson(body: Buffer): unknown {
  try {
    return parseJsonBody(body.toString("utf8"));
  } catch (e) {
    if (!(e instanceof JsonBodyError)) throw e;
    throw new HttpFailure(400, { code: "PGRST102", message: e.message, details: e.details, hint: e.hint });
  }
}

/** The request target as a URL, or 400 for one no server could route (e.g. `//:99999/health`). */
export function requestUrl(req: http.IncomingMessage): URL {
  const target = req.url ?? "";
  if (!target.startsWith("/") || target.startsWith("//")) {
    throw failure(400, "PGRST400", "Malformed request target: expected an absolute path");
  }
  // URL parsing would resolve `..` (also as %2e%2e) and route elsewhere: no client sends one
  if (/\/(\.|%2e){1,2}(\/|\?|#|$)/i.test(target.split("?")[0])) {
    throw failure(400, "PGRST400", "Malformed request target: dot segments are not allowed");
  }
  try {
    return new URL(target, "http://catalog.local");
  } catch {
    throw failure(400, "PGRST400", "Malformed request target");
  }
}

/** CEP panels load from file://; Chromium sends their origin as "null" (or "file://"). */
export const CEP_ORIGINS = ["null", "file://"];

export class CorsPolicy {
  private readonly origins: Set<string>;

  constructor(origins: Iterable<string>) {
    this.origins = new Set(origins);
  }

  allow(origin: string): void {
    this.origins.add(CEP_ORIGINS.includes(origin) ? origin : new URL(origin).origin);
  }

  /** Requests without Origin are not from a web page; those with one must be allowed. */
  permits(origin: string | undefined): boolean {
    return origin === undefined || this.origins.has(origin);
  }

  headers(origin: string | undefined): Record<string, string> {
    if (origin === undefined || !this.origins.has(origin)) return {};
    return {
      "access-control-allow-origin": origin,
      vary: "Origin",
      "access-control-allow-methods": "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
      "access-control-allow-headers":
        "authorization, apikey, content-type, content-profile, accept-profile, prefer, range, x-client-info, " +
        "x-supabase-api-version, x-upsert, cache-control, x-metadata",
      "access-control-expose-headers": "content-range, x-supabase-api-version",
      "access-control-max-age": "600",
    };
  }
}

export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return void res.end();
  // a server fault never shows where the server keeps its files (belt: the messages are plain already)
  const text = body === undefined ? "" : JSON.stringify(status >= 500 ? redactPaths(body) : body);
  res.writeHead(status, { ...headers, "content-type": "application/json; charset=utf-8" });
  res.end(status === 204 ? undefined : text);
}
