// What survives a reload, in the panel's IndexedDB (ADR 0030; fake-indexeddb, one per computer):
// localStorage's queue and batch undo moved over once, start-up waiting for the stored queue,
// a write that fails kept in memory and said in plain words, two panel pages on one project,
// the clips' pictures.
import { resolveObjectURL } from "node:buffer";
import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it, vi } from "vitest";
import type { PanelStore } from "../../src/panel/store";
import { batchUndoKey } from "../../src/panel/store/batch-undo-persistence";
import { PanelDatabase, storageProblem } from "../../src/panel/store/panel-database";
import { batchKey, queueKey } from "../../src/panel/store/queue-persistence";
import { loadThumbnails, storeThumbnail } from "../../src/panel/store/thumbnail-store";
import { createSampleProject } from "../../src/sim/sample-project";
import { FakeCatalog, memoryStorage, sampleReferences } from "../../src/testing/fake-panel-services";
import { sampleMedia } from "../../src/testing/sample-media";
import { simulatedHost } from "../../src/testing/simulated-host";
import { until } from "../../src/testing/until";
import { databaseOf, grabLooks, testStore } from "../../src/testing/test-store";

const CONFIG = { catalog: { url: "http://catalog.test", anonKey: "a.b.c" } };
const OVEN = "kitchen-oven-cleaning-MID.mp4";
const HOB = "kitchen-hob-CU.jpg";

/** A panel page on the sample project; `storage` is the computer (its localStorage and IndexedDB). */
function page(storage = memoryStorage(), project = createSampleProject(sampleMedia()), extra = {}) {
  const grabbed: string[] = [];
  const looks = grabLooks(new Map());
  const store = testStore({
    host: simulatedHost(project).host,
    catalog: new FakeCatalog(sampleReferences()),
    storage,
    grab: (clip, fractions) => (grabbed.push(clip.nodeId), looks(clip, fractions)),
    ...extra,
  });
  const id = (name: string) => project.allItems().find((i) => i.name === name)!.nodeId;
  return { store, storage, project, grabbed, id };
}

async function ready(store: PanelStore) {
  await store.getState().refreshProject();
  await store.getState().loadModel(null);
  await store.getState().connectCatalog(CONFIG);
}

async function enqueue(store: PanelStore, nodeId: string) {
  const { clips } = await store.services.host.call("getClips", [nodeId]);
  store.getState().enqueue(clips);
  await until(() => status(store, nodeId) === "suggested", "the clip's suggestion");
}

const status = (store: PanelStore, nodeId: string) =>
  store.getState().queue.find((q) => q.clip.nodeId === nodeId)?.status;

/** Makes the page's IndexedDB refuse writes (as a full disk does) while `refuse()` says so. */
function refuseWrites(store: PanelStore, refuse: (stores: string[]) => boolean) {
  const db = store.services.database!;
  const run = db.run.bind(db);
  db.run = ((stores, mode, body) =>
    mode === "readwrite" && refuse(stores)
      ? Promise.reject(storageProblem(new DOMException("The quota has been exceeded.", "QuotaExceededError")))
      : run(stores, mode, body)) as typeof db.run;
}

describe("the panel's storage", () => {
  it("moves localStorage's queue, batch and batch undo over once, removing the old keys only once stored", async () => {
    const storage = memoryStorage();
    const first = page(storage);
    const path = first.project.path;
    const { clips } = await first.store.services.host.call("getClips", [first.id(OVEN), first.id(HOB)]);
    const snapshot = await first.store.services.host.call("snapshotClip", first.id(OVEN));
    // what the panel before ADR 0030 left in localStorage
    const pooled = Buffer.from(new Float32Array(512).fill(0.25).buffer).toString("base64");
    storage.setItem(
      queueKey(path),
      JSON.stringify({
        v: 1,
        items: [
          { clip: clips[0], status: "applied", pooled: { modelVersion: "test/fake@q8", base64: pooled } },
          { clip: clips[1], status: "embedding" },
        ],
      }),
    );
    storage.setItem(batchKey(path), JSON.stringify({ v: 1, batch: null }));
    const undoIndex = {
      at: "2026-12-01T10:00:00Z",
      threshold: 0.9,
      clips: [{ nodeId: snapshot.nodeId, name: OVEN, written: true }],
    };
    storage.setItem(batchUndoKey(path), JSON.stringify({ v: 2, undo: undoIndex }));
    const snapshotKey = `${batchUndoKey(path)}:clip:${snapshot.nodeId}`;
    storage.setItem(snapshotKey, JSON.stringify(snapshot));
    const legacyKeys = [...storage.data.keys()];

    // the database refuses: nothing is lost, the old keys stay, the banner says what to do
    refuseWrites(first.store, () => true);
    await first.store.getState().refreshProject();
    expect(legacyKeys.filter((k) => !storage.data.has(k))).toEqual([]);
    expect(first.store.getState().error).toMatchObject({
      cause: "storage",
      detail: expect.stringContaining("Free some disk space"),
    });

    // the next start moves them, then removes the keys
    const second = page(storage, first.project);
    await second.store.getState().refreshProject();
    expect(second.store.getState().queue.map((q) => [q.clip.name, q.status])).toEqual([
      [OVEN, "applied"],
      [HOB, "waiting"], // it was mid-way: it starts over
    ]);
    expect(second.store.getState().queue[0].embeddings?.pooled).toEqual(new Float32Array(512).fill(0.25));
    expect(second.store.getState().batchUndo?.clips.map((c) => c.before)).toEqual([snapshot]);
    expect(legacyKeys.filter((k) => storage.data.has(k))).toEqual([]);
    expect(second.store.getState().error).toBe(null);

    // and the database has it for the next reload
    const third = page(storage, first.project);
    await third.store.getState().refreshProject();
    expect(third.store.getState().queue).toHaveLength(2);
    expect(third.store.getState().batchUndo?.clips).toHaveLength(1);
  });

  it("schedules no work before the stored queue is back: a clip stored as applied is not worked on again", async () => {
    const storage = memoryStorage();
    const first = page(storage);
    await ready(first.store);
    const oven = first.id(OVEN);
    await enqueue(first.store, oven);
    first.store.getState().select(oven);
    await first.store.getState().accept();
    await first.store.getState().persistQueue();

    // reload; the database answers slowly, and the clip is imported again meanwhile
    const second = page(storage, first.project);
    const db = second.store.services.database!;
    const run = db.run.bind(db);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    db.run = (async (stores, mode, body) => {
      if (mode === "readonly") await held;
      return run(stores, mode, body);
    }) as typeof db.run;
    const restoring = second.store.getState().refreshProject();
    await Promise.all([second.store.getState().loadModel(null), second.store.getState().connectCatalog(CONFIG)]);
    const { clips } = await second.store.services.host.call("getClips", [oven]);
    second.store.getState().enqueue(clips);
    release();
    await restoring;
    await second.store.getState().processQueue();
    expect(status(second.store, oven)).toBe("applied");
    expect(second.grabbed).toEqual([]);
  });

  it("keeps the queue in memory when a write fails, says so, and stores it once writes work again", async () => {
    const storage = memoryStorage();
    const first = page(storage);
    await ready(first.store);
    let full = true;
    refuseWrites(first.store, (stores) => full && stores.includes("clips"));
    await enqueue(first.store, first.id(OVEN));
    await first.store.getState().persistQueue();
    expect(first.store.getState().error).toEqual({
      cause: "storage",
      title: "Keeping the queue failed",
      detail:
        "This computer has no room left for the panel's storage. Free some disk space; until then the panel keeps its work only while it stays open.",
    });
    expect(status(first.store, first.id(OVEN))).toBe("suggested"); // nothing of the session is lost

    full = false;
    await first.store.getState().persistQueue();
    expect(first.store.getState().error).toBe(null);
    const second = page(storage, first.project);
    await second.store.getState().refreshProject();
    expect(status(second.store, first.id(OVEN))).toBe("suggested");
  });

  it("two panel pages on one project keep each other's clips", async () => {
    const storage = memoryStorage();
    const a = page(storage);
    const b = page(storage, a.project);
    await Promise.all([ready(a.store), ready(b.store)]);
    const [oven, hob] = [a.id(OVEN), a.id(HOB)];
    await Promise.all([enqueue(a.store, oven), enqueue(b.store, hob)]);
    a.store.getState().select(oven);
    await a.store.getState().accept();
    await Promise.all([a.store.getState().persistQueue(), b.store.getState().persistQueue()]);

    const reloaded = page(storage, a.project);
    await reloaded.store.getState().refreshProject();
    const stored = reloaded.store.getState().queue.map((q) => [q.clip.nodeId, q.status]);
    expect(new Map(stored as Array<[string, string]>)).toEqual(
      new Map([
        [oven, "applied"],
        [hob, "suggested"],
      ]),
    );
  });

  it("gives way to a newer panel's database and says so in plain words", async () => {
    const factory = new IDBFactory();
    const db = new PanelDatabase(factory);
    await db.run(["queues"], "readwrite", (tx) => tx.objectStore("queues").put({ projectPath: "p", order: [] }));
    // a newer panel upgrades the database: this one closes instead of blocking it
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(db.name, 2);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    newer.close();
    await expect(db.run(["queues"], "readonly", (tx) => tx.objectStore("queues").get("p"))).rejects.toThrow(
      "Another Reference Lookup panel of a different version has the panel's storage open.",
    );
  });

  it("shows each clip's picture after a reload", async () => {
    const storage = memoryStorage();
    const clipThumbnail = async (frame: Blob) => new Blob([`small ${frame.size}`], { type: "image/jpeg" });
    const first = page(storage, undefined, { clipThumbnail });
    await ready(first.store);
    const oven = first.id(OVEN);
    await enqueue(first.store, oven);
    const frame = first.store.getState().queue[0].frames![0];
    const db = databaseOf(storage);
    await until(async () => (await loadThumbnails(db, first.project.path)).size === 1, "the picture stored");

    const second = page(storage, first.project, { clipThumbnail });
    await second.store.getState().refreshProject();
    const url = second.store.getState().queue[0].frameUrls?.[0];
    expect(url).toMatch(/^blob:/);
    expect(await resolveObjectURL(url!)?.text()).toBe(`small ${frame.size}`);
  });

  it("keeps at most the bound of pictures, the least recently used going first", async () => {
    const db = new PanelDatabase(new IDBFactory());
    const now = vi.spyOn(Date, "now");
    const picture = new Blob(["jpeg"], { type: "image/jpeg" });
    for (const [t, id] of ["a", "b", "c"].entries()) {
      now.mockReturnValue(1000 + t);
      await storeThumbnail(db, "p", id, picture, 3);
    }
    now.mockReturnValue(2000);
    await loadThumbnails(db, "p"); // all shown: a, b and c are used now
    now.mockReturnValue(2001);
    await storeThumbnail(db, "q", "d", picture, 3); // another project's clip
    now.mockReturnValue(2002);
    await storeThumbnail(db, "p", "e", picture, 3);
    now.mockRestore();
    expect([...(await loadThumbnails(db, "p")).keys()].sort()).toEqual(["c", "e"]);
    expect([...(await loadThumbnails(db, "q")).keys()]).toEqual(["d"]);
    expect(await storeThumbnail(db, "p", "big", new Blob([new Uint8Array(40_000)]))).toBe(false);
  });
});
