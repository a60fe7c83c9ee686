// The panel store's slices with fakes of their services (the host is the real compiled bundle in
// the simulator): the queue's pipeline, waiting out an unreachable catalog, reloads, review and
// accept, bad XMP, and the text search's guard against stale answers.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type PanelStore } from "../../src/panel/store";
import { ProjectItemType, SimProjectItem } from "../../src/sim/premiere-dom";
import { createSampleProject } from "../../src/sim/sample-project";
import {
  FakeCatalog,
  FakeEmbedder,
  MODEL,
  memoryStorage,
  sampleReferences,
} from "../../src/testing/fake-panel-services";
import { sampleMedia } from "../../src/testing/sample-media";
import { simulatedHost } from "../../src/testing/simulated-host";
import { until } from "../../src/testing/until";
import { grabLooks, testStore } from "../../src/testing/test-store";

const CONFIG = { catalog: { url: "http://catalog.test", anonKey: "a.b.c" } };

/** Clips of the sample project, each given a "look" (the axis its frames embed near). */
function setup(storage = memoryStorage(), catalog = new FakeCatalog(sampleReferences())) {
  const project = createSampleProject(sampleMedia());
  const { host } = simulatedHost(project);
  const looks = new Map<string, number[]>();
  const embedder = new FakeEmbedder();
  const store = testStore({ host, embedder, catalog, storage, grab: grabLooks(looks) });
  const clip = (name: string, look: number) => {
    const item = project.allItems().find((i) => i.name === name)!;
    looks.set(item.nodeId, [look, look]);
    return item;
  };
  return { project, host, store, embedder, catalog, storage, clip };
}

async function ready(store: PanelStore): Promise<void> {
  await store.getState().refreshProject();
  await store.getState().loadModel(null);
  await store.getState().connectCatalog(CONFIG);
}

async function enqueue(store: PanelStore, item: SimProjectItem) {
  const { clips } = await store.services.host.call("getClips", [item.nodeId]);
  store.getState().enqueue(clips);
  await until(() => ["suggested", "failed", "waiting"].includes(status(store, item)), `${item.name} to settle`);
  await store.getState().processQueue();
}
const status = (store: PanelStore, item: SimProjectItem) =>
  store.getState().queue.find((q) => q.clip.nodeId === item.nodeId)?.status ?? "absent";

describe("queue slice", () => {
  it("takes a clip from waiting to suggested with the catalog's evidence, and selects it", async () => {
    const { store, clip } = setup();
    await ready(store);
    expect(store.getState().calibrationStatus.state).toBe("ready");
    const oven = clip("kitchen-oven-cleaning-MID.mp4", 10);
    await enqueue(store, oven);
    const q = store.getState().queue[0];
    expect(q.status).toBe("suggested");
    expect(q.suggestion?.modelVersion).toBe(MODEL);
    expect(q.suggestion?.fields.subject.value).toBe("oven");
    expect(q.suggestion?.fields.location).toMatchObject({ value: "kitchen", fillsEmpty: true });
    expect(q.suggestion?.keywords.map((k) => k.value)).toEqual(["steel"]);
    expect(store.getState().selectedId).toBe(oven.nodeId);
    expect(store.getState().draft?.values).toMatchObject({ location: "kitchen", subject: "oven", shotType: "MID" });
  });

  it("shows the first frame's suggestion at once and refines it with the other frames", async () => {
    const { store, clip, embedder } = setup();
    await ready(store);
    const { finish } = embedder.holdAfterFirstFrame(); // the first frame is ready long before the others
    const oven = clip("kitchen-oven-cleaning-MID.mp4", 10);
    const { clips } = await store.services.host.call("getClips", [oven.nodeId]);
    store.getState().enqueue(clips);
    await until(() => store.getState().queue[0]?.refining === true, "the early suggestion");
    expect(store.getState().queue[0]).toMatchObject({ status: "suggested", refining: true });
    expect(store.getState().queue[0].suggestion?.framesUsed).toBe(1);
    expect(store.getState().selectedId).toBe(oven.nodeId);
    finish();
    await until(() => store.getState().queue[0].refining === false, "the refined suggestion");
    expect(store.getState().queue[0].suggestion?.framesUsed).toBe(2);
    expect(store.getState().queue[0].suggestion?.fields.subject.value).toBe("oven");
  });

  it("an Accept on the early suggestion stands when the other frames arrive", async () => {
    const { store, clip, embedder } = setup();
    await ready(store);
    const { finish } = embedder.holdAfterFirstFrame();
    const oven = clip("kitchen-oven-cleaning-MID.mp4", 10);
    const { clips } = await store.services.host.call("getClips", [oven.nodeId]);
    store.getState().enqueue(clips);
    await until(() => store.getState().queue[0]?.refining === true, "the early suggestion");
    await store.getState().accept();
    expect(status(store, oven)).toBe("applied");
    finish();
    await until(() => store.getState().queue[0].refining === false, "the other frames");
    expect(status(store, oven)).toBe("applied");
    expect(store.getState().queue[0].embeddings?.frames).toHaveLength(2);
  });

  it("fails at once, with the reason, for a clip whose media is offline", async () => {
    const { store, project } = setup();
    await ready(store);
    const offline = project.allItems().find((i) => i.name === "missing-drive clip.mxf")!;
    const { clips } = await store.services.host.call("getClips", [offline.nodeId]);
    store.getState().enqueue(clips);
    expect(store.getState().queue[0]).toMatchObject({ status: "failed" });
    expect(store.getState().queue[0].detail).toContain("is offline: its media file is missing. Relink it");
  });

  it("keeps a clip waiting while the catalog is unreachable, then matches it without re-embedding", async () => {
    const { store, clip, catalog, embedder } = setup();
    await ready(store);
    catalog.down = true;
    const hob = clip("kitchen-hob-CU.jpg", 20);
    await enqueue(store, hob);
    expect(status(store, hob)).toBe("waiting");
    expect(store.getState().queue[0].detail).toContain("cannot be reached");
    expect(store.getState().catalogStatus.state).toBe("error");
    expect(embedder.calls).toBe(1);
    // meanwhile the clip's metadata changes in Premiere: the late match reads it afresh
    await store.services.host.call("writeClipMetadata", {
      nodeId: hob.nodeId,
      metadata: { location: "scullery", subject: "hob", shotType: "CU" },
    });
    catalog.down = false;
    await store.getState().connectCatalog(CONFIG); // what the background retry does
    await until(() => status(store, hob) === "suggested", "the catalog's return");
    expect(store.getState().queue[0].suggestion?.fields.subject.value).toBe("hob");
    expect(store.getState().queue[0].current?.location).toBe("scullery");
    expect(embedder.calls).toBe(1);
  });

  it("survives a reload: applied and suggested clips come back, half-done ones start over", async () => {
    const storage = memoryStorage();
    const first = setup(storage);
    await ready(first.store);
    const oven = first.clip("kitchen-oven-cleaning-MID.mp4", 10);
    const hob = first.clip("kitchen-hob-CU.jpg", 20);
    await enqueue(first.store, oven);
    await enqueue(first.store, hob);
    first.store.getState().select(oven.nodeId);
    await first.store.getState().accept();
    expect(status(first.store, oven)).toBe("applied");
    // a third clip mid-way when the panel closes
    first.store.getState().updateClip(hob.nodeId, { status: "embedding" });
    await first.store.getState().persistQueue(); // IndexedDB: the write lands

    const second = setup(storage);
    await ready(second.store);
    const restored = second.store.getState().queue;
    expect(restored.map((q) => [q.clip.name, q.status])).toEqual([
      ["kitchen-oven-cleaning-MID.mp4", "applied"],
      ["kitchen-hob-CU.jpg", expect.stringMatching(/waiting|matching|suggested/)],
    ]);
    await until(() => status(second.store, hob) === "suggested", "the half-done clip to be matched again");
    // the restored embedding is reused: nothing is grabbed or embedded again
    expect(second.embedder.calls).toBe(0);
    // the watcher's baseline is the project as it is: the applied clip is never queued again
    expect(second.store.getState().queue.filter((q) => q.clip.nodeId === oven.nodeId)).toHaveLength(1);
  });

  it("a corrupt saved queue is ignored, never a crash", async () => {
    const storage = memoryStorage();
    const { store } = setup(storage);
    storage.setItem("reference-lookup.queue:/Users/editor/Projects/EAV Küche — 日本語/Küche Ep 3.prproj", "{not json");
    await ready(store);
    expect(store.getState().queue).toEqual([]);
  });
});

describe("review slice", () => {
  it("Accept writes the draft to XMP and columns, keeps a human's value, and keeps the clip on the card", async () => {
    const { store, clip, host } = setup();
    await ready(store);
    const oven = clip("kitchen-oven-cleaning-MID.mp4", 10);
    const hob = clip("kitchen-hob-CU.jpg", 20);
    // a person entered values on the oven clip earlier
    await host.call("writeClipMetadata", {
      nodeId: oven.nodeId,
      metadata: { location: "utility", subject: "range cooker", shotType: "WS" },
    });
    await enqueue(store, oven);
    await enqueue(store, hob);
    store.getState().select(oven.nodeId);
    const q = store.getState().queue[0];
    expect(q.suggestion?.fields.subject).toMatchObject({ value: "oven", current: "range cooker", fillsEmpty: false });
    // human values stand; the editor takes the suggested location with one click
    expect(store.getState().draft?.values).toMatchObject({ location: "utility", subject: "range cooker" });
    store.getState().setField("location", "kitchen");
    await store.getState().accept();
    expect(status(store, oven)).toBe("applied");
    const read = await host.call("readClipMetadata", oven.nodeId);
    expect(read.metadata).toMatchObject({ location: "kitchen", subject: "range cooker", shotType: "WS" });
    expect(read.columns["IA Reference"]).toBe("confirmed");
    // written, it stays on the card until the editor moves on (ADR 0027; tests/panel/accept-undo.test.ts)
    expect(store.getState().selectedId).toBe(oven.nodeId);
  });

  it("a field locked in IA's sidecar stays as it is, and Accept records the correction for IA", async () => {
    const { store, project, host } = setup();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "IA folder "));
    try {
      fs.copyFileSync(sampleMedia().h264.path, path.join(dir, "EB001560.MP4"));
      const entry = {
        currentFilename: "EB001560.MP4",
        fileType: "video",
        subject: "range cooker",
        lockedFields: ["subject"],
      };
      fs.writeFileSync(path.join(dir, ".ingest-metadata.json"), JSON.stringify({ _schema: "2.0", EB001560: entry }));
      const media = { ...sampleMedia().h264, path: path.join(dir, "EB001560.MP4") };
      const item = project.rootItem.add(new SimProjectItem("EB001560.MP4", ProjectItemType.CLIP, media));
      await host.call("writeClipMetadata", {
        nodeId: item.nodeId,
        metadata: { location: "utility", subject: "range cooker", shotType: "WS" },
      });
      await ready(store);
      await enqueue(store, item);
      const q = store.getState().queue[0];
      expect(q.suggestion?.fields.subject).toMatchObject({ value: "oven", current: "range cooker", locked: true });
      store.getState().setField("location", "kitchen");
      await store.getState().accept();
      expect(store.getState().queue[0].applied?.correction).toEqual({
        written: true,
        reason: undefined,
        problem: undefined,
      });
      const pp = JSON.parse(fs.readFileSync(path.join(dir, ".ingest-metadata-pp.json"), "utf8"));
      expect(pp.EB001560).toMatchObject({ location: "kitchen", subject: "range cooker", modifiedBy: "cep-panel" });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps IA's shot number over a linked planned shot's, and says when IA's corrections file is unreadable", async () => {
    const { store, project, host } = setup();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "IA folder "));
    try {
      fs.copyFileSync(sampleMedia().h264.path, path.join(dir, "EB001560.MP4"));
      const entry = { currentFilename: "EB001560.MP4", fileType: "video", shotNumber: 1, lockedFields: ["keywords"] };
      fs.writeFileSync(path.join(dir, ".ingest-metadata.json"), JSON.stringify({ _schema: "2.0", EB001560: entry }));
      const broken = '{ "EB001560": { "subject": "range cooker", ';
      fs.writeFileSync(path.join(dir, ".ingest-metadata-pp.json"), broken);
      const media = { ...sampleMedia().h264, path: path.join(dir, "EB001560.MP4") };
      const item = project.rootItem.add(new SimProjectItem("EB001560.MP4", ProjectItemType.CLIP, media));
      await ready(store);
      await enqueue(store, item);
      const q = store.getState().queue[0];
      expect(q.current).toMatchObject({ shotNumber: 1, lockedFields: ["keywords"] });
      expect(q.sidecarProblem).toMatch(/\.ingest-metadata-pp\.json cannot be read \(it is not valid JSON\)/);
      store.getState().setShot({ id: "planned-12", shotNumber: 12 });
      await store.getState().accept();
      const applied = store.getState().queue[0].applied!;
      expect(applied.metadata.shotNumber).toBe(1);
      expect(applied.correction).toMatchObject({ written: false, problem: expect.stringContaining("left as it is") });
      const read = await host.call("readClipMetadata", item.nodeId);
      expect(read.shotName).toBe("kitchen-oven-MID-#1");
      expect(fs.readFileSync(path.join(dir, ".ingest-metadata-pp.json"), "utf8")).toBe(broken);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("does not write values IA would refuse, and says what to change", async () => {
    const { store, clip, project } = setup();
    await ready(store);
    const oven = clip("kitchen-oven-cleaning-MID.mp4", 10);
    await enqueue(store, oven);
    store.getState().setField("subject", "salt & pepper");
    await store.getState().accept();
    expect(store.getState().reviewError).toEqual({
      title: "Not written yet",
      detail: 'Subject holds "&", which Ingest Assistant refuses (; | & $ ` < > { } ! and line breaks). Take it out.',
    });
    expect(status(store, oven)).toBe("suggested");
    expect(project.allItems().find((i) => i === oven)!.xmpMetadata).toBe("");
  });

  it("refuses to write without the required fields and says which", async () => {
    const { store, clip, project } = setup();
    await ready(store);
    const oven = clip("kitchen-oven-cleaning-MID.mp4", 10);
    await enqueue(store, oven);
    store.getState().setField("subject", " ");
    store.getState().setField("shotType", "");
    const before = project
      .allItems()
      .find((i) => i.nodeId === oven.nodeId)!
      .getXMPMetadata();
    await store.getState().accept();
    expect(store.getState().reviewError?.detail).toBe(
      "Fill in subject, shot type before accepting: type a value or pick one.",
    );
    expect(status(store, oven)).toBe("suggested");
    expect(
      project
        .allItems()
        .find((i) => i.nodeId === oven.nodeId)!
        .getXMPMetadata(),
    ).toBe(before);
  });

  it("a clip with malformed XMP still gets a suggestion; Accept refuses to overwrite it and says why", async () => {
    const { store, clip } = setup();
    await ready(store);
    const oven = clip("kitchen-oven-cleaning-MID.mp4", 10);
    // what another tool may leave behind; Premiere stores it as it is
    Object.assign(oven, { xmpMetadata: "<x:xmpmeta><rdf:RDF><unclosed" });
    await enqueue(store, oven);
    const q = store.getState().queue[0];
    expect(q.status).toBe("suggested");
    expect(q.currentProblem).toBeTruthy();
    expect(q.currentProblem).toContain("is damaged and cannot be read");
    store.getState().setField("shotType", "MID");
    await store.getState().accept();
    expect(store.getState().reviewError).toMatchObject({ code: "METADATA_FAILED" });
    expect(store.getState().reviewError?.detail).toContain("Repair or clear it in Premiere's Metadata panel");
    expect(status(store, oven)).toBe("suggested");
    expect(oven.getXMPMetadata()).toBe("<x:xmpmeta><rdf:RDF><unclosed");
  });

  it("keeps an undecided clip's edits when the editor moves to another clip and back", async () => {
    const { store, clip } = setup();
    await ready(store);
    const oven = clip("kitchen-oven-cleaning-MID.mp4", 10);
    const hob = clip("kitchen-hob-CU.jpg", 20);
    await enqueue(store, oven);
    await enqueue(store, hob);
    store.getState().select(oven.nodeId);
    store.getState().setField("location", "garden");
    store.getState().setKeywords(["steam"]);
    store.getState().move(1);
    expect(store.getState().draft?.nodeId).toBe(hob.nodeId);
    store.getState().move(-1);
    expect(store.getState().draft?.values.location).toBe("garden");
    expect(store.getState().draft?.keywords).toEqual(["steam"]);
  });

  it("refuses values longer than the catalog keeps, before anything is written", async () => {
    const { store, clip } = setup();
    await ready(store);
    const oven = clip("kitchen-oven-cleaning-MID.mp4", 10);
    await enqueue(store, oven);
    const before = oven.getXMPMetadata();
    store.getState().setField("location", "k".repeat(281));
    await store.getState().accept();
    expect(store.getState().reviewError?.detail).toBe(
      "Location has 281 characters; the catalog keeps at most 200. Shorten it.",
    );
    expect(status(store, oven)).toBe("suggested");
    expect(oven.getXMPMetadata()).toBe(before);
  });

  it("Skip moves on and leaves the clip untouched", async () => {
    const { store, clip } = setup();
    await ready(store);
    const oven = clip("kitchen-oven-cleaning-MID.mp4", 10);
    await enqueue(store, oven);
    const before = oven.getXMPMetadata();
    store.getState().skip();
    expect(status(store, oven)).toBe("skipped");
    expect(oven.getXMPMetadata()).toBe(before);
  });
});

describe("model and search slices", () => {
  it("never shows 100 % before the model is ready", async () => {
    const { store, embedder } = setup();
    embedder.load = async (_options, onProgress) => {
      onProgress?.({ file: "onnx/vision_model_quantized.onnx", status: "progress", loaded: 10, total: 10 });
      expect(store.getState().modelStatus).toMatchObject({ state: "loading", percent: 99 });
      return { modelVersion: MODEL, threads: 1, path: embedder.path };
    };
    await store.getState().loadModel(null);
    expect(store.getState().modelStatus).toMatchObject({ state: "ready", isTestModel: false });
  });

  it("updates the details line when the embedder moves to WASM during a clip (its native thread died)", async () => {
    const { store, embedder, clip } = setup();
    const moving = embedder as FakeEmbedder & { detail: string };
    moving.detail = "native (onnxruntime-node)";
    await ready(store);
    expect(store.getState().modelStatus).toMatchObject({ state: "ready", detail: "native (onnxruntime-node)" });
    const plain = embedder.embedClip.bind(embedder);
    embedder.embedClip = async (images, labels, onFrame) => {
      moving.detail = "WASM, 2 workers, SIMD (native not used: the native encoder thread exited (code 1))";
      return plain(images, labels, onFrame);
    };
    await enqueue(store, clip("kitchen-oven-cleaning-MID.mp4", 10));
    expect(store.getState().modelStatus).toMatchObject({
      state: "ready",
      detail: "WASM, 2 workers, SIMD (native not used: the native encoder thread exited (code 1))",
    });
  });

  it("shows only the latest query's answer when an older one returns last", async () => {
    const { store, embedder, catalog } = setup();
    await ready(store);
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    embedder.embedTexts = async (texts) => {
      if (texts[0] === "old") await slow;
      return [new Float32Array(512)];
    };
    catalog.match = async () => [];
    const old = store.getState().searchByText("old");
    await store.getState().searchByText("new");
    release();
    await old;
    expect(store.getState().search).toMatchObject({ query: "new", state: "done" });
  });
});
