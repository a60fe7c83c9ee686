// "Test connection" against the real local catalog over HTTP: each thing that can be wrong with
// an address and a key is named, and the check itself never writes.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkConnection, type CheckName, type ConnectionReport } from "../../src/lib/catalog/connection-check";
import { openCatalogDatabase } from "../../src/server/catalog/database";
import { projectKey } from "../../src/server/catalog/jwt";
import { startCatalogServer, type RunningCatalog } from "../../src/server/catalog/server";
import { embedding } from "../helpers/catalog-db";
import { RestartableCatalog } from "../helpers/restartable-catalog";

const MODEL = "local/tiny-random-clip@q8";
let catalog: RestartableCatalog;

const line = (r: ConnectionReport, check: CheckName) => r.lines.find((l) => l.check === check)!;
const oks = (r: ConnectionReport) => Object.fromEntries(r.lines.map((l) => [l.check, l.ok]));
const referenceCount = async () =>
  (await catalog.db.query<{ n: number }>("select count(*)::int n from media_references.reference_images")).rows[0].n;

beforeAll(async () => {
  catalog = await RestartableCatalog.start();
  const editor = await catalog.signIn("editor@eav.local");
  await editor.saveReference({
    referenceId: crypto.randomUUID(),
    filePath: "/Volumes/EAV Media/Day 1/A001.mp4",
    correctedMetadata: { location: "kitchen", subject: "oven", action: "cleaning", shotType: "MID", keywords: [] },
    embedding: embedding(1),
    modelVersion: MODEL,
  });
});

afterAll(async () => {
  await catalog?.close();
});

describe("checkConnection over HTTP", () => {
  it("a working catalog: reachable, key valid, schema present, references for the model, anon", async () => {
    const before = await referenceCount();
    const r = await checkConnection({ url: catalog.url, anonKey: catalog.server.anonKey, modelVersion: MODEL });
    expect(oks(r)).toEqual({ reachable: true, keys: true, schema: true, modelVersion: true, role: true });
    expect(r.ok).toBe(true);
    expect(line(r, "modelVersion").says).toBe(`References exist for ${MODEL}.`);
    expect(line(r, "role").says).toMatch(/^Not signed in \(anon\)/);
    expect(await referenceCount()).toBe(before); // the RPC probes change nothing
  });

  it("signed in: names the account and its role", async () => {
    const editor = await catalog.signIn("editor@eav.local");
    const r = await checkConnection({
      url: catalog.url,
      anonKey: catalog.server.anonKey,
      modelVersion: MODEL,
      accessToken: editor.config.accessToken,
    });
    expect(line(r, "role")).toEqual({ check: "role", ok: true, says: "Signed in as editor@eav.local (employee)." });
    const bad = await checkConnection({ url: catalog.url, anonKey: catalog.server.anonKey, accessToken: "a.b.c" });
    expect(line(bad, "role").ok).toBe(false);
    expect(line(bad, "role").says).toMatch(/sign in again/);
  });

  it("an unreachable address: says so and checks nothing else", async () => {
    const gone = await startCatalogServer({ seed: false });
    const url = gone.url;
    await gone.close();
    const r = await checkConnection({ url, anonKey: catalog.server.anonKey, modelVersion: MODEL, timeoutMs: 3000 });
    expect(oks(r)).toEqual({ reachable: false, keys: null, schema: null, modelVersion: null, role: null });
    expect(r.ok).toBe(false);
    expect(line(r, "reachable").says).toContain(`${url} cannot be reached`);
  });

  it("a wrong anon key: reachable, key refused", async () => {
    const otherKey = await projectKey("another project's secret, 32 characters or more", "anon");
    const r = await checkConnection({ url: catalog.url, anonKey: otherKey, modelVersion: MODEL });
    expect(oks(r)).toMatchObject({ reachable: true, keys: false, schema: null });
    expect(line(r, "keys").says).toMatch(/^The anon key is refused: Invalid API key/);
  });

  it("a model version the catalog does not know, and one it knows without references", async () => {
    const unknown = await checkConnection({
      url: catalog.url,
      anonKey: catalog.server.anonKey,
      modelVersion: "Xenova/clip-vit-large-patch14@q8",
    });
    expect(oks(unknown)).toMatchObject({ schema: true, modelVersion: false });
    expect(line(unknown, "modelVersion").says).toMatch(/does not know Xenova\/clip-vit-large-patch14@q8/);
    const empty = await checkConnection({
      url: catalog.url,
      anonKey: catalog.server.anonKey,
      modelVersion: "local/tiny-random-clip@fp32",
    });
    expect(line(empty, "modelVersion")).toMatchObject({ ok: false });
    expect(line(empty, "modelVersion").says).toMatch(/holds no references for it yet/);
    const noModel = await checkConnection({ url: catalog.url, anonKey: catalog.server.anonKey });
    expect(line(noModel, "modelVersion").ok).toBeNull();
    expect(noModel.ok).toBe(true);
  });
});

describe("an address that is not a catalog", () => {
  it("reachable, but not answering like Supabase", async () => {
    const server = http.createServer((_req, res) =>
      res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>"),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const r = await checkConnection({ url, anonKey: catalog.server.anonKey, modelVersion: MODEL });
      expect(oks(r)).toMatchObject({ reachable: true, keys: false, schema: null });
      expect(line(r, "keys").says).toBe(
        `${url} does not answer like a Supabase catalog (HTTP 404): is this the project's URL?`,
      );
    } finally {
      server.close();
    }
  });
});

describe("a server without the catalog's migrations", () => {
  let bare: RunningCatalog;
  beforeAll(async () => {
    bare = await startCatalogServer({ db: await openCatalogDatabase({ migrate: false }), seed: false });
  }, 60_000);
  afterAll(async () => {
    await bare?.close();
    await bare?.db.close();
  });

  it("keys valid, schema missing: names what is not there", async () => {
    const r = await checkConnection({ url: bare.url, anonKey: bare.anonKey, modelVersion: MODEL });
    expect(oks(r)).toMatchObject({ reachable: true, keys: true, schema: false, modelVersion: null });
    expect(line(r, "schema").says).toContain("embedding_models");
    expect(line(r, "schema").says).toContain("match_references()");
    expect(line(r, "schema").says).toMatch(/migrations have not been applied/);
  });
});
