// Batches over a 300-clip bin with the store, the real host bundle in the simulator and counting
// fakes: cancel at 100, reload, resume → every clip grabbed and embedded once; applied clips are
// never redone; the stages stay within their limits; a crash mid-batch resumes.
import { describe, expect, it } from "vitest";
import { batchProgress, type PanelStore } from "../../src/panel/store";
import { PIPELINE_LIMITS } from "../../src/panel/store/queue-pipeline";
import { FULL_FRAMES_KEPT } from "../../src/panel/store/queue-slice";
import { QueuePersistence } from "../../src/panel/store/queue-persistence";
import { ProjectItemType, SimProjectItem, type SimProject } from "../../src/sim/premiere-dom";
import { createSampleProject } from "../../src/sim/sample-project";
import { memoryStorage } from "../../src/testing/fake-panel-services";
import {
  CountingCatalog,
  CountingEmbedder,
  batchCounters,
  countingGrab,
  type BatchCounters,
  type PanelLife,
} from "../helpers/fake-panel-services-batch";
import { sampleMedia } from "../../src/testing/sample-media";
import { simulatedHost } from "../../src/testing/simulated-host";
import { until } from "../../src/testing/until";
import { databaseOf, testStore } from "../../src/testing/test-store";

const CONFIG = { catalog: { url: "http://catalog.test", anonKey: "a.b.c" } };

/** A card of `count` clips in two sub-bins of one bin, selected in the Project panel. */
function cardProject(count: number) {
  const project = createSampleProject(sampleMedia());
  const card = project.rootItem.add(new SimProjectItem("Karte 7 — 台所", ProjectItemType.BIN));
  for (let n = 1; n <= count; n++) {
    const bin =
      card.childItems[Math.floor((n - 1) / 150)] ??
      card.add(new SimProjectItem(`A00${card.childItems.length + 1}`, ProjectItemType.BIN));
    bin.add(
      new SimProjectItem(`A001_C${String(n).padStart(3, "0")} Küche.mp4`, ProjectItemType.CLIP, sampleMedia().h264),
    );
  }
  return { project, card };
}

/** A panel (re)opened on the project: its own host connection, the same storage and counters. */
async function openPanel(project: SimProject, storage: ReturnType<typeof memoryStorage>, counters: BatchCounters) {
  const { host, simulator } = simulatedHost(project);
  const life: PanelLife = { crashed: false };
  const store = testStore({
    host,
    embedder: new CountingEmbedder(counters.embed, life),
    catalog: new CountingCatalog(counters.match, life),
    storage,
    grab: countingGrab(counters, life),
  });
  await store.getState().refreshProject();
  await store.getState().loadModel(null);
  await store.getState().connectCatalog(CONFIG);
  return { store, simulator, life };
}

/** A panel on a card of `count` clips, the card selected in the Project panel. */
async function cardPanel(count: number) {
  const { project, card } = cardProject(count);
  const storage = memoryStorage();
  const counters = batchCounters();
  const first = await openPanel(project, storage, counters);
  first.simulator.app.projectViewSelection = [card];
  return { project, card, storage, counters, first };
}

/** The batch's progress now; none done before it starts. */
function progress(store: PanelStore) {
  const { batch, queue } = store.getState();
  return batch ? batchProgress(batch, queue, Date.now()) : { done: 0, total: 0, cancelled: 0, finished: false };
}

/** Calls `then` once, at the state change where `check` first holds. */
function when(store: PanelStore, check: () => boolean, then: () => void): void {
  const stop = store.subscribe(() => {
    if (!check()) return;
    stop();
    then();
  });
}

describe("batch over a 300-clip bin", () => {
  it("reads a clip's metadata with its frames, before the next clip's frames, once", async () => {
    // ExtendScript runs one call at a time: read later, a clip's metadata (and its suggestion)
    // would wait behind the next clip's frame export
    const { project, card } = cardProject(4);
    const { host, simulator } = simulatedHost(project);
    const events: string[] = [];
    const call = host.call as (fn: string, ...args: unknown[]) => Promise<unknown>;
    const logged = {
      ...host,
      call: ((fn: string, ...args: unknown[]) => {
        if (fn === "readClipMetadata") events.push(`metadata ${String(args[0])}`);
        return call(fn, ...args);
      }) as typeof host.call,
    };
    const counters = batchCounters();
    const life: PanelLife = { crashed: false };
    const grab = countingGrab(counters, life);
    const store = testStore({
      host: logged,
      embedder: new CountingEmbedder(counters.embed, life),
      catalog: new CountingCatalog(counters.match, life),
      storage: memoryStorage(),
      grab: (clip) => {
        events.push(`grab ${clip.nodeId}`);
        return grab(clip);
      },
    });
    await store.getState().refreshProject();
    await store.getState().loadModel(null);
    await store.getState().connectCatalog(CONFIG);
    simulator.app.projectViewSelection = [card];
    await store.getState().suggestForBin();
    const done = () => store.getState().queue.every((q) => q.status === "suggested" && !q.refining);
    await until(() => store.getState().queue.length === 4 && done(), "the bin");
    const ids = store.getState().queue.map((q) => q.clip.nodeId);
    for (let i = 0; i + 1 < ids.length; i++)
      expect(events.indexOf(`metadata ${ids[i]}`)).toBeLessThan(events.indexOf(`grab ${ids[i + 1]}`));
    // the early and the final suggestion both use what was read with the frames
    expect(events.filter((e) => e.startsWith("metadata")).length).toBe(4);
  });

  it("cancel at 100, reload, resume: each clip grabbed and embedded once, applied ones never redone", async () => {
    const { project, card, storage, counters, first } = await cardPanel(300);
    when(
      first.store,
      () => progress(first.store).done >= 100,
      () => first.store.getState().cancelBatch(),
    );
    await first.store.getState().suggestForBin();
    expect(first.store.getState().batch).toMatchObject({ label: "“Karte 7 — 台所”", cancelled: false });
    await until(() => first.store.getState().batch!.cancelled, "the cancel at 100");
    await first.store.getState().processQueue(); // the clips in work when Cancel was pressed finish

    const atCancel = progress(first.store);
    expect(atCancel.total).toBe(300);
    // Cancel stops after the clips in work: at most the stages' capacity more than 100
    const capacity = PIPELINE_LIMITS.framesAhead + PIPELINE_LIMITS.embedding + PIPELINE_LIMITS.matching;
    expect(atCancel.done).toBeGreaterThanOrEqual(100);
    expect(atCancel.done).toBeLessThanOrEqual(100 + capacity);
    expect(atCancel.cancelled).toBe(300 - atCancel.done);
    expect(counters.embed.calls.size).toBe(atCancel.done);

    // the editor accepts two suggestions before closing the panel
    const suggested = first.store
      .getState()
      .queue.filter((q) => q.status === "suggested")
      .slice(0, 2);
    for (const q of suggested) {
      first.store.getState().select(q.clip.nodeId);
      await first.store.getState().accept();
    }
    const applied = suggested.map((q) => q.clip.nodeId);
    expect(applied.map((id) => first.store.getState().queue.find((q) => q.clip.nodeId === id)?.status)).toEqual([
      "applied",
      "applied",
    ]);

    // reload: a new panel over the same storage finds the cancelled batch where it stopped (once
    // the last write has landed: IndexedDB is asynchronous, ADR 0030)
    await first.store.getState().persistQueue();
    const second = await openPanel(project, storage, counters);
    expect(second.store.getState().batch).toMatchObject({ cancelled: true });
    expect(progress(second.store)).toMatchObject({ done: atCancel.done, cancelled: 300 - atCancel.done });
    await second.store.getState().processQueue();
    expect(counters.grab.total()).toBe(atCancel.done); // nothing runs before Resume

    second.store.getState().resumeBatch();
    await until(() => progress(second.store).finished, "the resumed batch to finish");
    await second.store.getState().processQueue();

    const ids = card.childItems.flatMap((bin) => bin.childItems.map((c) => c.nodeId));
    expect(ids).toHaveLength(300);
    expect(ids.filter((id) => counters.grab.calls.get(id) !== 1)).toEqual([]);
    expect(ids.filter((id) => counters.embed.calls.get(id) !== 1)).toEqual([]);
    const statuses = new Map(second.store.getState().queue.map((q) => [q.clip.nodeId, q.status]));
    expect(applied.map((id) => statuses.get(id))).toEqual(["applied", "applied"]);
    expect(ids.filter((id) => !["suggested", "applied"].includes(statuses.get(id) ?? ""))).toEqual([]);

    // 300 clips with suggestions and embeddings are stored (once the last write has landed: a
    // write may still be on its way when the batch is done, ADR 0030); an unchanged queue writes no clip
    await second.store.getState().persistQueue();
    const stored = await new QueuePersistence(databaseOf(storage), project.path).load();
    expect(stored.queue.filter((q) => q.embeddings?.pooled.length === 512)).toHaveLength(300);
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) await second.store.getState().persistQueue();
    console.info(`persisting the unchanged 300-clip queue takes ${((performance.now() - t0) / 10).toFixed(1)} ms`);

    // the same bin again: applied clips are left out, nothing is grabbed again
    second.simulator.app.projectViewSelection = [card];
    await second.store.getState().suggestForBin();
    expect(second.store.getState().batch).toMatchObject({ alreadyDecided: 2 });
    expect(second.store.getState().batch!.nodeIds).toHaveLength(298);
    await second.store.getState().processQueue();
    expect(counters.grab.total()).toBe(300);

    // bounded: frames read for at most two clips ahead of the one with the encoder, one clip
    // embedded at a time, at most three matched at once
    expect(counters.grab.peak).toBe(PIPELINE_LIMITS.grabbing); // one clip's frames read at a time
    expect(counters.embed.peak).toBe(PIPELINE_LIMITS.embedding);
    expect(counters.match.peak).toBeGreaterThan(1);
    expect(counters.match.peak).toBeLessThanOrEqual(PIPELINE_LIMITS.matching);
  }, 120_000);

  it("clips become ready in import order", async () => {
    const { project, card } = cardProject(30);
    const counters = batchCounters();
    const { store, simulator } = await openPanel(project, memoryStorage(), counters);
    simulator.app.projectViewSelection = [card];
    const ready: string[] = [];
    store.subscribe((s) => {
      for (const q of s.queue) if (q.status === "suggested" && !ready.includes(q.clip.name)) ready.push(q.clip.name);
    });
    await store.getState().suggestForBin();
    await until(() => progress(store).finished, "the batch");
    // matches run side by side, so neighbours may swap; no clip is ready far from its place
    const names = card.childItems.flatMap((bin) => bin.childItems.map((c) => c.name));
    expect(ready).toHaveLength(30);
    ready.forEach((name, i) => expect(Math.abs(names.indexOf(name) - i)).toBeLessThanOrEqual(PIPELINE_LIMITS.matching));
    expect(ready[0]).toBe(names[0]);
  }, 60_000);

  it("a crash mid-batch resumes on reopening, never redoing clips that were done", async () => {
    const { project, card, storage, counters, first } = await cardPanel(120);
    let doneAtCrash = new Set<string>();
    when(
      first.store,
      () => progress(first.store).done >= 40,
      () => {
        // Premiere quits: nothing the old panel has in work ever answers
        first.life.crashed = true;
        doneAtCrash = new Set(
          first.store
            .getState()
            .queue.filter((q) => q.status === "suggested")
            .map((q) => q.clip.nodeId),
        );
      },
    );
    await first.store.getState().suggestForBin();
    await until(() => first.life.crashed, "the crash");
    await first.store.getState().persistQueue(); // what was done at the crash has landed

    const second = await openPanel(project, storage, counters);
    expect(second.store.getState().batch).toMatchObject({ cancelled: false });
    await until(() => progress(second.store).finished, "the batch to finish after the restart");
    await second.store.getState().processQueue();

    const ids = card.childItems.flatMap((bin) => bin.childItems.map((c) => c.nodeId));
    expect(doneAtCrash.size).toBeGreaterThanOrEqual(40);
    expect([...doneAtCrash].filter((id) => counters.grab.calls.get(id) !== 1)).toEqual([]);
    // only the clips in work at the crash are read again
    const again = ids.filter((id) => (counters.grab.calls.get(id) ?? 0) > 1);
    expect(again.length).toBeLessThanOrEqual(PIPELINE_LIMITS.framesAhead + PIPELINE_LIMITS.embedding);
    expect(
      ids.filter((id) => second.store.getState().queue.find((q) => q.clip.nodeId === id)?.status !== "suggested"),
    ).toEqual([]);
  }, 60_000);
});

describe("the pipeline, and starting a batch", () => {
  it("frames given before the model is ready wait with the clip and are embedded once it is", async () => {
    const { project, card } = cardProject(1);
    const counters = batchCounters();
    const life: PanelLife = { crashed: false };
    const { host } = simulatedHost(project);
    const store = testStore({
      host,
      embedder: new CountingEmbedder(counters.embed, life),
      catalog: new CountingCatalog(counters.match, life),
      storage: memoryStorage(),
      grab: countingGrab(counters, life),
    });
    await store.getState().refreshProject();
    await store.getState().connectCatalog(CONFIG);
    const { clips } = await host.call("getBinClips", { nodeId: card.nodeId });
    const grabbed = await countingGrab(counters, life)(clips[0]);
    // the playhead's frame while the model loads: the call returns, the frames are kept
    await store.getState().enqueueWithFrames(clips[0], grabbed, "timeline");
    expect(store.getState().queue[0]).toMatchObject({ status: "grabbing", origin: "timeline" });
    expect(counters.embed.total()).toBe(0);
    await store.getState().loadModel(null);
    await until(() => store.getState().queue[0].status === "suggested", "the clip's suggestion");
    expect(counters.embed.total()).toBe(1);
    expect(counters.grab.total()).toBe(1); // its frames were not read again
  });

  it("a selection queues each clip once, keeps queued ones in place and lists what it left out", async () => {
    const { project, card, first } = await cardPanel(6);
    const clips = card.childItems[0].childItems;
    const { clips: two } = await first.store.services.host.call("getClips", [clips[0].nodeId, clips[1].nodeId]);
    first.store.getState().enqueue(two); // two of them came in by import already
    await first.store.getState().processQueue();
    const sequence = project.allItems().find((i) => i.name === "Ep 3 assembly")!;
    first.simulator.app.projectViewSelection = [clips[1], card, sequence];
    await first.store.getState().suggestForSelection("project");
    const { batch, queue } = first.store.getState();
    expect(batch?.label).toBe("the selection");
    // in the selection's order: the clip, then the bin's others (that clip once); the sequence left out
    const ids = clips.map((c) => c.nodeId);
    expect(batch?.nodeIds).toEqual([ids[1], ids[0], ...ids.slice(2)]);
    expect(queue.map((q) => q.clip.nodeId)).toEqual(clips.map((c) => c.nodeId)); // no clip twice
    expect(batch?.skipped.map((i) => i.name)).toEqual(["Ep 3 assembly"]);
  });

  it("says why a batch cannot start: no sequence for the timeline, nothing selected for a bin", async () => {
    const { project, first } = await cardPanel(2);
    first.simulator.app.projectViewSelection = [];
    project.activeSequence = null;
    await first.store.getState().suggestForSelection("timeline");
    expect(first.store.getState().batchError).toContain("No sequence is open");
    await first.store.getState().suggestForBin();
    expect(first.store.getState().batchError).toContain("Nothing is selected in the Project panel");
    expect(first.store.getState().batch).toBeNull();
  });

  it("says plainly when a bin or a selection has no clips with media, and what it left out", async () => {
    const { project, first } = await cardPanel(2);
    const sequence = project.allItems().find((i) => i.name === "Ep 3 assembly")!;
    first.simulator.app.projectViewSelection = [sequence];
    await first.store.getState().suggestForSelection("project");
    expect(first.store.getState().batchError).toBe(
      "No clips with media are selected in the Project panel (1 left out: sequences or offline media).",
    );
    const empty = project.rootItem.add(new SimProjectItem("Day 2 — empty", ProjectItemType.BIN));
    first.simulator.app.projectViewSelection = [empty];
    await first.store.getState().suggestForBin();
    expect(first.store.getState().batchError).toBe("The bin “Day 2 — empty” has no clips with media.");
    expect(first.store.getState().batch).toBeNull();
  });

  it("keeps all frames only for the clips done last and the one on the card; the others keep one", async () => {
    const { first } = await cardPanel(FULL_FRAMES_KEPT + 16);
    await first.store.getState().suggestForBin();
    await until(() => progress(first.store).finished, "the batch");
    const { queue, selectedId } = first.store.getState();
    const full = queue.filter((q) => q.frames?.length === 2).map((q) => q.clip.nodeId);
    expect(full).toHaveLength(FULL_FRAMES_KEPT + 1);
    expect(full).toContain(selectedId);
    expect(full.slice(1)).toEqual(queue.slice(-FULL_FRAMES_KEPT).map((q) => q.clip.nodeId));
    expect(queue.every((q) => q.frames?.length && q.frameUrls?.length === q.frames.length)).toBe(true);
  });
});
