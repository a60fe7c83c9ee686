// The batch review mode through the store, with the real compiled host in the simulator: accept
// above a confidence over 50+ clips, a clip failing mid-batch, reload, and an undo that leaves
// every clip's XMP byte-identical to before (issue #15 §1).
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { groupWrites, planBatchAccept, selectBatchConfidence, type PanelStore } from "../../src/panel/store";
import { loadUndos } from "../../src/panel/store/batch-undo-persistence";
import { storageProblem } from "../../src/panel/store/panel-database";
import type { SimProjectItem } from "../../src/sim/premiere-dom";
import {
  batchCard,
  cameraPacket,
  openBatchPanel,
  suggestAlike,
  suggestCard,
  type BatchCard,
} from "../../src/testing/batch-project";
import { memoryStorage } from "../../src/testing/fake-panel-services";
import { databaseOf } from "../../src/testing/test-store";
import { eachTest } from "../helpers/each-test";

const cards: BatchCard[] = [];
afterEach(() => cards.splice(0).forEach((c) => c.cleanup()));

/** What an undo must give back: each clip's raw XMP and the corrections file's bytes. */
function state(card: BatchCard) {
  return {
    xmp: new Map(card.clips.map((c) => [c.nodeId, c.getXMPMetadata()])),
    corrections: fs.existsSync(card.correctionsFile) ? fs.readFileSync(card.correctionsFile) : null,
  };
}

const status = (store: PanelStore, clip: SimProjectItem) =>
  store.getState().queue.find((q) => q.clip.nodeId === clip.nodeId)?.status;

describe("batch accept", () => {
  // 60 clips suggested: setup, made before the test
  const suggested = eachTest(async () => {
    const card = batchCard(60);
    cards.push(card);
    const looks = new Map(card.clips.map((c, i) => [c.nodeId, i % 2 ? [40, 40] : [10, 10]]));
    const storage = memoryStorage();
    const store = openBatchPanel(card, storage, looks);
    await suggestCard(store, card.clips);
    return { card, looks, storage, store };
  });

  it("writes the clips above the confidence, survives a failing clip and a reload, and undoes byte for byte", async () => {
    const { card, looks, storage, store } = suggested.current;

    // every tenth clip is less sure of its subject (the vote itself is tested in tests/suggestion)
    const split = card.clips.filter((_, i) => i % 10 === 5);
    for (const c of split) {
      const q = store.getState().queue.find((x) => x.clip.nodeId === c.nodeId)!;
      const fields = { ...q.suggestion!.fields, subject: { ...q.suggestion!.fields.subject, confidence: 0.62 } };
      store.getState().updateClip(c.nodeId, { suggestion: { ...q.suggestion!, fields } });
    }
    store.getState().setBatchConfidence(0.8); // the editor moves the slider from the setting (0.9)
    const plan = planBatchAccept(store.getState().queue, selectBatchConfidence(store.getState()));
    expect(plan.left).toEqual(
      split.map((c) => ({ nodeId: c.nodeId, name: c.name, reason: "Subject 62 % sure, below 80 %" })),
    );
    expect(plan.accept.length).toBe(54);
    expect(plan.accept.every((c) => c.confidence >= 0.8)).toBe(true);
    expect(groupWrites(plan)).toEqual(
      expect.arrayContaining([
        { field: "subject", value: "oven", clips: 30 },
        { field: "subject", value: "lawn", clips: 24 },
      ]),
    );

    const before = state(card);
    // one clip's XMP gets damaged after planning: its write fails, the rest go on
    const broken = card.clips.find((c) => c.nodeId === plan.accept[20].nodeId)!;
    Object.assign(broken, { xmpMetadata: "<x:xmpmeta><rdf:RDF><unclosed" });
    before.xmp.set(broken.nodeId, broken.getXMPMetadata());

    await store.getState().acceptBatch(plan);
    const accepted = store.getState().batchOutcome!;
    expect(accepted).toMatchObject({ action: "accept", done: 53, kept: [] });
    expect(accepted.failed).toEqual([
      expect.objectContaining({
        nodeId: broken.nodeId,
        reason: expect.stringContaining("is damaged and cannot be read"),
      }),
    ]);
    expect(accepted.undoNotStored).toBe(false);
    for (const c of split) {
      expect(c.getXMPMetadata()).toBe(before.xmp.get(c.nodeId));
      expect(status(store, c)).toBe("suggested");
    }
    const written = plan.accept.filter((p) => p.nodeId !== broken.nodeId);
    for (const p of written) {
      expect(
        status(
          store,
          card.clips.find((c) => c.nodeId === p.nodeId)!,
        ),
      ).toBe("applied");
      const read = await store.services.host.call("readClipMetadata", p.nodeId);
      expect(read.metadata.subject).toBe(p.metadata.subject);
      expect(read.columns["IA Reference"]).toBe("confirmed");
    }
    expect(fs.readFileSync(card.correctionsFile, "utf8")).toContain('"modifiedBy": "cep-panel"');
    const stored = await loadUndos(databaseOf(storage), card.project.path, "batch");
    expect(stored.map((u) => u.clips.length)).toEqual([54]);

    // the panel reloads: a new store, the same project and storage
    const reloaded = openBatchPanel(card, storage, looks);
    await reloaded.getState().refreshProject();
    expect(reloaded.getState().batchUndo?.clips).toHaveLength(54);
    expect(status(reloaded, card.clips[0])).toBe("applied");

    await reloaded.getState().undoBatch();
    expect(reloaded.getState().batchOutcome).toMatchObject({ action: "undo", done: 54, failed: [], kept: [] });
    const after = state(card);
    for (const c of card.clips) expect(after.xmp.get(c.nodeId)).toBe(before.xmp.get(c.nodeId));
    expect(after.corrections).toBe(null); // the batch created it; the undo removed it
    for (const p of written) {
      const read = await reloaded.services.host.call("readClipMetadata", p.nodeId);
      expect(read.columns).toEqual({});
      expect(
        status(
          reloaded,
          card.clips.find((c) => c.nodeId === p.nodeId)!,
        ),
      ).toBe("suggested");
    }
    expect(reloaded.getState().batchUndo).toBe(null);
    // the undo and every snapshot are gone from the database
    const counts = await databaseOf(storage).run(["undos", "snapshots"], "readonly", (tx) =>
      Promise.all([tx.objectStore("undos").count(), tx.objectStore("snapshots").count()]),
    );
    expect(counts).toEqual([0, 0]);
  });
});

describe("batch accept, on cards of their own", () => {
  it("keeps a clip the editor changed after the batch, and puts the others and IA's file back", async () => {
    const card = batchCard(6);
    cards.push(card);
    // a corrections file IA's tools already keep, with CRLF line ends a rewrite would not keep
    const iaText = fs.readFileSync(path.join(card.iaDir, ".ingest-metadata.json"), "utf8");
    fs.writeFileSync(card.correctionsFile, iaText.replace(/\n/g, "\r\n"));
    const looks = new Map(card.clips.map((c) => [c.nodeId, [10, 10]]));
    const store = openBatchPanel(card, memoryStorage(), looks);
    await suggestCard(store, card.clips);
    const before = state(card);
    await store.getState().acceptBatch(planBatchAccept(store.getState().queue, 0.8));
    expect(store.getState().batchOutcome?.done).toBe(6);
    expect(state(card).corrections).not.toEqual(before.corrections);
    const edited = card.clips[1];
    await store.services.host.call("writeClipMetadata", {
      nodeId: edited.nodeId,
      metadata: { location: "kitchen", subject: "kettle", shotType: "CU" },
    });
    const editedXmp = edited.getXMPMetadata();

    await store.getState().undoBatch();
    const outcome = store.getState().batchOutcome!;
    expect(outcome).toMatchObject({ done: 5, failed: [] });
    expect(outcome.kept).toEqual([
      expect.objectContaining({ nodeId: edited.nodeId, reason: "changed after the batch accept" }),
    ]);
    expect(edited.getXMPMetadata()).toBe(editedXmp);
    expect(status(store, edited)).toBe("applied");
    for (const c of card.clips.filter((c) => c !== edited)) expect(c.getXMPMetadata()).toBe(before.xmp.get(c.nodeId));
    // clips 0 and 3 share the IA folder's corrections file: undone last-first, it is as it was
    expect(state(card).corrections).toEqual(before.corrections);
    expect(store.getState().batchUndo).toBe(null);
  });

  it("writes the clips but leaves an unreadable corrections file alone, lists them, and undoes the rest", async () => {
    const card = batchCard(6);
    cards.push(card);
    fs.writeFileSync(card.correctionsFile, '{ "EB0": { "subject": "kettle" ');
    const looks = new Map(card.clips.map((c) => [c.nodeId, [10, 10]]));
    const store = openBatchPanel(card, memoryStorage(), looks);
    await suggestCard(store, card.clips);
    const before = state(card);
    await store.getState().acceptBatch(planBatchAccept(store.getState().queue, 0.8));
    const outcome = store.getState().batchOutcome!;
    expect(outcome).toMatchObject({ done: 6, failed: [], kept: [] });
    // clips 0 and 3 live in the IA folder: written, but not recorded in the file nobody can read
    expect(outcome.notRecorded!.map((n) => n.nodeId)).toEqual([card.clips[0].nodeId, card.clips[3].nodeId]);
    expect(outcome.notRecorded![0].reason).toMatch(/cannot be read \(it is not valid JSON\), so it was left as it is/);
    expect(state(card).corrections).toEqual(before.corrections);
    for (const c of card.clips) expect(c.getXMPMetadata()).not.toBe(before.xmp.get(c.nodeId));

    await store.getState().undoBatch();
    expect(store.getState().batchOutcome).toMatchObject({ done: 6, failed: [], kept: [] });
    for (const c of card.clips) expect(c.getXMPMetadata()).toBe(before.xmp.get(c.nodeId));
    expect(state(card).corrections).toEqual(before.corrections);
  });

  it("stops before a clip whose undo cannot be stored, and undoes what it wrote", async () => {
    const card = batchCard(10);
    cards.push(card);
    const storage = memoryStorage();
    const looks = new Map(card.clips.map((c) => [c.nodeId, [10, 10]]));
    const store = openBatchPanel(card, storage, looks);
    await suggestCard(store, card.clips);
    // the disk fills up after three clips' undo: IndexedDB refuses the next snapshot
    const db = store.services.database!;
    const run = db.run.bind(db);
    let room = 3;
    db.run = ((stores, mode, body) =>
      mode === "readwrite" && stores.includes("snapshots") && room-- <= 0
        ? Promise.reject(storageProblem(new DOMException("The quota has been exceeded.", "QuotaExceededError")))
        : run(stores, mode, body)) as typeof db.run;
    const before = state(card);
    await store.getState().acceptBatch(planBatchAccept(store.getState().queue, 0.8));
    const outcome = store.getState().batchOutcome!;
    expect(outcome.done).toBeGreaterThan(0);
    expect(outcome.done).toBeLessThan(10);
    expect(outcome.kept).toHaveLength(10 - outcome.done);
    expect(new Set(outcome.kept.map((k) => k.reason))).toEqual(
      new Set(["not written: its undo could not be kept (the panel's storage refused it)"]),
    );
    expect(store.getState().error).toMatchObject({
      cause: "storage",
      title: "Keeping the batch's undo failed",
      detail: expect.stringContaining("This computer has no room left for the panel's storage."),
    });
    const unwritten = card.clips.filter((c) => outcome.kept.some((k) => k.nodeId === c.nodeId));
    for (const c of unwritten) {
      expect(c.getXMPMetadata()).toBe(before.xmp.get(c.nodeId));
      expect(status(store, c)).toBe("suggested");
    }

    const reloaded = openBatchPanel(card, storage, looks);
    await reloaded.getState().refreshProject();
    expect(reloaded.getState().batchUndo?.clips).toHaveLength(outcome.done);
    await reloaded.getState().undoBatch();
    expect(reloaded.getState().batchOutcome).toMatchObject({ done: outcome.done, failed: [], kept: [] });
    for (const c of card.clips) expect(c.getXMPMetadata()).toBe(before.xmp.get(c.nodeId));
    expect(state(card).corrections).toEqual(before.corrections);
  });
});

describe("a batch accept of camera clips", () => {
  it("accepts 1,000 clips with 18 KB packets, keeps their undo across a reload and puts every byte back", async () => {
    const N = 1000;
    // outside IA's folders: each clip in one would read its growing corrections file (tested above)
    const card = batchCard(N, 0);
    cards.push(card);
    card.clips.forEach((c, i) => c.setXMPMetadata(cameraPacket(i)));
    const storage = memoryStorage();
    const looks = new Map(card.clips.map((c) => [c.nodeId, [10, 10]]));
    const store = openBatchPanel(card, storage, looks);
    await suggestAlike(store, card.clips);
    const before = state(card);
    const xmpChars = [...before.xmp.values()].reduce((n, x) => n + x.length, 0);
    expect(xmpChars / N).toBeGreaterThan(18_000); // localStorage's 5 M characters held under 300 of them

    await store.getState().acceptBatch(planBatchAccept(store.getState().queue, 0.8));
    expect(store.getState().batchOutcome).toMatchObject({ action: "accept", done: N, failed: [], kept: [] });
    expect(store.getState().error).toBe(null);
    for (const c of card.clips) expect(c.getXMPMetadata()).not.toBe(before.xmp.get(c.nodeId));

    const reloaded = openBatchPanel(card, storage, looks);
    await reloaded.getState().refreshProject();
    expect(reloaded.getState().queue.filter((q) => q.status === "applied")).toHaveLength(N);
    expect(reloaded.getState().batchUndo?.clips).toHaveLength(N);
    await reloaded.getState().undoBatch();
    expect(reloaded.getState().batchOutcome).toMatchObject({ action: "undo", done: N, failed: [], kept: [] });
    const after = state(card);
    expect(card.clips.filter((c) => after.xmp.get(c.nodeId) !== before.xmp.get(c.nodeId))).toEqual([]);
    expect(after.corrections).toEqual(before.corrections);
    expect(await loadUndos(databaseOf(storage), card.project.path, "batch")).toEqual([]);
  }, 180_000); // 89 s measured with a load average of 20 on 2 cores
});
