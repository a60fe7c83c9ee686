// Accept, Save and undo act on the clip on the card (issue 22 §2, docs/adr/0027-panel-keys.md):
// through the store's keys (pressKey) with the store's clock, the real compiled host in the
// simulator, and IA's corrections file on disk.
import fs from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PanelStore } from "../../src/panel/store";
import { ACCEPT_UNDO_LIMIT } from "../../src/panel/store/accept-undo-slice";
import type { SimProjectItem } from "../../src/sim/premiere-dom";
import { batchCard, suggestCard, type BatchCard } from "../../src/testing/batch-project";
import { memoryStorage } from "../../src/testing/fake-panel-services";
import { grabLooks, testStore } from "../../src/testing/test-store";

const cards: BatchCard[] = [];
afterEach(() => cards.splice(0).forEach((c) => c.cleanup()));

/** A card of suggested clips, a clock the test moves, and a panel that can be reopened on the same storage. */
async function setup(count: number) {
  const card = batchCard(count);
  cards.push(card);
  const storage = memoryStorage();
  const clock = { t: 1_000_000 };
  /** the panel (re)opened on the same project and storage; a reload only reads the project */
  const open = async (reload = false) => {
    const store = testStore({ project: card.project, storage, grab: grabLooks(new Map()), now: () => clock.t });
    if (reload) await store.getState().refreshProject();
    else await suggestCard(store, card.clips);
    return store;
  };
  const store = await open();
  /** the editor waits this long before the next key */
  const wait = (ms: number) => (clock.t += ms);
  return { card, storage, clock, store, open, wait };
}

const statusOf = (store: PanelStore, clip: SimProjectItem) =>
  store.getState().queue.find((q) => q.clip.nodeId === clip.nodeId)?.status;

/** What an undo must give back exactly: the raw XMP, the column values (Premiere cannot unset a
 * column: "" reads as unset, ADR 0017), IA's corrections file's bytes. */
async function held(card: BatchCard, clip: SimProjectItem, store: PanelStore) {
  const { columns } = await store.services.host.call("snapshotClip", clip.nodeId);
  return {
    xmp: clip.getXMPMetadata(),
    columns,
    corrections: fs.existsSync(card.correctionsFile) ? fs.readFileSync(card.correctionsFile) : null,
  };
}

describe("Accept on the card", () => {
  it("keeps the accepted clip on the card, written, until ↓; S then saves that clip", async () => {
    const { card, store, wait } = await setup(3);
    const [a, b] = card.clips;
    store.getState().select(a.nodeId);
    wait(600);
    expect(await store.getState().pressKey("accept")).toBe(true);
    expect(statusOf(store, a)).toBe("applied");
    expect(store.getState().selectedId).toBe(a.nodeId);
    const save = vi.fn(async () => undefined);
    store.setState({ saveAsReference: save });
    wait(600);
    await store.getState().pressKey("save");
    expect(save).toHaveBeenCalledTimes(1);
    expect(store.getState().selectedId).toBe(a.nodeId); // S saves the selected clip: the written one
    await store.getState().pressKey("next");
    expect(store.getState().selectedId).toBe(b.nodeId);
  });

  it("moves on after Accept when the setting says so", async () => {
    const { card, store, wait } = await setup(3);
    store.getState().saveSettings({ ...store.getState().settings, moveOnAfterAccept: true });
    store.getState().select(card.clips[0].nodeId);
    wait(600);
    await store.getState().pressKey("accept");
    expect(store.getState().selectedId).toBe(card.clips[1].nodeId);
  });

  it("ignores a key within 500 ms of an Accept or of a change of clip", async () => {
    const { card, store, wait } = await setup(3);
    const [a, b] = card.clips;
    store.getState().saveSettings({ ...store.getState().settings, moveOnAfterAccept: true });
    store.getState().select(a.nodeId);
    wait(600);
    await store.getState().pressKey("accept"); // A written; the card now shows B
    wait(250); // the second Enter of a double press
    expect(await store.getState().pressKey("accept")).toBe(false);
    expect(statusOf(store, b)).toBe("suggested");
    wait(300);
    expect(await store.getState().pressKey("accept")).toBe(true);
    expect(statusOf(store, b)).toBe("applied");
    // a change of clip holds the keys too; moving does not wait
    await store.getState().pressKey("previous");
    expect(store.getState().selectedId).toBe(b.nodeId);
    wait(100);
    expect(await store.getState().pressKey("undoAccept")).toBe(false);
    expect(statusOf(store, b)).toBe("applied");
  });
});

describe("undo of an Accept", () => {
  it("the written card's Undo puts that clip back exactly, the corrections file included", async () => {
    const { card, store } = await setup(4);
    const [ia, other, , ia2] = card.clips; // clips 0 and 3 share the IA folder's corrections file
    const before = await held(card, ia, store);
    store.getState().select(ia.nodeId);
    await store.getState().accept();
    expect((await held(card, ia, store)).xmp).not.toBe(before.xmp);
    expect((await held(card, ia, store)).corrections).not.toEqual(before.corrections);
    await store.getState().undoAccept(ia.nodeId);
    expect(await held(card, ia, store)).toEqual(before);
    expect(statusOf(store, ia)).toBe("suggested");
    expect(store.getState().selectedId).toBe(ia.nodeId);
    expect(store.getState().acceptUndoNote?.text).toMatch(/^Put back as it was before the Accept\./);

    // out of order: the other clip goes back, the later Accept stays
    const otherBefore = await held(card, other, store);
    store.getState().select(other.nodeId);
    await store.getState().accept();
    store.getState().select(ia2.nodeId);
    await store.getState().accept();
    await store.getState().undoAccept(other.nodeId);
    expect((await held(card, other, store)).xmp).toBe(otherBefore.xmp);
    expect((await held(card, other, store)).columns).toEqual(otherBefore.columns);
    expect(statusOf(store, ia2)).toBe("applied");
  });

  it("Ctrl/Cmd+Z puts back the last Accepts, the last 20 of them, after a reload too", async () => {
    const { card, store, open, wait } = await setup(ACCEPT_UNDO_LIMIT + 2);
    const before = new Map<string, Awaited<ReturnType<typeof held>>>();
    for (const c of card.clips) before.set(c.nodeId, await held(card, c, store));
    // IA's corrections file as each Accept found it (clips 0, 3, 6, … are in IA's folder)
    const fileBefore = new Map<string, Buffer | null>();
    for (const c of card.clips) {
      fileBefore.set(c.nodeId, (await held(card, c, store)).corrections);
      store.getState().select(c.nodeId);
      await store.getState().accept();
    }
    expect(store.getState().acceptUndo.map((c) => c.nodeId)).toEqual(card.clips.slice(2).map((c) => c.nodeId));
    wait(600);
    await store.getState().pressKey("undoAccept");
    const last = card.clips[card.clips.length - 1];
    expect(await held(card, last, store)).toEqual({
      ...before.get(last.nodeId),
      corrections: fileBefore.get(last.nodeId),
    });
    expect(store.getState().selectedId).toBe(last.nodeId);

    // the panel reloads: the same storage, a new store
    const reopened = await open(true);
    expect(reopened.getState().acceptUndo).toHaveLength(ACCEPT_UNDO_LIMIT - 1);
    for (let i = 0; i < ACCEPT_UNDO_LIMIT - 1; i++) {
      wait(600);
      expect(await reopened.getState().pressKey("undoAccept")).toBe(true);
    }
    // every kept Accept is back as it was, IA's corrections file to the byte; the two oldest stay written
    for (const c of card.clips.slice(2)) expect((await held(card, c, store)).xmp).toBe(before.get(c.nodeId)!.xmp);
    expect((await held(card, card.clips[2], store)).corrections).toEqual(fileBefore.get(card.clips[2].nodeId));
    expect(statusOf(reopened, card.clips[0])).toBe("applied");
    expect(statusOf(reopened, card.clips[1])).toBe("applied");
    expect(reopened.getState().acceptUndo).toEqual([]);
    wait(600);
    expect(await reopened.getState().pressKey("undoAccept")).toBe(true); // nothing left: does nothing
    expect(statusOf(reopened, card.clips[1])).toBe("applied");
  });
});
