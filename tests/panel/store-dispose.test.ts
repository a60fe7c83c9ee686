// PanelStore.dispose(): a closed panel (or a finished test) leaves no timer behind: the catalog's
// reconnect, the offline copy's probe and sync, and the outbox's retry are all stopped.
import { afterEach, describe, expect, it, vi } from "vitest";
import { memoryStorage as outboxMemory, type OutboxEntry } from "../../src/lib/catalog";
import { createPanelStore } from "../../src/panel/store";
import { FakeCatalog, FakeEmbedder, MODEL, sampleReferences } from "../helpers/fake-panel-services";

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
      catalog: catalog as never, // until the panel has its catalog interface
      outboxStorage: outboxMemory([pendingSave]),
    });
    await store.getState().connectCatalog(CONFIG); // unreachable: a reconnect is scheduled
    expect(store.getState().catalogStatus.state).toBe("error");
    await store.getState().retrySaves(); // still unreachable: a retry is scheduled
    expect(store.getState().pendingSaves).toBe(1);
    store.getState().catalogSourceChanged({ kind: "copy", syncedAt: null, reason: "offline" }); // probes
    expect(vi.getTimerCount()).toBeGreaterThanOrEqual(3);

    store.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});
