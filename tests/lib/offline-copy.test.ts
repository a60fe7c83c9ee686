// The offline copy against the real local catalog over HTTP (supabase-js, PostgREST subset):
// incremental sync with deletions and updates, and the copy's answers when the catalog is down.
import WebSocket from "ws";
import { describe, expect, it } from "vitest";
import { CatalogError } from "../../src/lib/catalog";
import { OfflineCatalog, type CatalogSource } from "../../src/lib/catalog/offline";
import { COPY_MODEL, catalogPerTest, freshCopy, saveNear, unitNear } from "../helpers/offline-copy";
import { eachTest } from "../helpers/each-test";

const catalogs = catalogPerTest();

async function setup() {
  const catalog = await catalogs.start();
  const staff = await catalog.signIn("editor@eav.local");
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) ids.push(await saveNear(staff, 10, i, "oven"));
  for (let i = 0; i < 6; i++) ids.push(await saveNear(staff, 20, 100 + i, "tap"));
  const copy = await freshCopy();
  const sources: CatalogSource[] = [];
  const client = new OfflineCatalog(
    { url: catalog.url, anonKey: catalog.server.anonKey, realtime: { transport: WebSocket as never } },
    { copy, onSource: (s) => sources.push(s) },
  );
  return { staff, copy, client, ids, sources, db: catalog.db };
}

const copiedIds = async (copy: Awaited<ReturnType<typeof freshCopy>>) =>
  (await copy.db.getAllFromIndex("references", "byModel", COPY_MODEL)).map((r) => r.referenceId).sort();

describe("the offline copy", () => {
  const fresh = eachTest(() => setup());

  it("copies every confirmed reference of the model version on the first sync, as anon", async () => {
    const { client, copy, ids } = fresh.current;
    const first = await client.syncCopy(COPY_MODEL);
    expect(first).toMatchObject({ upserted: 12, removed: 0 });
    expect(await copiedIds(copy)).toEqual([...ids].sort());
    const [row] = await copy.db.getAllFromIndex("references", "byModel", COPY_MODEL);
    expect(row.embedding).toBeInstanceOf(Float32Array);
    expect(row.embedding).toHaveLength(512);
  });

  it("then reads only what changed: a reference deleted upstream disappears, an update replaces the row", async () => {
    const { client, copy, ids, staff, db } = fresh.current;
    await client.syncCopy(COPY_MODEL);
    const [gone, edited] = ids;
    await db.query("delete from media_references.reference_images where id = $1", [gone]);
    await db.query(
      `update media_references.reference_images set corrected_metadata = corrected_metadata || '{"subject": "hob"}'
        where id = $1`,
      [edited],
    );
    const added = await saveNear(staff, 30, 7, "lawn");
    const second = await client.syncCopy(COPY_MODEL);
    expect(second).toMatchObject({ upserted: 2, removed: 1 });
    expect(await copiedIds(copy)).toEqual([...ids.slice(1), added].sort());
    expect((await copy.db.get("references", [COPY_MODEL, edited]))?.metadata.subject).toBe("hob");
    expect(await client.syncCopy(COPY_MODEL)).toMatchObject({ upserted: 0, removed: 0 });
  });

  it("drops a reference marked pending: matching reads only confirmed references", async () => {
    const { client, copy, ids, staff } = fresh.current;
    await client.syncCopy(COPY_MODEL);
    expect(await staff.markPending([ids[3]])).toEqual([ids[3]]);
    expect(await client.syncCopy(COPY_MODEL)).toMatchObject({ upserted: 0, removed: 1 });
    expect(await copiedIds(copy)).not.toContain(ids[3]);
  });

  it("answers the catalog's matches, sample and known values from the copy when the catalog is stopped", async () => {
    const { client, sources } = fresh.current;
    await client.syncCopy(COPY_MODEL);
    const query = unitNear(10, 999);
    const online = await client.match(query, { k: 5, modelVersion: COPY_MODEL });
    const onlineValues = await client.knownValues();
    await catalogs.current!.stop();
    const offline = await client.match(query, { k: 5, modelVersion: COPY_MODEL });
    expect(sources).toEqual([{ kind: "copy", syncedAt: expect.any(Number), reason: expect.any(String) }]);
    expect(offline.map((m) => m.referenceId)).toEqual(online.map((m) => m.referenceId));
    offline.forEach((m, i) => expect(m.similarity).toBeCloseTo(online[i].similarity, 5));
    expect(offline[0].metadata.subject).toBe("oven");
    const [frameMatches] = await client.matchFrames([query], { k: 3, modelVersion: COPY_MODEL });
    expect(frameMatches.map((n) => n.metadata.subject)).toEqual(["oven", "oven", "oven"]);
    expect(await client.referenceSample(COPY_MODEL)).toHaveLength(12);
    expect(await client.knownValues()).toEqual(onlineValues);
    expect(await client.defaultModelVersion()).toBe("Xenova/clip-vit-base-patch32@q8");
    expect(await client.probe()).toBe(false);
    await catalogs.current!.restart();
    expect(await client.probe()).toBe(true);
    expect(sources.at(-1)).toEqual({ kind: "server" });
  });

  it("filters the copy's matches by shot type as match_references does", async () => {
    const { client } = fresh.current;
    await client.syncCopy(COPY_MODEL);
    await catalogs.current!.stop();
    expect(await client.match(unitNear(10, 5), { k: 3, shotType: "WS", modelVersion: COPY_MODEL })).toEqual([]);
    expect(await client.match(unitNear(10, 5), { k: 3, shotType: "MID", modelVersion: COPY_MODEL })).toHaveLength(3);
  });

  it("without a copy, an unreachable catalog fails as before: UNREACHABLE", async () => {
    const { client } = fresh.current;
    await catalogs.current!.stop();
    await expect(client.match(unitNear(10, 1), { modelVersion: COPY_MODEL })).rejects.toMatchObject({
      code: "UNREACHABLE",
    });
    expect(client.source).toEqual({ kind: "server" });
  });

  it("never answers from the copy what the catalog refused: a bad embedding stays INVALID_EMBEDDING", async () => {
    const { client } = fresh.current;
    await client.syncCopy(COPY_MODEL);
    const error = await client.match(new Float32Array(3), { modelVersion: COPY_MODEL }).catch((e) => e);
    expect(error).toBeInstanceOf(CatalogError);
    expect(error.code).toBe("INVALID_EMBEDDING");
    expect(client.source).toEqual({ kind: "server" });
  });

  it("keeps the thumbnails the editor was shown and shows them offline", async () => {
    const { client, copy, db } = fresh.current;
    await db.query("update media_references.reference_images set thumbnail_url = 'http://thumbs/' || id || '.jpg'");
    await client.syncCopy(COPY_MODEL);
    const fetched: string[] = [];
    client.offline.fetchImage = async (url) => (fetched.push(url), new Blob([url], { type: "image/jpeg" }));
    const [shown] = await client.matchFrames([unitNear(10, 999)], { k: 2, modelVersion: COPY_MODEL });
    await expect.poll(() => fetched.length).toBe(2);
    await expect.poll(async () => (await copy.db.getAll("thumbnails")).length).toBe(2);
    await catalogs.current!.stop();
    const [offline] = await client.matchFrames([unitNear(10, 999)], { k: 2, modelVersion: COPY_MODEL });
    expect(offline.map((n) => n.referenceId)).toEqual(shown.map((n) => n.referenceId));
    expect(offline.every((n) => n.thumbnailUrl?.startsWith("blob:"))).toBe(true);
    expect(await (await fetch(offline[0].thumbnailUrl!)).text()).toBe(shown[0].thumbnailUrl);
  });
});
