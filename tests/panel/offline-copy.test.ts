// The panel without the network (issue 15 §2): with the catalog stopped, suggestions come from the
// offline copy and saves wait in the outbox; when it is back, the outbox drains (one row each) and
// the copy catches up. The real local catalog over HTTP; IndexedDB from fake-indexeddb.
import WebSocket from "ws";
import { describe, expect, it } from "vitest";
import { memoryStorage as outboxMemory } from "../../src/lib/catalog";
import { OfflineCatalog } from "../../src/lib/catalog/offline";
import { type Embedder, type PanelStore } from "../../src/panel/store";
import type { SimProjectItem } from "../../src/sim/premiere-dom";
import { createSampleProject } from "../../src/sim/sample-project";
import { NO_TIMINGS } from "../../src/testing/fake-panel-services";
import { COPY_MODEL, catalogPerTest, freshCopy, saveNear, unitNear } from "../helpers/offline-copy";
import { LOCAL_PASSWORD } from "../helpers/restartable-catalog";
import { sampleMedia } from "../../src/testing/sample-media";
import { simulatedHost } from "../../src/testing/simulated-host";
import { until } from "../../src/testing/until";
import { grabByName, testStore } from "../../src/testing/test-store";
import { eachTest } from "../helpers/each-test";

/** Each clip embeds to the vector the test gave its name. */
class NamedEmbedder implements Embedder {
  readonly path = "wasm-pool" as const;
  readonly detail = "a fake encoder";
  readonly byClip = new Map<string, Float32Array>();
  async load() {
    return { modelVersion: COPY_MODEL, threads: 1, path: this.path };
  }
  async embedClip(images: Blob[]) {
    const v = this.byClip.get(await images[0].text()) ?? unitNear(0, 1);
    return { modelVersion: COPY_MODEL, frames: [v], pooled: v, timings: NO_TIMINGS };
  }
  async embedTexts(texts: string[]) {
    return texts.map(() => unitNear(0, 1));
  }
  terminate() {}
}

const catalogs = catalogPerTest();

async function setup() {
  const catalog = await catalogs.start();
  const staff = await catalog.signIn("editor@eav.local");
  for (let i = 0; i < 8; i++) await saveNear(staff, 10, i, "oven");
  for (let i = 0; i < 8; i++) await saveNear(staff, 20, 50 + i, "tap");
  const project = createSampleProject(sampleMedia());
  const { host } = simulatedHost(project);
  const embedder = new NamedEmbedder();
  const copy = await freshCopy();
  const client = new OfflineCatalog(
    {
      url: catalog.url,
      anonKey: catalog.server.anonKey,
      persistSession: true,
      realtime: { transport: WebSocket as never },
    },
    { copy, fetchImage: async () => new Blob([]) },
  );
  const outbox = outboxMemory();
  const store = testStore({ host, embedder, catalog: client, outboxStorage: outbox, probeMs: 100, grab: grabByName });
  await store.getState().refreshProject();
  await store.getState().loadModel(null);
  await store.getState().connectCatalog({ catalog: { url: catalog.url, anonKey: catalog.server.anonKey } });
  await until(() => store.getState().copyStatus.state === "synced", "the first sync");
  await store.getState().signIn("editor@eav.local", LOCAL_PASSWORD);
  const clips = project
    .allItems()
    .filter((i) => i.type === 1 && !i.isSequence() && !i.isOffline())
    .slice(0, 2);
  return { store, embedder, copy, clips, outbox, db: catalog.db };
}

const queued = (store: PanelStore, item: SimProjectItem) =>
  store.getState().queue.find((q) => q.clip.nodeId === item.nodeId);

describe("working without the network", () => {
  describe("with a copy", () => {
    const fresh = eachTest(() => setup());

    it("suggests from the copy with the catalog stopped, keeps saves, and catches up when it is back", async () => {
      const { store, embedder, copy, clips, outbox, db } = fresh.current;
      expect(store.getState().copyStatus).toMatchObject({ state: "synced", references: 16, modelVersion: COPY_MODEL });
      expect(store.getState().catalogSource).toEqual({ kind: "server" });

      await catalogs.current!.stop();
      clips.forEach((clip, i) => embedder.byClip.set(clip.name, unitNear(i === 0 ? 10 : 20, 900 + i)));
      store.getState().enqueue(
        (
          await store.services.host.call(
            "getClips",
            clips.map((c) => c.nodeId),
          )
        ).clips,
      );
      await until(() => clips.every((c) => queued(store, c)?.status === "suggested"), "suggestions from the copy");
      expect(clips.map((c) => queued(store, c)?.suggestion?.fields.subject.value)).toEqual(["oven", "tap"]);
      expect(store.getState().catalogSource).toMatchObject({ kind: "copy", syncedAt: expect.any(Number) });

      for (const [i, clip] of clips.entries()) {
        store.getState().select(clip.nodeId);
        store.getState().setField("subject", `offline ${i}`);
        await store.getState().accept();
        await store.getState().saveAsReference(clip.nodeId);
      }
      expect(clips.map((c) => queued(store, c)?.saved?.state)).toEqual(["pending", "pending"]);
      expect(store.getState().pendingSaves).toBe(2);
      expect(outbox.read()).toHaveLength(2);

      await catalogs.current!.restart();
      await until(() => store.getState().catalogSource.kind === "server", "the probe to find the catalog");
      await until(() => store.getState().pendingSaves === 0, "the outbox to drain");
      const rows = await db.query<{ subject: string; n: number }>(
        `select corrected_metadata->>'subject' subject, count(*)::int n from media_references.reference_images
        where corrected_metadata->>'subject' like 'offline %' group by 1 order by 1`,
      );
      expect(rows.rows).toEqual([
        { subject: "offline 0", n: 1 },
        { subject: "offline 1", n: 1 },
      ]);
      // the copy caught up with the two saves
      await until(() => {
        const status = store.getState().copyStatus;
        return status.state === "synced" && status.references === 18;
      }, "the copy to catch up");
      expect(await copy.count(COPY_MODEL)).toBe(18);
    }, 90_000);
  });

  it("says the catalog cannot be reached when there is no copy yet", async () => {
    const catalog = await catalogs.start();
    const url = catalog.url;
    const anonKey = catalog.server.anonKey;
    await catalog.stop();
    const store = testStore({
      embedder: new NamedEmbedder(),
      catalog: new OfflineCatalog(
        { url, anonKey, realtime: { transport: WebSocket as never } },
        { copy: await freshCopy() },
      ),
    });
    await store.getState().connectCatalog({ catalog: { url, anonKey } });
    expect(store.getState().catalogStatus).toMatchObject({ state: "error", error: { code: "UNREACHABLE" } });
    expect(store.getState().catalogSource).toEqual({ kind: "server" });
    await catalog.restart();
  });
});
