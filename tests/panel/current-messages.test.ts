// Messages about the same thing replace each other (issue 22 §5): a "Not saved" does not stay
// above what the next save says; a clip that failed can be retried.
import { describe, expect, it } from "vitest";
import { createSampleProject } from "../../src/sim/sample-project";
import { FakeCatalog, memoryStorage, sampleReferences } from "../../src/testing/fake-panel-services";
import { sampleMedia } from "../../src/testing/sample-media";
import { simulatedHost } from "../../src/testing/simulated-host";
import { until } from "../../src/testing/until";
import { grabLooks, testStore } from "../../src/testing/test-store";
import { memoryStorage as outboxMemory } from "../../src/lib/catalog";
import { planBatchAccept } from "../../src/panel/store";
import { failureWords, referenceCount } from "../../src/panel/views/status-words";

const CONFIG = { catalog: { url: "http://catalog.test", anonKey: "a.b.c" } };

async function suggestedClip(grab = grabLooks(new Map())) {
  const project = createSampleProject(sampleMedia());
  const { host } = simulatedHost(project);
  const store = testStore({
    host,
    catalog: new FakeCatalog(sampleReferences()),
    storage: memoryStorage(),
    outboxStorage: outboxMemory(),
    grab,
  });
  await store.getState().refreshProject();
  await store.getState().loadModel(null);
  await store.getState().connectCatalog(CONFIG);
  const item = project.allItems().find((i) => i.name === "kitchen-oven-cleaning-MID.mp4")!;
  const { clips } = await host.call("getClips", [item.nodeId]);
  store.getState().enqueue(clips);
  const q = () => store.getState().queue.find((x) => x.clip.nodeId === item.nodeId)!;
  await until(() => ["suggested", "failed"].includes(q().status), "the clip to settle");
  return { store, q, nodeId: item.nodeId };
}

describe("messages about the same thing", () => {
  it("a save after a refused one: the refusal is gone, not left above what the save says", async () => {
    const { store, q, nodeId } = await suggestedClip();
    store.getState().select(nodeId);
    await store.getState().accept({ stay: true });
    expect(q().status).toBe("applied");
    store.getState().saveAsReference(nodeId); // nobody signed in
    expect(store.getState().reviewError?.title).toBe("Not saved");
    store.setState({ account: { email: "editor@eav.local", canSave: true } as never });
    await store.getState().saveAsReference(nodeId);
    expect(q().saved).toBeDefined(); // what became of the save is on the card now
    expect(store.getState().reviewError).toBeNull();
  });

  it("a batch accept's outcome replaces the finished suggest batch's notice instead of piling up", async () => {
    const { store, q, nodeId } = await suggestedClip();
    const finished = { label: "This bin", nodeIds: [nodeId], cancelled: false, startedAt: 0, doneAtStart: 0 };
    store.setState({ batch: { ...finished, alreadyDecided: 0, skipped: [] } });
    await store.getState().acceptBatch(planBatchAccept(store.getState().queue, 0.5));
    expect(q().status).toBe("applied");
    expect(store.getState().batchOutcome).toMatchObject({ action: "accept", done: 1 });
    expect(store.getState().batch).toBeNull();
  });

  it("the header counts the references as last synced, not as when the panel started", () => {
    const state = {
      modelStatus: { state: "ready", modelVersion: "m@1" },
      calibrationStatus: { state: "ready", calibration: { sampleSize: 24 } },
      copyStatus: { state: "synced", references: 25, modelVersion: "m@1", syncedAt: 0 },
    } as unknown as Parameters<typeof referenceCount>[0];
    expect(referenceCount(state)).toBe(25);
    expect(referenceCount({ ...state, copyStatus: { state: "none" } })).toBe(24);
  });

  it("a failed clip is retried: it goes through the pipeline again", async () => {
    let fail = true;
    const looks = grabLooks(new Map());
    const { store, q, nodeId } = await suggestedClip(async (clip, fractions) => {
      if (fail) throw new Error(`No frames from “${clip.name}”: browser-video: the browser cannot decode this video`);
      return looks(clip, fractions);
    });
    expect(q().status).toBe("failed");
    // the queue row and the card say what happened and what to do, not which decoder failed
    expect(failureWords(q().detail)).toEqual({
      said: "No picture could be read",
      todo: expect.stringMatching(/relink it in Premiere; then Retry/),
    });
    fail = false;
    store.getState().retryClip(nodeId);
    await until(() => q().status === "suggested", "the retried clip's suggestion");
    expect(q().detail).toBeUndefined();
  });
});
