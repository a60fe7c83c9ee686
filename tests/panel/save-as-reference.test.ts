// Save as reference through the panel store against the real local catalog (PGlite, GoTrue and
// Storage subsets, over HTTP with supabase-js): the learning loop, the near-duplicate question,
// an unreachable catalog, and a non-staff account. Frames embed through a fake encoder whose
// vectors are set by the test; the host is the compiled bundle in the simulator.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import sharp from "sharp";
import WebSocket from "ws";
import { afterEach, describe, expect, it } from "vitest";
import { CatalogClient, memoryStorage as outboxMemory } from "../../src/lib/catalog";
import { type Embedder, type PanelStore } from "../../src/panel/store";
import {
  ProjectItemType,
  SimProjectItem,
  SimSequence,
  SimTrackItem,
  TICKS_PER_SECOND,
} from "../../src/sim/premiere-dom";
import { createSampleProject } from "../../src/sim/sample-project";
import { NO_TIMINGS } from "../../src/testing/fake-panel-services";
import { LOCAL_PASSWORD, RestartableCatalog } from "../helpers/restartable-catalog";
import { sampleMedia } from "../../src/testing/sample-media";
import { simulatedHost } from "../../src/testing/simulated-host";
import { until } from "../../src/testing/until";
import { unitVector } from "../../src/testing/vectors";
import { grabByName, testStore } from "../../src/testing/test-store";
import { eachTest } from "../helpers/each-test";

const MODEL = "local/tiny-random-clip@q8"; // registered by the local catalog

/** A unit vector: mostly `axis`, a little of `extra`, plus seeded noise. */
const look = (axis: number, seed: number, extra?: { axis: number; weight: number }, noise = 0.15) =>
  unitVector({ axis, seed, noise: noise * 0.1, extra: extra ? [extra] : [] });

class VectorEmbedder implements Embedder {
  readonly path = "wasm-pool" as const;
  readonly detail = "a fake encoder";
  /** the vectors each clip's frames embed to, by the clip's name */
  readonly byClip = new Map<string, Float32Array[]>();
  async load() {
    return { modelVersion: MODEL, threads: 1, path: this.path };
  }
  async embedClip(images: Blob[]) {
    // frames the test named embed as it set; a real frame (the timeline's PNG) looks like an oven
    const frames = this.byClip.get(await images[0].text()) ?? [look(10, 999, { axis: 90, weight: 0.7 })];
    return { modelVersion: MODEL, frames, pooled: frames[0], timings: NO_TIMINGS };
  }
  async embedTexts(texts: string[]) {
    return texts.map(() => look(0, 1));
  }
  terminate() {}
}

let catalog: RestartableCatalog | null = null;
afterEach(async () => {
  await catalog?.close();
  catalog = null;
});

async function setup(options: { accessTokenSeconds?: number } = {}) {
  catalog = await RestartableCatalog.start(options);
  const staff = await catalog.signIn("editor@eav.local");
  // 8 oven references around axis 10, 4 taps around 20, 4 lawns around 30
  const seeds: Array<[number, string, number]> = [
    ...Array.from({ length: 8 }, (_, i): [number, string, number] => [10, "oven", i]),
    ...Array.from({ length: 4 }, (_, i): [number, string, number] => [20, "tap", i]),
    ...Array.from({ length: 4 }, (_, i): [number, string, number] => [30, "lawn", i]),
  ];
  for (const [axis, subject, i] of seeds) {
    await staff.saveReference({
      referenceId: crypto.randomUUID(),
      filePath: `/Volumes/EAV/${subject}-${i}.jpg`,
      correctedMetadata: { location: subject === "lawn" ? "garden" : "kitchen", subject, shotType: "MID" },
      embedding: Array.from(look(axis, i + axis)),
      modelVersion: MODEL,
    });
  }
  const project = createSampleProject(sampleMedia());
  const { host, simulator } = simulatedHost(project);
  const embedder = new VectorEmbedder();
  const outbox = outboxMemory();
  const jpeg = await sharp({ create: { width: 32, height: 18, channels: 3, background: "#c84" } })
    .jpeg()
    .toBuffer();
  const client = new CatalogClient({
    url: catalog.url,
    anonKey: catalog.server.anonKey,
    persistSession: true,
    realtime: { transport: WebSocket as never },
  });
  const store = testStore({
    host,
    embedder,
    catalog: client,
    outboxStorage: outbox,
    grab: grabByName,
    // a real frame becomes a real 320 px JPEG, as the panel's canvas makes it; the test's named
    // stand-in frames get a small placeholder JPEG
    thumbnail: async (frame) =>
      frame.type === "image/png"
        ? new Blob(
            [
              new Uint8Array(
                await sharp(Buffer.from(await frame.arrayBuffer()))
                  .resize({ width: 320 })
                  .jpeg()
                  .toBuffer(),
              ),
            ],
            { type: "image/jpeg" },
          )
        : new Blob([new Uint8Array(jpeg)], { type: "image/jpeg" }),
    media: {
      readFile: async (p) => new Blob([fs.readFileSync(simulator.paths.toReal(p))], { type: "image/png" }),
      videoUrl: () => "",
    },
  });
  await store.getState().refreshProject();
  await store.getState().loadModel(null);
  await store.getState().connectCatalog({ catalog: { url: catalog.url, anonKey: catalog.server.anonKey } });
  expect(store.getState().calibrationStatus.state).toBe("ready");
  return { store, project, embedder, outbox, db: catalog.db, simulator };
}

/** When a JWT expires, in seconds since the epoch (its `exp` claim). */
const expiry = (jwt: string): number => JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString()).exp;

const queued = (store: PanelStore, item: SimProjectItem) =>
  store.getState().queue.find((q) => q.clip.nodeId === item.nodeId)!;

async function suggestFor(store: PanelStore, item: SimProjectItem) {
  const { clips } = await store.services.host.call("getClips", [item.nodeId]);
  store.getState().enqueue(clips);
  await until(() => ["suggested", "failed"].includes(queued(store, item)?.status), `${item.name}'s suggestion`);
  store.getState().select(item.nodeId);
  return queued(store, item);
}

async function acceptWith(store: PanelStore, item: SimProjectItem, subject: string) {
  store.getState().select(item.nodeId);
  store.getState().setField("subject", subject);
  store.getState().setField("shotType", "MID");
  await store.getState().accept();
  expect(queued(store, item).status).toBe("applied");
}

describe("save as reference", () => {
  const fresh = eachTest(() => setup());

  it("the learning loop: corrected to 'hob' and saved, the next similar clip gets 'hob'", async () => {
    const { store, project, embedder, db } = fresh.current;
    const [first, second] = project
      .allItems()
      .filter((i) => i.type === 1 && !i.isSequence())
      .slice(0, 2);
    // both clips look like the oven references, with something of their own (axis 50)
    embedder.byClip.set(first.name, [look(10, 101, { axis: 50, weight: 0.6 })]);
    embedder.byClip.set(second.name, [look(10, 102, { axis: 50, weight: 0.6 })]);

    expect((await suggestFor(store, first)).suggestion?.fields.subject.value).toBe("oven");
    await acceptWith(store, first, "hob");
    await store.getState().signIn("editor@eav.local", LOCAL_PASSWORD);
    expect(store.getState().account).toMatchObject({ email: "editor@eav.local", canSave: true });
    // staff get EAV's planned shots for the card's dropdown (list_shots)
    expect(store.getState().plannedShots.map((s) => s.shotNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    await store.getState().saveAsReference(first.nodeId);
    expect(queued(store, first).saved?.state).toBe("saved");
    expect(store.getState().pendingSaves).toBe(0);

    const rows = await db.query<{ subject: string; thumbnail_url: string; original: string; n: number }>(
      `select r.corrected_metadata->>'subject' subject, r.thumbnail_url,
              r.original_catalog->'fields'->'subject'->>'value' original,
              (select count(*)::int from media_references.image_embeddings e where e.reference_image_id = r.id) n
         from media_references.reference_images r where r.corrected_metadata->>'subject' = 'hob'`,
    );
    expect(rows.rows).toEqual([
      { subject: "hob", thumbnail_url: expect.stringContaining("/reference-thumbnails/"), original: "oven", n: 1 },
    ]);
    const thumbnail = await fetch(rows.rows[0].thumbnail_url);
    expect(thumbnail.headers.get("content-type")).toBe("image/jpeg");
    const objects = await db.query("select name from storage.objects where bucket_id = 'reference-thumbnails'");
    expect(objects.rows).toHaveLength(1);
    // one audit entry per row the save wrote: the reference and its embedding (no shot was chosen)
    const audit = await db.query<{ table_name: string; operation: string }>(
      `select table_name, operation from media_references.audit_log a
         where a.row_id in (select id from media_references.reference_images where corrected_metadata->>'subject' = 'hob')
            or a.row_id in (select e.id from media_references.image_embeddings e join media_references.reference_images r
                              on r.id = e.reference_image_id where r.corrected_metadata->>'subject' = 'hob')
         order by 1`,
    );
    expect(audit.rows).toEqual([
      { table_name: "image_embeddings", operation: "INSERT" },
      { table_name: "reference_images", operation: "INSERT" },
    ]);

    expect((await suggestFor(store, second)).suggestion?.fields.subject.value).toBe("hob");
  });

  it("asks before saving a near-duplicate of a reference of the same shot", async () => {
    const { store, project, embedder, db } = fresh.current;
    const [first, second] = project
      .allItems()
      .filter((i) => i.type === 1 && !i.isSequence())
      .slice(0, 2);
    embedder.byClip.set(first.name, [look(10, 201, { axis: 60, weight: 0.6 }, 0.01)]);
    embedder.byClip.set(second.name, [look(10, 201, { axis: 60, weight: 0.6 }, 0.01)]);
    await store.getState().signIn("editor@eav.local", LOCAL_PASSWORD);
    await suggestFor(store, first);
    await acceptWith(store, first, "hob");
    await store.getState().saveAsReference(first.nodeId);
    await suggestFor(store, second);
    await acceptWith(store, second, "hob");
    await store.getState().saveAsReference(second.nodeId);
    expect(queued(store, second).saved).toMatchObject({ state: "duplicate" });
    expect(queued(store, second).saved?.duplicate?.similarity).toBeGreaterThan(0.99);
    const count = async () =>
      (await db.query<{ n: number }>("select count(*)::int n from media_references.reference_images")).rows[0].n;
    expect(await count()).toBe(17);
    await store.getState().saveAsReference(second.nodeId, { confirmDuplicate: true });
    expect(queued(store, second).saved?.state).toBe("saved");
    expect(await count()).toBe(18);
  });

  it("keeps saves while the catalog is unreachable and delivers each exactly once when it is back", async () => {
    const { store, project, embedder, db, outbox } = fresh.current;
    const clips = project
      .allItems()
      .filter((i) => i.type === 1 && !i.isSequence() && !i.isOffline())
      .slice(0, 3);
    await store.getState().signIn("editor@eav.local", LOCAL_PASSWORD);
    for (const [i, clip] of clips.entries()) {
      embedder.byClip.set(clip.name, [look(20, 300 + i, { axis: 70 + i, weight: 0.9 })]);
      await suggestFor(store, clip);
      await acceptWith(store, clip, `tap ${i}`);
    }
    await catalog!.stop();
    for (const clip of clips) await store.getState().saveAsReference(clip.nodeId, { confirmDuplicate: true });
    expect(clips.map((c) => queued(store, c).saved?.state)).toEqual(["pending", "pending", "pending"]);
    expect(store.getState().pendingSaves).toBe(3);
    expect(outbox.read()).toHaveLength(3);
    await catalog!.restart();
    await store.getState().retrySaves();
    expect(store.getState().pendingSaves).toBe(0);
    expect(clips.map((c) => queued(store, c).saved?.state)).toEqual(["saved", "saved", "saved"]);
    await store.getState().retrySaves(); // nothing doubles
    const rows = await db.query<{ n: number }>(
      "select count(*)::int n from media_references.reference_images where corrected_metadata->>'subject' like 'tap %'",
    );
    expect(rows.rows[0].n).toBe(3);
  });

  it("a non-staff account is told it can search but not save, and nothing is written", async () => {
    const { store, project, embedder, db } = fresh.current;
    const [clip] = project.allItems().filter((i) => i.type === 1 && !i.isSequence());
    embedder.byClip.set(clip.name, [look(30, 400, { axis: 80, weight: 0.5 })]);
    await suggestFor(store, clip);
    await acceptWith(store, clip, "shed");
    await store.getState().signIn("client@eav.local", LOCAL_PASSWORD);
    expect(store.getState().account).toMatchObject({ email: "client@eav.local", canSave: false });
    expect(store.getState().plannedShots).toEqual([]);
    await store.getState().saveAsReference(clip.nodeId);
    expect(store.getState().reviewError?.detail).toBe(
      "client@eav.local can search but not save references: saving needs a staff account.",
    );
    expect(queued(store, clip).saved).toBeUndefined();
    const n = await db.query<{ n: number }>("select count(*)::int n from media_references.reference_images");
    expect(n.rows[0].n).toBe(16);
    // the timeline's one-click save says the same on the same card, and writes nothing to the clip
    const [other] = project.allItems().filter((i) => i.type === 1 && !i.isSequence() && i.nodeId !== clip.nodeId);
    embedder.byClip.set(other.name, [look(30, 401, { axis: 81, weight: 0.5 })]);
    await suggestFor(store, other);
    store.getState().select(other.nodeId);
    const before = other.getXMPMetadata();
    await store.getState().acceptAndSave();
    expect(store.getState().selectedId).toBe(other.nodeId);
    expect(store.getState().reviewError?.detail).toContain("can search but not save references");
    expect(queued(store, other).status).toBe("suggested");
    expect(other.getXMPMetadata()).toBe(before);
  });
});

describe("save as reference with short-lived tokens", () => {
  const tokens = eachTest(() => setup({ accessTokenSeconds: 2 }));

  it("a token that expires before the save is refreshed, and the reference is saved once", async () => {
    const { store, project, embedder, db } = tokens.current;
    const [clip] = project.allItems().filter((i) => i.type === 1 && !i.isSequence());
    embedder.byClip.set(clip.name, [look(20, 500, { axis: 85, weight: 0.8 })]);
    await store.getState().signIn("editor@eav.local", LOCAL_PASSWORD);
    await suggestFor(store, clip);
    const token = (await (store.services.catalog as CatalogClient).accessToken())!;
    await acceptWith(store, clip, "tap");
    await until(() => Date.now() / 1000 > expiry(token), "the access token to expire");
    await store.getState().saveAsReference(clip.nodeId, { confirmDuplicate: true });
    expect(queued(store, clip).saved?.state).toBe("saved");
    const n = await db.query<{ n: number }>(
      "select count(*)::int n from media_references.reference_images where corrected_metadata->>'subject' = 'tap' and file_path not like '/Volumes/%'",
    );
    expect(n.rows[0].n).toBe(1);
  });
});

describe("save frame at playhead", () => {
  const fresh = eachTest(() => setup());
  const T = (seconds: number) => String(Math.round(seconds * TICKS_PER_SECOND));
  /** A frame as 64×36 RGB, from JPEG/PNG bytes or cut by ffmpeg from a file at a time. */
  const small = (input: Buffer) => sharp(input).resize(64, 36, { fit: "fill" }).removeAlpha().raw().toBuffer();
  const cut = (file: string, seconds: number) =>
    small(
      execFileSync("ffmpeg", [
        "-loglevel",
        "error",
        "-i",
        file,
        "-ss",
        String(seconds),
        "-frames:v",
        "1",
        "-f",
        "image2",
        "-c:v",
        "png",
        "-",
      ]),
    );
  const diff = (a: Buffer, b: Buffer) => a.reduce((sum, x, i) => sum + Math.abs(x - b[i]), 0) / a.length;

  it("saves the source frame under the playhead, not the program frame, in one more click", async () => {
    const { store, project, db } = fresh.current;
    const oven = project.allItems().find((i) => i.name === "kitchen-oven-cleaning-MID.mp4")!;
    const seq = new SimSequence("Edit", new SimProjectItem("Edit", ProjectItemType.CLIP), 25);
    project.addSequence(seq);
    project.activeSequence = seq;
    const placed = new SimTrackItem(oven, Number(T(2)), Number(T(1)), Number(T(3))); // sequence 2–4 s = source 1–3 s
    placed.track = seq.videoTrackList[0];
    seq.videoTrackList[0].items.push(placed);
    seq.setPlayerPosition(T(2.64)); // source time 1.64 s

    await store.getState().signIn("editor@eav.local", LOCAL_PASSWORD);
    await store.getState().saveFrameAtPlayhead();
    expect(store.getState().timelineError).toBeNull();
    const q = queued(store, oven);
    expect(q).toMatchObject({ origin: "timeline", status: "suggested" });
    expect(q.technical).toContain("1.64 s into the source");
    expect(store.getState().selectedId).toBe(oven.nodeId);
    store.getState().setField("shotType", "MID");
    await store.getState().acceptAndSave();
    expect(queued(store, oven).saved?.state).toBe("saved");

    const [row] = (
      await db.query<{ thumbnail_url: string }>(
        "select thumbnail_url from media_references.reference_images where file_path like '%kitchen-oven-cleaning-MID.mp4'",
      )
    ).rows;
    const thumbnail = await small(Buffer.from(await (await fetch(row.thumbnail_url)).arrayBuffer()));
    const media = oven.media!.path;
    expect(diff(thumbnail, await cut(media, 1.64))).toBeLessThan(diff(thumbnail, await cut(media, 2.64)));
    expect(diff(thumbnail, await cut(media, 1.64))).toBeLessThan(8);
  });

  it("says plainly when no sequence is open or no clip is under the playhead", async () => {
    const { store, project } = fresh.current;
    project.activeSequence = null;
    await store.getState().saveFrameAtPlayhead();
    expect(store.getState().timelineError).toContain("No sequence is open");
    const seq = new SimSequence("Empty", new SimProjectItem("Empty", ProjectItemType.CLIP), 25);
    project.addSequence(seq);
    project.activeSequence = seq;
    await store.getState().saveFrameAtPlayhead();
    expect(store.getState().timelineError).toContain("No clip under the playhead");
  });
});
