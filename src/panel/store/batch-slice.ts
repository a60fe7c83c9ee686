// Batches: "Suggest for this bin" and "Suggest for selection" put a bin's or a selection's clips
// in the queue (clips already applied or skipped are left out, clips already queued are not
// queued twice), Cancel stops after the clips in work, and a cancelled or crashed batch resumes
// where it stopped: its state is kept per project beside the queue.
import type { BatchClips } from "../../shared/bridge/contract";
import { countDone, type BatchRun } from "./batch-progress";
import { toPanelError } from "./panel-error";
import type { ClipStatus, QueuedClip } from "./queue-slice";
import type { Slice } from "./slice";

export interface BatchSlice {
  batch: BatchRun | null;
  /** asking Premiere for the clips */
  batchBusy: boolean;
  /** why a batch could not start, in plain words */
  batchError: string | null;
  /** the Project panel's selected bin (or the selected clip's bin), else the bin of the clip on the card */
  suggestForBin(): Promise<void>;
  suggestForSelection(source: "project" | "timeline"): Promise<void>;
  /** clips not started yet become "cancelled"; those in work finish */
  cancelBatch(): void;
  resumeBatch(): void;
  dismissBatch(): void;
  /** the batch stored with the queue (restoreQueue reads it) */
  restoreBatch(batch: BatchRun | null): void;
}

const ACTIVE = new Set(["waiting", "grabbing", "embedding", "matching", "suggested", "cancelled", "failed"]);

export const batchSlice: Slice<BatchSlice> = (set, get, services) => {
  const now = services.now ?? Date.now;

  /** The batch is kept with the queue (one write); if that fails it runs on in memory. */
  const persist = () => void get().persistQueue();

  /** The batch's clips in status `from` go to `to` (waiting clips have not started: none is in work). */
  function moveBatchClips(batch: BatchRun, from: ClipStatus, to: ClipStatus): void {
    const ids = new Set(batch.nodeIds);
    const moved = (q: QueuedClip) => ids.has(q.clip.nodeId) && q.status === from;
    set({ queue: get().queue.map((q) => (moved(q) ? { ...q, status: to, detail: undefined } : q)) });
  }

  function start(found: BatchClips, label: string): void {
    const byId = new Map(get().queue.map((q) => [q.clip.nodeId, q]));
    const nodeIds: string[] = [];
    let alreadyDecided = 0;
    for (const clip of found.clips) {
      const status = byId.get(clip.nodeId)?.status;
      if (status && !ACTIVE.has(status)) alreadyDecided++;
      else nodeIds.push(clip.nodeId);
      // a cancelled or failed clip is tried again; a queued one keeps its place
      if (status === "cancelled" || status === "failed")
        get().updateClip(clip.nodeId, { status: "waiting", detail: undefined });
    }
    const previous = get().batch;
    const running = previous && !previous.cancelled && countDone(previous, get().queue) < previous.nodeIds.length;
    const ids = running ? [...new Set([...previous.nodeIds, ...nodeIds])] : nodeIds;
    const batch: BatchRun = {
      label: running ? `${previous.label} and ${label}` : label,
      nodeIds: ids,
      cancelled: false,
      startedAt: now(),
      doneAtStart: 0,
      alreadyDecided: alreadyDecided + (running ? previous.alreadyDecided : 0),
      skipped: found.skipped,
    };
    // queued first: a clip not in the queue counts as done
    get().enqueue(found.clips.filter((c) => !byId.has(c.nodeId)));
    set({ batch: { ...batch, doneAtStart: countDone(batch, get().queue) } });
    get().dismissBatchOutcome(); // the new batch's progress replaces the last batch accept's notice
    persist();
    get().persistQueue();
    void get().processQueue();
  }

  /** `none` says, as a sentence without its full stop, that nothing there has media. */
  async function ask(
    what: string,
    call: () => Promise<BatchClips>,
    label: (found: BatchClips) => string,
    none: (found: BatchClips) => string,
  ) {
    if (get().batchBusy) return;
    set({ batchBusy: true, batchError: null });
    try {
      const found = await call();
      if (!found.clips.length) {
        const why = found.skipped.length ? ` (${found.skipped.length} left out: sequences or offline media)` : "";
        set({ batchError: `${none(found)}${why}.` });
        return;
      }
      start(found, label(found));
    } catch (e) {
      set({ batchError: toPanelError(what, e).detail });
    } finally {
      set({ batchBusy: false });
    }
  }

  return {
    batch: null,
    batchBusy: false,
    batchError: null,
    suggestForBin: () =>
      ask(
        "Suggest for this bin",
        async () => {
          const { host } = services;
          const onCard = get().selectedId;
          try {
            return await host.call("getBinClips", {});
          } catch (e) {
            // nothing selected in the Project panel: the bin of the clip on the card
            if (onCard && (e as { code?: string }).code === "NO_SELECTION")
              return host.call("getBinClips", { nodeId: onCard });
            throw e;
          }
        },
        (found) => `“${found.scope.name}”`,
        (found) => `The bin “${found.scope.name}” has no clips with media`,
      ),
    suggestForSelection: (source) =>
      ask(
        "Suggest for selection",
        () => services.host.call("getSelectedClips", source),
        (found) => (source === "timeline" ? `the selection in “${found.scope.name}”` : "the selection"),
        (found) =>
          source === "timeline"
            ? `No clips with media are selected in “${found.scope.name}”`
            : "No clips with media are selected in the Project panel",
      ),
    cancelBatch() {
      const batch = get().batch;
      if (!batch) return;
      moveBatchClips(batch, "waiting", "cancelled");
      set({ batch: { ...batch, cancelled: true } });
      get().persistQueue();
      persist();
    },
    resumeBatch() {
      const batch = get().batch;
      if (!batch) return;
      moveBatchClips(batch, "cancelled", "waiting");
      set({ batch: { ...batch, cancelled: false, startedAt: now(), doneAtStart: countDone(batch, get().queue) } });
      get().persistQueue();
      persist();
      void get().processQueue();
    },
    dismissBatch() {
      set({ batch: null, batchError: null });
      persist();
    },
    restoreBatch(batch) {
      // the rate counts from now: the time the panel was closed is no work
      set({ batch: batch && { ...batch, startedAt: now(), doneAtStart: countDone(batch, get().queue) } });
    },
  };
};
