// The batch review mode: accept every planned clip in one action (batch-plan.ts), keeping each
// clip's snapshot first so that Undo batch accept puts back its XMP byte for byte, its columns
// and IA's corrections file (ADR 0017). One clip at a time: ExtendScript runs one call at a time,
// so more in flight would only wait in CEP's queue. A clip that fails is reported; the rest go on.
import type { RestoreClipRequest } from "../../shared/bridge/contract";
import type { BatchPlan } from "./batch-plan";
import { batchProgress } from "./batch-progress";
import {
  dropUndo,
  loadBatchUndo,
  newUndoId,
  storeUndoClips,
  replaceUndo,
  type BatchUndo,
  type BatchUndoClip,
} from "./batch-undo-persistence";
import { storageProblem, type PanelDatabase } from "./panel-database";
import { toPanelError } from "./panel-error";
import type { Slice } from "./slice";
import { writeAccepted } from "./write-accepted";

export interface BatchAcceptProgress {
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
  /** clips written whose correction IA's corrections file could not take (it was left alone) */
  notRecorded?: BatchClipNote[];
  /** the panel has no storage here: the undo lasts only until the panel closes */
  undoNotStored?: boolean;
}

export interface BatchAcceptSlice {
  /** the confidence the editor picked in the batch review this session; null: the setting's.
   * Read the batch confidence through selectBatchConfidence, never this alone. */
  pickedBatchConfidence: number | null;
  batchAcceptProgress: BatchAcceptProgress | null;
  batchOutcome: BatchOutcome | null;
  /** the last batch accept, while it can be undone */
  batchUndo: BatchUndo | null;
  /** the batch review's slider: this session's pick */
  setBatchConfidence(value: number): void;
  acceptBatch(plan: BatchPlan): Promise<void>;
  undoBatch(): Promise<void>;
  /** resolves when the project's stored undo (if any) is in the store */
  restoreBatchUndo(projectPath: string): Promise<void>;
  dismissBatchOutcome(): void;
}

const NO_ROOM = "not written: its undo could not be kept (the panel's storage refused it)";

export const batchAcceptSlice: Slice<BatchAcceptSlice> = (set, get, services) => {
  const { host } = services;
  let undoLoadedFor: string | null = null;
  /** Runs a storage write for this project; false when storage refused it (the banner says why).
   * Without storage (or before the project is known) the undo lives in memory only. */
  const persist = async (write: (db: PanelDatabase, projectPath: string) => Promise<void>): Promise<boolean> => {
    const { projectPath } = get();
    if (!projectPath || !services.database) return true;
    try {
      await write(services.database, projectPath);
      return true;
    } catch (e) {
      get().storageWritten("Keeping the batch's undo", storageProblem(e));
      return false;
    }
  };
  const progress = (action: BatchAcceptProgress["action"], done: number, total: number) =>
    set({ batchAcceptProgress: { action, done, total } });

  /** Snapshot, keep it, write, and note the fingerprints the write left. IA's corrections file
   * is one per folder: only the folder's first clip in the batch keeps its bytes, and its undo
   * (the last of that folder, undone last-first) puts the file back if it is as the batch left it. */
  async function acceptOne(
    undo: BatchUndo,
    owners: Map<string, BatchUndoClip>,
    { nodeId, name, metadata }: BatchPlan["accept"][number],
    notRecorded: BatchClipNote[],
  ) {
    const snapshot = await host.call("snapshotClip", nodeId);
    const file = snapshot.corrections?.file;
    const owner = file ? owners.get(file) : undefined;
    const before = owner ? { ...snapshot, corrections: null } : snapshot;
    const entry: BatchUndoClip = { nodeId, name, before, written: false };
    undo.clips.push(entry);
    // before the write: a reload mid-batch can still undo this clip; no room, no write
    const stored = await persist((db, path) => storeUndoClips(db, path, undo, [entry]));
    if (!stored) {
      undo.clips.pop();
      return false;
    }
    if (file && !owner) owners.set(file, entry);
    const applied = await writeAccepted(host, nodeId, metadata);
    entry.written = true;
    if (applied.correction?.problem) notRecorded.push({ nodeId, name, reason: applied.correction.problem });
    const after = await host.call("snapshotClip", nodeId).catch(() => null);
    if (after) entry.after = { xmp: after.xmpFingerprint };
    const holder = owner ?? (file ? entry : undefined);
    if (holder?.after && after?.corrections) holder.after.corrections = after.corrections.fingerprint;
    // the fingerprints, for an undo after a reload (if this fails, that undo puts the snapshot back unchecked)
    const changed = holder && holder !== entry ? [entry, holder] : [entry];
    await persist((db, path) => storeUndoClips(db, path, undo, changed));
    get().updateClip(nodeId, { status: "applied", applied });
    return true;
  }

  // one notice about batches at a time: a finished suggest batch's "Done" gives way to this one
  const dismissFinishedBatch = () => {
    const batch = get().batch;
    if (batch && batchProgress(batch, get().queue, Date.now()).finished) get().dismissBatch();
  };

  return {
    pickedBatchConfidence: null,
    batchAcceptProgress: null,
    batchOutcome: null,
    batchUndo: null,
    setBatchConfidence: (value) => set({ pickedBatchConfidence: Math.min(1, Math.max(0, value)) }),
    dismissBatchOutcome: () => set({ batchOutcome: null }),
    async restoreBatchUndo(projectPath) {
      // a refresh of the same project keeps the undo in memory (it may not have been storable)
      if (undoLoadedFor === projectPath) return;
      undoLoadedFor = projectPath;
      const { database } = services;
      const undo = database
        ? await loadBatchUndo(database, projectPath, services.storage).catch((e: unknown) => {
            get().storageWritten("Reading the batch's undo", storageProblem(e));
            return null;
          })
        : null;
      if (undoLoadedFor === projectPath) set({ batchUndo: undo });
    },

    async acceptBatch(plan) {
      if (get().batchAcceptProgress || !plan.accept.length) return;
      const undo: BatchUndo = {
        id: newUndoId(),
        kind: "batch",
        at: new Date().toISOString(),
        threshold: plan.threshold,
        clips: [],
      };
      const outcome: BatchOutcome = { action: "accept", done: 0, failed: [], kept: [], notRecorded: [] };
      const owners = new Map<string, BatchUndoClip>();
      const inMemoryOnly = !get().projectPath || !services.database;
      const previous = get().batchUndo;
      // this batch's undo replaces the previous one
      if (previous) await persist((db, path) => dropUndo(db, path, previous.id));
      set({ batchUndo: undo, batchOutcome: null });
      dismissFinishedBatch();
      progress("accept", 0, plan.accept.length);
      let full = false;
      for (const [i, planned] of plan.accept.entries()) {
        const { nodeId, name } = planned;
        const q = get().queue.find((x) => x.clip.nodeId === nodeId);
        if (full) {
          outcome.kept.push({ nodeId, name, reason: NO_ROOM });
        } else if (q?.status !== "suggested") {
          outcome.kept.push({ nodeId, name, reason: "it was decided while the batch ran" });
        } else {
          try {
            full = !(await acceptOne(undo, owners, planned, outcome.notRecorded!));
            if (full) outcome.kept.push({ nodeId, name, reason: NO_ROOM });
            else outcome.done++;
          } catch (e) {
            outcome.failed.push({ nodeId, name, reason: toPanelError("Writing to the clip", e).detail });
          }
        }
        progress("accept", i + 1, plan.accept.length);
      }
      // the fingerprints taken after each write; without them an undo restores unconditionally
      if (!undo.clips.length) await persist((db, path) => dropUndo(db, path, undo.id));
      await get().persistQueue();
      set({
        batchUndo: undo.clips.length ? { ...undo } : null,
        batchAcceptProgress: null,
        batchOutcome: { ...outcome, undoNotStored: inMemoryOnly && undo.clips.length > 0 },
      });
      const selected = get().selectedId;
      if (selected) get().select(selected);
    },

    async undoBatch() {
      const undo = get().batchUndo;
      if (!undo || get().batchAcceptProgress) return;
      const outcome: BatchOutcome = { action: "undo", done: 0, failed: [], kept: [] };
      dismissFinishedBatch();
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
            if (result.corrections === "changed") {
              // someone wrote to IA's corrections file since: their version stays
              outcome.kept.push({ nodeId: c.nodeId, name: c.name, reason: `IA's corrections file: ${result.reason}` });
            } else if (result.corrections === "failed") {
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
      await persist((db, path) => replaceUndo(db, path, left ?? { ...undo, clips: [] }));
      await get().persistQueue();
      set({ batchUndo: left, batchAcceptProgress: null, batchOutcome: outcome });
      const selected = get().selectedId;
      if (selected) get().select(selected);
    },
  };
};
