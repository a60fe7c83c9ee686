// The batch review mode: accept every planned clip in one action (batch-plan.ts), keeping each
// clip's snapshot first so that Undo batch accept puts back its XMP byte for byte, its columns
// and IA's corrections file (ADR 0017). One clip at a time: ExtendScript runs one call at a time,
// so more in flight would only wait in CEP's queue. A clip that fails is reported; the rest go on.
import type { RestoreClipRequest } from "../../shared/bridge/contract";
import { DEFAULT_BATCH_CONFIDENCE, type BatchPlan } from "./batch-plan";
import {
  batchUndoKey,
  deserializeBatchUndo,
  serializeBatchUndo,
  type BatchUndo,
  type BatchUndoClip,
} from "./batch-undo-persistence";
import { toPanelError } from "./panel-error";
import type { Slice } from "./slice";
import { writeAccepted } from "./write-accepted";

export interface BatchProgress {
  action: "accept" | "undo";
  done: number;
  total: number;
}

export interface BatchClipNote {
  nodeId: string;
  name: string;
  reason: string;
}

export interface BatchOutcome {
  action: "accept" | "undo";
  /** clips written, or put back */
  done: number;
  failed: BatchClipNote[];
  /** clips left as they are: decided meanwhile (accept), or changed after the batch (undo) */
  kept: BatchClipNote[];
  /** the undo could not be stored: it lasts only until the panel closes */
  undoNotStored?: boolean;
}

export interface BatchAcceptSlice {
  /** the confidence the batch review starts from (a settings view will keep the editor's own) */
  batchConfidence: number;
  batchProgress: BatchProgress | null;
  batchOutcome: BatchOutcome | null;
  /** the last batch accept, while it can be undone */
  batchUndo: BatchUndo | null;
  setBatchConfidence(value: number): void;
  acceptBatch(plan: BatchPlan): Promise<void>;
  undoBatch(): Promise<void>;
  restoreBatchUndo(projectPath: string): void;
  dismissBatchOutcome(): void;
}

export const batchAcceptSlice: Slice<BatchAcceptSlice> = (set, get, services) => {
  const { host } = services;
  let undoLoadedFor: string | null = null;
  /** false when storage refused it (full, or none in this panel) */
  const persist = (undo: BatchUndo | null): boolean => {
    const { projectPath } = get();
    if (!projectPath || !services.storage) return false;
    try {
      services.storage.setItem(batchUndoKey(projectPath), serializeBatchUndo(undo));
      return true;
    } catch {
      return false;
    }
  };
  const progress = (action: BatchProgress["action"], done: number, total: number) =>
    set({ batchProgress: { action, done, total } });

  /** Snapshot, keep it, write, and note the fingerprints the write left. */
  async function acceptOne(undo: BatchUndo, nodeId: string, name: string, plan: BatchPlan["accept"][number]) {
    const before = await host.call("snapshotClip", nodeId);
    const entry: BatchUndoClip = { nodeId, name, before, written: false };
    undo.clips.push(entry);
    const stored = persist(undo); // before the write: a reload mid-batch can still undo this clip
    const applied = await writeAccepted(host, nodeId, plan.metadata);
    entry.written = true;
    const after = await host.call("snapshotClip", nodeId).catch(() => null);
    if (after) entry.after = { xmp: after.xmpFingerprint, corrections: after.corrections?.fingerprint };
    get().updateClip(nodeId, { status: "applied", applied });
    return stored;
  }

  return {
    batchConfidence: DEFAULT_BATCH_CONFIDENCE,
    batchProgress: null,
    batchOutcome: null,
    batchUndo: null,
    setBatchConfidence: (value) => set({ batchConfidence: Math.min(1, Math.max(0, value)) }),
    dismissBatchOutcome: () => set({ batchOutcome: null }),
    restoreBatchUndo(projectPath) {
      // a refresh of the same project keeps the undo in memory (it may not have been storable)
      if (undoLoadedFor === projectPath) return;
      undoLoadedFor = projectPath;
      set({ batchUndo: deserializeBatchUndo(services.storage?.getItem(batchUndoKey(projectPath)) ?? null) });
    },

    async acceptBatch(plan) {
      if (get().batchProgress || !plan.accept.length) return;
      const undo: BatchUndo = { at: new Date().toISOString(), threshold: plan.threshold, clips: [] };
      const outcome: BatchOutcome = { action: "accept", done: 0, failed: [], kept: [] };
      let stored = true;
      set({ batchUndo: undo, batchOutcome: null });
      progress("accept", 0, plan.accept.length);
      for (const [i, planned] of plan.accept.entries()) {
        const { nodeId, name } = planned;
        const q = get().queue.find((x) => x.clip.nodeId === nodeId);
        if (q?.status !== "suggested") {
          outcome.kept.push({ nodeId, name, reason: "it was decided while the batch ran" });
        } else {
          try {
            stored = (await acceptOne(undo, nodeId, name, planned)) && stored;
            outcome.done++;
          } catch (e) {
            outcome.failed.push({ nodeId, name, reason: toPanelError("Writing to the clip", e).detail });
          }
        }
        progress("accept", i + 1, plan.accept.length);
      }
      stored = persist(undo.clips.length ? undo : null) && stored;
      get().persistQueue();
      set({
        batchUndo: undo.clips.length ? { ...undo } : null,
        batchProgress: null,
        batchOutcome: { ...outcome, undoNotStored: !stored && undo.clips.length > 0 },
      });
      const selected = get().selectedId;
      if (selected) get().select(selected);
    },

    async undoBatch() {
      const undo = get().batchUndo;
      if (!undo || get().batchProgress) return;
      const outcome: BatchOutcome = { action: "undo", done: 0, failed: [], kept: [] };
      const remaining: BatchUndoClip[] = [];
      // last written first: clips of one folder share IA's corrections file
      const clips = [...undo.clips].reverse();
      progress("undo", 0, clips.length);
      for (const [i, c] of clips.entries()) {
        const request: RestoreClipRequest = { nodeId: c.nodeId, xmp: c.before.xmp, columns: c.before.columns };
        if (c.before.corrections) request.corrections = { bytes: c.before.corrections.bytes };
        if (c.after) request.ifUnchanged = c.after;
        try {
          const result = await host.call("restoreClip", request);
          if (result.xmp === "changed") {
            outcome.kept.push({ nodeId: c.nodeId, name: c.name, reason: "changed after the batch accept" });
          } else {
            outcome.done++;
            get().updateClip(c.nodeId, { status: "suggested", applied: undefined });
            if (result.corrections === "failed" || result.corrections === "changed") {
              // the clip is back; IA's corrections file could not follow: kept for another try
              outcome.failed.push({
                nodeId: c.nodeId,
                name: c.name,
                reason: `IA's corrections file: ${result.reason}`,
              });
              remaining.push(c);
            }
          }
        } catch (e) {
          outcome.failed.push({
            nodeId: c.nodeId,
            name: c.name,
            reason: toPanelError("Putting the clip back", e).detail,
          });
          remaining.push(c);
        }
        progress("undo", i + 1, clips.length);
      }
      const left = remaining.length ? { ...undo, clips: remaining.reverse() } : null;
      persist(left);
      get().persistQueue();
      set({ batchUndo: left, batchProgress: null, batchOutcome: outcome });
      const selected = get().selectedId;
      if (selected) get().select(selected);
    },
  };
};
