// Undo of single Accepts (issue 22 §2, docs/adr/0027-panel-keys.md): before an Accept writes, the
// clip's snapshot is taken exactly as batch accept takes it (raw XMP packet, project columns, IA's
// corrections file: ADR 0017) and the last 20 are kept. The written card's Undo puts that clip
// back; Ctrl/Cmd+Z puts back the last Accept. They are kept through batch-undo-persistence.ts (the
// module batch undo uses: one undo of kind "accept" beside the batch's, ADR 0030), so they survive
// a reload.
import type { RestoreClipRequest } from "../../shared/bridge/contract";
import { loadUndos, replaceUndo, type BatchUndoClip } from "./batch-undo-persistence";
import { toPanelError } from "./panel-error";
import type { Slice } from "./slice";

/** How many Accepts can be put back. */
export const ACCEPT_UNDO_LIMIT = 20;

/** The Accepts' undo beside the project's batch undo in the panel's database. */
const ACCEPTS_UNDO = { id: "accepts", kind: "accept" } as const;

export interface AcceptUndoNote {
  nodeId: string;
  name: string;
  /** plain words: what was put back, or what was kept and why */
  text: string;
  problem: boolean;
}

export interface AcceptUndoSlice {
  /** the last Accepts that can be put back, oldest first */
  acceptUndo: BatchUndoClip[];
  /** what the last Undo did, for that clip's card */
  acceptUndoNote: AcceptUndoNote | null;
  /** snapshot of a clip about to be written by Accept, kept first (throws when the host cannot
   * read the clip: then Accept does not write) */
  keepBeforeAccept(nodeId: string, name: string): Promise<BatchUndoClip>;
  /** after Accept's write: the fingerprints an Undo checks (absent: not written, forgotten) */
  acceptWritten(entry: BatchUndoClip, written: boolean): Promise<void>;
  /** puts a clip back as it was before its Accept; no id: the last Accept */
  undoAccept(nodeId?: string): Promise<void>;
  restoreAcceptUndo(projectPath: string): Promise<void>;
}

export const acceptUndoSlice: Slice<AcceptUndoSlice> = (set, get, services) => {
  const { host } = services;
  let loadedFor: string | null = null;
  /** Stores the list as it is (an empty one removes it); false when storage refused it. */
  const persist = async (clips: BatchUndoClip[]): Promise<boolean> => {
    const { projectPath } = get();
    if (!projectPath || !services.database) return true;
    try {
      await replaceUndo(services.database, projectPath, {
        ...ACCEPTS_UNDO,
        at: new Date().toISOString(),
        threshold: 1,
        clips,
      });
      return true;
    } catch {
      return false;
    }
  };
  const keepList = (clips: BatchUndoClip[]) => {
    set({ acceptUndo: clips });
    return persist(clips);
  };

  return {
    acceptUndo: [],
    acceptUndoNote: null,
    async restoreAcceptUndo(projectPath) {
      if (loadedFor === projectPath) return;
      loadedFor = projectPath;
      const stored = services.database
        ? await loadUndos(services.database, projectPath, ACCEPTS_UNDO.kind).catch(() => [])
        : [];
      set({ acceptUndo: stored[0]?.clips.filter((c) => c.written) ?? [] });
    },

    async keepBeforeAccept(nodeId, name) {
      const before = await host.call("snapshotClip", nodeId);
      const entry: BatchUndoClip = { nodeId, name, before, written: false };
      // one entry per clip: an older one of the same clip was put back already or is replaced
      const others = get().acceptUndo.filter((c) => c.nodeId !== nodeId);
      const dropped = others.slice(0, Math.max(0, others.length + 1 - ACCEPT_UNDO_LIMIT));
      const list = [...others.slice(dropped.length), entry];
      const stored = await persist(list);
      // no room: the undo lasts until the panel closes (the card says so); the Accept still writes
      set({ acceptUndo: list });
      if (!stored)
        set({
          acceptUndoNote: {
            nodeId,
            name,
            problem: true,
            text: "Its undo lasts only until the panel closes: the panel's storage is full.",
          },
        });
      return entry;
    },

    async acceptWritten(entry, written) {
      const list = get().acceptUndo;
      if (!written) {
        await keepList(list.filter((c) => c !== entry));
        return;
      }
      entry.written = true;
      const after = await host.call("snapshotClip", entry.nodeId).catch(() => null);
      if (after)
        entry.after = {
          xmp: after.xmpFingerprint,
          ...(after.corrections ? { corrections: after.corrections.fingerprint } : {}),
        };
      await keepList(list.map((c) => (c === entry ? { ...entry } : c)));
    },

    async undoAccept(nodeId) {
      const list = get().acceptUndo;
      const entry = nodeId ? list.find((c) => c.nodeId === nodeId) : list[list.length - 1];
      if (!entry || get().accepting) return;
      const { nodeId: id, name } = entry;
      const request: RestoreClipRequest = { nodeId: id, xmp: entry.before.xmp, columns: entry.before.columns };
      if (entry.before.corrections) request.corrections = { bytes: entry.before.corrections.bytes };
      if (entry.after) request.ifUnchanged = entry.after;
      let note: AcceptUndoNote;
      try {
        const result = await host.call("restoreClip", request);
        if (result.xmp === "changed") {
          note = {
            nodeId: id,
            name,
            problem: true,
            text: `Not put back: ${result.reason ?? "it changed after the Accept."}`,
          };
        } else {
          const q = get().queue.find((x) => x.clip.nodeId === id);
          const savedWords =
            q?.saved && ["saved", "pending", "saving"].includes(q.saved.state)
              ? " The reference saved from it stays in the catalog."
              : "";
          const fileWords =
            result.corrections === "changed"
              ? ` IA's corrections file changed since (another Accept in that folder), so it keeps this clip's correction.`
              : result.corrections === "failed"
                ? ` IA's corrections file could not be put back: ${result.reason ?? "unknown reason"}.`
                : "";
          note = {
            nodeId: id,
            name,
            problem: result.corrections === "failed",
            text: `Put back as it was before the Accept.${fileWords}${savedWords}`,
          };
          get().updateClip(id, { status: "suggested", applied: undefined });
          get().persistQueue();
        }
      } catch (e) {
        set({
          acceptUndoNote: { nodeId: id, name, problem: true, text: toPanelError("Putting the clip back", e).detail },
        });
        return; // kept: the editor can try again
      }
      await keepList(get().acceptUndo.filter((c) => c.nodeId !== id));
      // the editor sees the clip that was put back: its card, fresh from what it holds again
      get().select(id);
      set({ acceptUndoNote: note });
    },
  };
};
