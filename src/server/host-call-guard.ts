// Who may call the simulated host, and how: only the preview's own page (a per-run token it
// received in its HTML, its Origin, our Host name against DNS rebinding), and only as a bridge
// call {fn, args} that the contract validates; never free script text.
import crypto from "node:crypto";
import type http from "node:http";
import { hostCallScript } from "../lib/bridge/client";
import { HOST_TOKEN_HEADER, HOST_TOKEN_QUERY } from "../lib/bridge/transport";
import { validateHostCall } from "../shared/bridge/contract";
import type { HostEnvelope } from "../shared/bridge/errors";
import type { PremiereSimulator } from "../sim/premiere-simulator";

export { HOST_TOKEN_HEADER, HOST_TOKEN_META } from "../lib/bridge/transport";

const MAX_CALL_BYTES = 1024 * 1024;
/** Where bridge calls are taken: the CEP simulator's, and the UXP simulator's (the preview's
 * stand-in for the plugin forwards the webview page's calls there; docs/adr/0033). */
export const HOST_CALL_PATHS = new Set(["/__host/eval", "/__host/uxp"]);
const BODY_TIMEOUT_MS = 5000;

function sameSecret(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function createHostCallGuard(token: string) {
  let hosts = new Set<string>();
  let origins = new Set<string>();
  return {
    /** the address the server listens on, e.g. http://127.0.0.1:5173 */
    setOrigin(url: string): void {
      const port = new URL(url).port;
      hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, new URL(url).host]);
      origins = new Set([...hosts].map((h) => `http://${h}`));
    },
    /** why this request is refused (403), or null */
    refusal(req: http.IncomingMessage): string | null {
      if (!hosts.has(String(req.headers.host ?? "").toLowerCase())) return "unknown Host";
      const origin = req.headers.origin;
      if (origin !== undefined && !origins.has(origin)) return "foreign origin";
      const site = req.headers["sec-fetch-site"];
      if (site === "cross-site" || site === "same-site") return "cross-site request";
      const url = new URL(req.url ?? "/", "http://local");
      if (HOST_CALL_PATHS.has(url.pathname)) {
        if (origin === undefined) return "host calls need the page's Origin";
        if (!sameSecret(req.headers[HOST_TOKEN_HEADER] as string | undefined, token)) return "missing or wrong token";
      }
      if (url.pathname === "/__host/events" && !sameSecret(url.searchParams.get(HOST_TOKEN_QUERY), token))
        return "missing or wrong token";
      if (req.method === "POST" && origin === undefined) return "POST needs the page's Origin";
      return null;
    },
  };
}

function readBounded(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(
      () => reject(Object.assign(new Error("request body timed out"), { status: 408 })),
      BODY_TIMEOUT_MS,
    );
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_CALL_BYTES) {
        clearTimeout(timer);
        reject(Object.assign(new Error("host call too large"), { status: 413 }));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString("utf8"));
    });
    req.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

function send(res: http.ServerResponse, status: number, body: string, type = "text/plain; charset=utf-8"): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

/** Runs one validated bridge call on a simulated host and answers its envelope text. */
export type SimulatedCall = (fn: string, args: unknown[]) => string | Promise<string>;

/** The CEP simulator runs the call as the script CEP would evaluate. */
export const cepSimulatorCall =
  (simulator: PremiereSimulator): SimulatedCall =>
  (fn, args) =>
    simulator.evalScript(hostCallScript(fn, args));

/** POST /__host/eval (or /__host/uxp) with {"fn": ..., "args": [...]}: the host's envelope text,
 * as CEP (or the UXP plugin) returns it. */
export async function answerHostCall(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  call: SimulatedCall,
): Promise<void> {
  if (req.method !== "POST") return send(res, 405, "POST a host call");
  if (!/^application\/json\b/i.test(String(req.headers["content-type"] ?? "")))
    return send(res, 415, "a host call is JSON: {fn, args}");
  const run = call;
  let request: { fn?: unknown; args?: unknown };
  try {
    request = JSON.parse(await readBounded(req)) as typeof request;
  } catch (e) {
    const status = (e as { status?: number }).status ?? 400;
    return send(res, status, status === 400 ? "the body is not JSON" : (e as Error).message);
  }
  const fn = request && typeof request.fn === "string" ? request.fn : "";
  const invalid = validateHostCall(fn, request?.args);
  if (invalid) {
    const envelope: HostEnvelope<never> = { ok: false, error: invalid };
    return send(res, 400, JSON.stringify(envelope), "application/json; charset=utf-8");
  }
  send(res, 200, await run(fn, request.args as unknown[]));
}
