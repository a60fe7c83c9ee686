// The local catalog under clients that stall, send too much, send nonsense targets or forge
// tokens (issue 13 §2, §7): each gets a clear answer and nobody else waits for them.
import net from "node:net";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCatalogServer, type RunningCatalog } from "../../src/server/catalog/server";
import { until } from "../../src/testing/until";

let catalog: RunningCatalog;
const BODY_TIMEOUT_MS = 1500;
beforeAll(async () => {
  catalog = await startCatalogServer({
    localPassword: "pw",
    bodyLimits: { jsonBytes: 64 * 1024, timeoutMs: BODY_TIMEOUT_MS },
  });
  // fetch's first call loads its client (about 100 ms here); the timings below are the server's
  await fetch(`${catalog.url}/health`);
});
afterAll(async () => catalog?.close());

/** Sends raw bytes and resolves with everything the server answers until it closes or `untilMs`;
 * `onSent` is called once the bytes are on their way. */
function rawRequest(text: string, untilMs = 5000, onSent?: () => void): Promise<string> {
  const { port } = new URL(catalog.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), "127.0.0.1", () => socket.write(text, () => onSent?.()));
    let answer = "";
    const timer = setTimeout(() => (socket.destroy(), resolve(answer)), untilMs);
    socket.on("data", (d) => (answer += d.toString("latin1")));
    socket.on("close", () => (clearTimeout(timer), resolve(answer)));
    socket.on("error", reject);
  });
}

const headers = (extra: Record<string, string> = {}) => ({ apikey: catalog.anonKey, ...extra });

describe("stalled and oversized requests", () => {
  it("answers a stalled body with 408, and /health stays fast meanwhile", async () => {
    let sent = false;
    const stalled = rawRequest(
      "POST /auth/v1/token?grant_type=password HTTP/1.1\r\nHost: x\r\n" +
        `apikey: ${catalog.anonKey}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":`,
      5000,
      () => (sent = true),
    );
    await until(() => sent, "the stalled request's head to be sent"); // its body never comes
    let stalledEnded = false;
    void stalled.then(() => (stalledEnded = true));
    const health = await fetch(`${catalog.url}/health`);
    expect(health.status).toBe(200);
    // answered while the stalled request still waits for its body: not held up by it (an
    // order, not a time: a busy machine may take longer for both)
    expect(stalledEnded).toBe(false);
    // a request that needs the database is not held up either
    const shots = await fetch(`${catalog.url}/rest/v1/rpc/match_references`, {
      method: "POST",
      headers: headers({ "content-type": "application/json", "content-profile": "media_references" }),
      body: JSON.stringify({ query_embedding: Array(512).fill(0.01), match_count: 1 }),
    });
    expect(shots.status).toBe(200);
    const answer = await stalled;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('"code":"PGRST408"');
  });

  it("refuses a body over the limit with 413, declared or streamed", async () => {
    const declared = await fetch(`${catalog.url}/rest/v1/rpc/list_shots`, {
      method: "POST",
      headers: headers({ "content-type": "application/json" }),
      body: JSON.stringify({ search: "x".repeat(100 * 1024) }),
    });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ code: "PGRST413" });

    const chunk = `${"x".repeat(40 * 1024)}`;
    const streamed = await rawRequest(
      "POST /rest/v1/rpc/list_shots HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n" +
        `apikey: ${catalog.anonKey}\r\nContent-Type: application/json\r\n\r\n` +
        `${chunk.length.toString(16)}\r\n${chunk}\r\n`.repeat(2),
      2000,
    );
    expect(streamed).toMatch(/^HTTP\/1\.1 413 /);
  });

  it("answers a malformed request target with 400", async () => {
    for (const target of ["//:99999/health", "//evil.example/health", "*"]) {
      const answer = await rawRequest(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(answer, target).toMatch(/^HTTP\/1\.1 400 /);
    }
    expect((await fetch(`${catalog.url}/health`)).status).toBe(200);
  });
});

describe("query and token edge cases (issue 13 §7)", () => {
  const read = (query: string) =>
    fetch(`${catalog.url}/rest/v1/embedding_models?select=model_version&${query}`, {
      headers: headers({ "accept-profile": "media_references" }),
    });

  it("does not wrap a huge offset to a negative number", async () => {
    const huge = await read("offset=3000000000");
    expect(huge.status).toBe(200);
    expect(await huge.json()).toEqual([]);
    const all = await read("offset=0");
    expect(((await all.json()) as unknown[]).length).toBeGreaterThan(0);
    for (const bad of ["offset=-1", "offset=1e3", "limit=abc", "offset=99999999999999999999"]) {
      const res = await read(bad);
      expect(res.status, bad).toBe(400);
      expect(await res.json()).toMatchObject({ code: "PGRST100" });
    }
  });

  it("refuses a correctly signed token without exp", async () => {
    const forever = await new SignJWT({ role: "service_role" })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .sign(new TextEncoder().encode(catalog.jwtSecret));
    const res = await fetch(`${catalog.url}/rest/v1/rpc/list_shots`, {
      method: "POST",
      headers: headers({ authorization: `Bearer ${forever}`, "content-type": "application/json" }),
      body: "{}",
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: "PGRST301", message: expect.stringContaining('"exp"') });
  });
});
