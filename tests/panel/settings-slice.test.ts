// The settings slice: studio defaults as starting values, inline problems that save nothing,
// each user's changes kept in their own storage, reset, and the settings reaching what they
// control (frames grabbed, matches asked, the abstention threshold, the catalog, the model).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { CatalogClient } from "../../src/lib/catalog";
import type { StudioConfig } from "../../src/lib/studio-config";
import type { GrabbedFrames } from "../../src/panel/frames/grab-frames";
import { configOf, selectBatchConfidence, type PanelSettings } from "../../src/panel/store";
import { SETTINGS_KEY } from "../../src/panel/store/settings-slice";
import { BUILT_IN_SETTINGS, frameFractions } from "../../src/panel/store/settings-values";
import type { ProjectItemRecord } from "../../src/shared/bridge/contract";
import { createSampleProject } from "../../src/sim/sample-project";
import {
  FakeCatalog,
  FakeEmbedder,
  frameOfLook,
  memoryStorage,
  sampleReferences,
} from "../../src/testing/fake-panel-services";
import { RestartableCatalog } from "../helpers/restartable-catalog";
import { sampleMedia } from "../../src/testing/sample-media";
import { simulatedHost } from "../../src/testing/simulated-host";
import { until } from "../../src/testing/until";
import { testStore } from "../../src/testing/test-store";

const STUDIO: StudioConfig = {
  catalog: { url: "http://catalog.test", anonKey: "a.b.c" },
  model: { source: "folder", path: "/models/tiny-random-clip" },
  defaults: { framesPerClip: 3, matchesPerFrame: 10, abstentionThreshold: 0.6, batchConfidence: 0.85 },
};

class RecordingCatalog extends FakeCatalog {
  asked: number[] = [];
  override async matchFrames(frames: ArrayLike<number>[], options?: { k?: number }) {
    this.asked.push(options?.k ?? -1);
    return super.matchFrames(frames);
  }
}

function setup(storage = memoryStorage()) {
  const project = createSampleProject(sampleMedia());
  const { host } = simulatedHost(project);
  const catalog = new RecordingCatalog(sampleReferences());
  const grabbedAt: number[][] = [];
  const loads: unknown[] = [];
  const embedder = new FakeEmbedder();
  const load = embedder.load.bind(embedder);
  embedder.load = async (options, onProgress) => (loads.push(options), load(options, onProgress));
  const store = testStore({
    host,
    embedder,
    catalog,
    storage,
    grab: async (_clip, fractions): Promise<GrabbedFrames> => {
      grabbedAt.push(fractions);
      return { method: "host-export", frames: fractions.map(() => frameOfLook(10)), labels: [], fellBack: [] };
    },
  });
  return { project, store, storage, catalog, grabbedAt, loads };
}

const edit = (s: PanelSettings, patch: Partial<PanelSettings>): PanelSettings => ({ ...s, ...patch });

describe("settings: defaults, problems, per-user changes, reset", () => {
  it("start from the studio config's values, else the panel's own", () => {
    const { store } = setup();
    expect(store.getState().initSettings(null)).toEqual(BUILT_IN_SETTINGS);
    expect(BUILT_IN_SETTINGS).toMatchObject({ framesPerClip: 5, matchesPerFrame: 8, abstentionThreshold: 0.5 });
    const s = store.getState().initSettings(STUDIO);
    expect(s).toEqual({
      catalog: STUDIO.catalog,
      model: STUDIO.model,
      framesPerClip: 3,
      matchesPerFrame: 10,
      abstentionThreshold: 0.6,
      batchConfidence: 0.85,
      moveOnAfterAccept: false, // the written clip stays on the card (ADR 0027)
    });
    expect(selectBatchConfidence(store.getState())).toBe(0.85);
  });

  it("an invalid value gets its message and nothing is saved", () => {
    const { store, storage } = setup();
    const before = store.getState().initSettings(STUDIO);
    const problems = store.getState().saveSettings(
      edit(before, {
        framesPerClip: 0,
        abstentionThreshold: 1.5,
        batchConfidence: Number.NaN,
        matchesPerFrame: 99,
        catalog: { url: "catalog.test", anonKey: "not a key" },
        model: { source: "folder", path: " " },
      }),
    );
    expect(problems).toEqual({
      framesPerClip: "Enter a whole number from 1 to 10.",
      matchesPerFrame: "Enter a whole number from 1 to 50.",
      abstentionThreshold: "Enter a number from 0 to 1.",
      batchConfidence: "Enter a number from 0 to 1.",
      catalog: "Enter the catalog's address, starting with https:// (or http:// for the local catalog).",
      model: "Enter the folder model's folder.",
    });
    // one bad value among good ones: the good ones are not saved either
    expect(store.getState().saveSettings(edit(before, { matchesPerFrame: 12, framesPerClip: 11 }))).toEqual({
      framesPerClip: "Enter a whole number from 1 to 10.",
    });
    expect(store.getState().settings).toEqual(before);
    expect(storage.getItem(SETTINGS_KEY)).toBeNull();
  });

  it("keeps only what this user changed, in their storage; another user starts from the defaults", () => {
    const mine = memoryStorage();
    const first = setup(mine).store;
    const s = first.getState().initSettings(STUDIO);
    expect(first.getState().saveSettings(edit(s, { matchesPerFrame: 12, batchConfidence: 0.95 }))).toEqual({});
    expect(JSON.parse(mine.getItem(SETTINGS_KEY)!)).toEqual({ matchesPerFrame: 12, batchConfidence: 0.95 });

    // a reload: the change is back; a studio default changed since reaches what the user left alone
    const reloaded = setup(mine).store;
    const newer = { ...STUDIO, defaults: { ...STUDIO.defaults, framesPerClip: 7 } };
    expect(reloaded.getState().initSettings(newer)).toMatchObject({
      matchesPerFrame: 12,
      batchConfidence: 0.95,
      framesPerClip: 7,
    });
    expect(setup(memoryStorage()).store.getState().initSettings(STUDIO).matchesPerFrame).toBe(10);
  });

  it("a kept value that no longer fits is dropped, not used", () => {
    const storage = memoryStorage();
    storage.setItem(SETTINGS_KEY, JSON.stringify({ framesPerClip: 400, matchesPerFrame: 20, unknown: 1 }));
    const s = setup(storage).store.getState().initSettings(STUDIO);
    expect(s).toMatchObject({ framesPerClip: 3, matchesPerFrame: 20 });
    expect(s).not.toHaveProperty("unknown");
    storage.setItem(SETTINGS_KEY, "{not json");
    expect(setup(storage).store.getState().initSettings(STUDIO).matchesPerFrame).toBe(10);
  });

  it("Reset goes back to the studio defaults and forgets the user's changes", () => {
    const { store, storage } = setup();
    const s = store.getState().initSettings(STUDIO);
    store.getState().saveSettings(edit(s, { framesPerClip: 9, abstentionThreshold: 0.2 }));
    store.getState().resetSettings();
    expect(store.getState().settings).toEqual(store.getState().studioSettings);
    expect(store.getState().settings.framesPerClip).toBe(3);
    expect(JSON.parse(storage.getItem(SETTINGS_KEY)!)).toEqual({});
  });

  it("frames are spread like IA's: 5 → 10, 30, 50, 70, 90 %", () => {
    expect(frameFractions(5)).toEqual([0.1, 0.3, 0.5, 0.7, 0.9]);
    expect(frameFractions(1)).toEqual([0.5]);
    expect(frameFractions(3)).toEqual([0.167, 0.5, 0.833]);
  });
});

describe("settings reach what they control", () => {
  async function suggested(store: ReturnType<typeof setup>["store"], project: ReturnType<typeof setup>["project"]) {
    await store.getState().refreshProject();
    await store.getState().loadModel(configOf(store.getState().settings));
    await store.getState().connectCatalog({ catalog: { url: "http://catalog.test", anonKey: "a.b.c" } });
    const item = project.allItems().find((i) => i.name === "kitchen-oven-cleaning-MID.mp4")!;
    const { clips } = await store.services.host.call("getClips", [item.nodeId]);
    store.getState().enqueue(clips as ProjectItemRecord[]);
    await until(() => store.getState().queue[0]?.status === "suggested", "the clip's suggestion");
    return store.getState().queue[0];
  }

  it("frames per clip, matches per frame and the abstention threshold", async () => {
    const { store, project, catalog, grabbedAt } = setup();
    const s = store.getState().initSettings(STUDIO);
    const q = await suggested(store, project);
    expect(grabbedAt).toEqual([frameFractions(3)]);
    expect(catalog.asked.every((k) => k === 10)).toBe(true);
    expect(q.suggestion!.fields.subject.value).toBe("oven");

    // nothing reaches a threshold of 1: the vote abstains on every field
    const strict = setup();
    strict.store.getState().initSettings(STUDIO);
    strict.store.getState().saveSettings(edit(s, { abstentionThreshold: 1, framesPerClip: 2, matchesPerFrame: 4 }));
    const abstained = await suggested(strict.store, strict.project);
    expect(strict.grabbedAt).toEqual([[0.25, 0.75]]);
    expect(strict.catalog.asked.every((k) => k === 4)).toBe(true);
    expect(abstained.suggestion!.fields.subject.value).toBeNull();
  });

  it("a new model source loads that model", async () => {
    const { store, loads } = setup();
    const s = store.getState().initSettings(STUDIO);
    store.getState().saveSettings(edit(s, { matchesPerFrame: 9 }));
    expect(loads).toHaveLength(0); // not a model change
    store.getState().saveSettings(edit(s, { model: { source: "bundled", path: "../model" } }));
    await until(() => loads.length, "the model to load");
    expect(loads).toEqual([{ source: { kind: "bundled", path: "../model" }, quantized: true }]);
  });
});

describe("a new catalog address reconnects", () => {
  let catalog: RestartableCatalog;
  beforeAll(async () => {
    // the panel's catalog client is made by the store, as in Chromium, where WebSocket is global
    (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
    catalog = await RestartableCatalog.start();
  });
  afterAll(async () => {
    await catalog?.close();
  });

  it("from the fake to the local catalog over HTTP", async () => {
    const { store } = setup();
    const s = store.getState().initSettings(STUDIO);
    await store.getState().connectCatalog(configOf(s));
    expect(store.getState().catalogStatus).toMatchObject({ state: "connected", url: "http://catalog.test" });
    store.setState({ account: { email: "editor@old.test", role: "employee", canSave: true }, authState: "signed-in" });
    store.getState().saveSettings(edit(s, { catalog: { url: `${catalog.url}/`, anonKey: catalog.server.anonKey } }));
    expect(store.getState().settings.catalog!.url).toBe(catalog.url); // the trailing slash trimmed
    expect(store.getState()).toMatchObject({ account: null, authState: "signed-out" }); // that was the old catalog's
    await until(() => store.getState().catalogStatus.state === "connected", "the new catalog");
    expect(store.getState().catalogStatus).toMatchObject({
      state: "connected",
      url: catalog.url,
      defaultModelVersion: expect.any(String),
    });
    expect((store.catalog.current as CatalogClient).config.url).toBe(catalog.url);
  });
});
