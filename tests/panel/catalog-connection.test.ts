// The panel's one catalog connection: the same client while the address stays, a new one when
// it changes, an OfflineCatalog once the copy is open, and its probe while the copy answers.
import { afterEach, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { CatalogClient } from "../../src/lib/catalog";
import {
  OfflineCatalog,
  type CatalogCopy,
  type CatalogServer,
  type CatalogSource,
} from "../../src/lib/catalog/offline";
import { CatalogConnection } from "../../src/panel/store/catalog-connection";
import { FakeCatalog, MODEL, sampleReferences } from "../../src/testing/fake-panel-services";

const A = { url: "http://a.test", anonKey: "a.a.a" };
const B = { url: "http://b.test", anonKey: "b.b.b" };

afterEach(() => {
  vi.useRealTimers();
});

describe("the catalog connection", () => {
  it("keeps one client per address; a new address opens a new one, none for no address", () => {
    (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket; // supabase-js in Node 20
    const given = new FakeCatalog(sampleReferences());
    const connection = new CatalogConnection({ given, onSource: () => undefined });
    expect(connection.open(A)).toBe(given);
    expect(connection.open({ ...A })).toBe(given);
    const b = connection.open(B);
    expect(b).toBeInstanceOf(CatalogClient);
    expect((b as CatalogClient).config.url).toBe(B.url);
    expect(connection.open(null)).toBeNull();
    expect(connection.current).toBeNull();
    const again = connection.open(B);
    expect(again).not.toBe(b); // after no catalog, a fresh client: no session carried over

    connection.useCopy({} as CatalogCopy);
    expect(connection.open(A)).toBeInstanceOf(OfflineCatalog);
    expect(connection.offline).toBe(connection.current);
  });

  it("probes the catalog while the copy answers, and stops when it is back", async () => {
    vi.useFakeTimers();
    const server = new FakeCatalog(sampleReferences());
    const copy = {
      defaultModelVersion: async () => MODEL,
      syncState: async () => undefined,
    } as unknown as CatalogCopy;
    const sources: CatalogSource[] = [];
    const connection = new CatalogConnection({
      given: new OfflineCatalog(server as unknown as CatalogServer, { copy }),
      probeMs: 1000,
      onSource: (source) => sources.push(source),
    });
    const catalog = connection.open(A)!;
    server.down = true;
    expect(await catalog.defaultModelVersion()).toBe(MODEL); // from the copy
    expect(sources.map((s) => s.kind)).toEqual(["copy"]);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sources.map((s) => s.kind)).toEqual(["copy"]); // still down
    server.down = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(sources.map((s) => s.kind)).toEqual(["copy", "server"]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
