// PanelStore.dispose(): a closed panel (or a finished test) leaves no timer behind: the catalog's
// reconnect, the offline copy's probe and sync, and the outbox's retry are all stopped.
import { afterEach, describe, expect, it, vi } from "vitest";
import { memoryStorage as outboxMemory, type OutboxEntry } from "../../src/lib/catalog";
import { OfflineCatalog, type CatalogCopy, type CatalogServer } from "../../src/lib/catalog/offline";
import { createPanelStore } from "../../src/panel/store";
import { FakeCatalog, FakeEmbedder, MODEL, sampleReferences } from "../../src/testing/fake-panel-services";

const CONFIG = { catalog: { url: "http://catalog.test", anonKey: "a.b.c" } };

const pendingSave: OutboxEntry = {
  input: {
    referenceId: "7d1e2c7a-0000-4000-8000-000000000001",
    filePath: "/media/oven.mov",
    correctedMetadata: { location: "kitchen", subject: "oven", shotType: "MID", keywords: [] },
    embedding: Array.from({ length: 512 }, (_, i) => (i === 0 ? 1 : 0)),
    modelVersion: MODEL,
  },
  state: "pending",
  attempts: 1,
  queuedAt: 0,
  nextAttemptAt: 0,
};

afterEach(() => {
  vi.useRealTimers();
});

describe("disposing of the panel store", () => {
  it("clears the timers of the catalog, offline and save slices", async () => {
    vi.useFakeTimers();
    const catalog = new FakeCatalog(sampleReferences());
    catalog.down = true;
    const store = createPanelStore({
      host: {} as never, // nothing here reaches the host
      embedder: new FakeEmbedder(),
      catalog,
      outboxStorage: outboxMemory([pendingSave]),
    });
    await store.getState().connectCatalog(CONFIG); // unreachable: a reconnect is scheduled
    expect(store.getState().catalogStatus.state).toBe("error");
    await store.getState().retrySaves(); // still unreachable: a retry is scheduled
    expect(store.getState().pendingSaves).toBe(1);
    expect(vi.getTimerCount()).toBe(2);

    store.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("clears the offline copy's next sync and the probe of a catalog answered by the copy", async () => {
    vi.useFakeTimers();
    const server = new FakeCatalog(sampleReferences());
    // a copy that has a model version and answers what is asked of it here
    const copy = {
      defaultModelVersion: async () => MODEL,
      syncState: async () => undefined,
      referenceSample: () => server.referenceSample(),
      knownValues: () => server.knownValues(),
      db: { get: async () => undefined },
    } as unknown as CatalogCopy;
    const store = createPanelStore({
      host: {} as never,
      embedder: new FakeEmbedder(),
      catalog: new OfflineCatalog(server as unknown as CatalogServer, { copy }),
    });
    await store.getState().loadModel(null);
    await store.getState().connectCatalog(CONFIG); // the copy's next sync is scheduled
    expect(store.getState().catalogStatus.state).toBe("connected");
    server.down = true;
    await store.catalog.current!.defaultModelVersion(); // the copy answers: the catalog is probed
    expect(store.getState().catalogSource.kind).toBe("copy");
    expect(vi.getTimerCount()).toBe(2);

    store.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});
