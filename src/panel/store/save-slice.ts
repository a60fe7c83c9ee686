// Save as reference: a confirmed correction becomes a new reference in one click (or S). Saves
// go through the outbox: kept in localStorage before the first attempt, idempotent on the
// reference id, retried while the catalog is unreachable, never dropped, never doubled.
import {
  CatalogError,
  SaveOutbox,
  saveWithThumbnail,
  type SaveOutcome,
  type SaveReferenceInput,
  type SaveWithThumbnail,
} from "../../lib/catalog";
import { newId } from "../../lib/ids/new-id";
import { bytesToBase64 } from "../../lib/encoding/base64";
import { toPanelError } from "./panel-error";
import type { QueuedClip } from "./queue-slice";
import type { Slice } from "./slice";

export interface SaveState {
  referenceId: string;
  state: "checking" | "duplicate" | "saving" | "saved" | "pending" | "refused";
  detail?: string;
  duplicate?: { similarity: number; filePath: string };
}

export interface SaveSlice {
  pendingSaves: number;
  saveAsReference(nodeId?: string, options?: { confirmDuplicate?: boolean }): Promise<void>;
  cancelSave(nodeId: string): void;
  /** the timeline's one more click: write the card to the clip, then save it */
  acceptAndSave(): Promise<void>;
  retrySaves(): Promise<void>;
}

const RETRY_MS = 15_000;

/** What the panel suggested, with its confidences: the learning signal kept beside the correction. */
function originalCatalog(q: QueuedClip) {
  const s = q.suggestion;
  if (!s) return null;
  const fields: Record<string, { value: string | null; confidence: number }> = {};
  for (const [name, f] of Object.entries(s.fields))
    fields[name] = { value: f.value, confidence: +f.confidence.toFixed(3) };
  return {
    source: "reference-lookup panel",
    modelVersion: s.modelVersion,
    fields,
    keywords: s.keywords.map((k) => ({ value: k.value, confidence: +k.confidence.toFixed(3) })),
    shot: s.shot ? { id: s.shot.shot.id, confidence: +s.shot.confidence.toFixed(3) } : null,
    calibrated: s.calibrated,
  };
}

export const saveSlice: Slice<SaveSlice> = (set, get, services, { catalog: connection, onDispose }) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  onDispose(() => timer && clearTimeout(timer));
  const send = async (input: SaveWithThumbnail) => {
    if (!connection.current) throw new CatalogError("UNREACHABLE", "No reference catalog is configured.");
    return saveWithThumbnail(connection.current, input);
  };
  let outbox: SaveOutbox | null = null;
  const theOutbox = () =>
    (outbox ??= services.outboxStorage
      ? new SaveOutbox(services.outboxStorage, send as (i: SaveReferenceInput) => ReturnType<typeof send>)
      : null);
  const setSave = (nodeId: string, saved: SaveState) => {
    get().updateClip(nodeId, { saved });
    get().persistQueue();
  };
  // saves the catalog refused wait for the editor on their clip's card, not for the network
  const countPending = () =>
    set({
      pendingSaves:
        theOutbox()
          ?.entries()
          .filter((e) => e.state === "pending").length ?? 0,
    });
  const schedule = () => {
    if (timer) clearTimeout(timer);
    if (
      theOutbox()
        ?.entries()
        .some((e) => e.state === "pending") ??
      false
    )
      timer = setTimeout(() => void get().retrySaves(), RETRY_MS);
  };
  const apply = (outcome: SaveOutcome) => {
    const q = get().queue.find((x) => x.saved?.referenceId === outcome.referenceId);
    if (!q) return;
    if (outcome.saved) {
      setSave(q.clip.nodeId, { referenceId: outcome.referenceId, state: "saved" });
      void get().syncCopy(); // the copy (and the header's count) take the new reference in
    } else if (outcome.kept?.state === "pending")
      setSave(q.clip.nodeId, {
        referenceId: outcome.referenceId,
        state: "pending",
        detail: "Kept: the catalog cannot be reached now. It is saved as soon as it is back.",
      });
    else
      setSave(q.clip.nodeId, {
        referenceId: outcome.referenceId,
        state: "refused",
        detail: outcome.kept?.lastError?.message ?? "The catalog refused the save.",
      });
  };

  return {
    pendingSaves: services.outboxStorage?.read().filter((e) => e.state === "pending").length ?? 0,
    async saveAsReference(nodeId = get().selectedId ?? undefined, options = {}) {
      const q = get().queue.find((x) => x.clip.nodeId === nodeId);
      const outboxNow = theOutbox();
      if (!q || !outboxNow) return;
      if (q.saved && ["saving", "saved", "pending", "checking"].includes(q.saved.state)) return;
      const { account, calibrationStatus } = get();
      if (!account?.canSave) {
        set({
          reviewError: {
            title: "Not saved",
            detail: account
              ? `${account.email} can search but not save references: saving needs a staff account.`
              : "Sign in with a staff account to save references.",
          },
        });
        return;
      }
      if (q.status !== "applied" || !q.applied) {
        if (q.status === "suggested")
          set({ reviewError: { title: "Not saved", detail: "Accept first: a reference saves what the clip holds." } });
        return;
      }
      // this save's own state replaces why an earlier one was refused
      if (get().reviewError?.title === "Not saved") set({ reviewError: null });
      const referenceId = q.saved?.referenceId ?? newId();
      const embeddings = q.embeddings;
      if (!embeddings) {
        setSave(q.clip.nodeId, {
          referenceId,
          state: "refused",
          detail: "The clip's embedding is gone: import it again.",
        });
        return;
      }
      const shotId =
        get().draft?.nodeId === q.clip.nodeId ? (get().draft?.shot?.id ?? null) : (q.suggestion?.shot?.shot.id ?? null);
      // a near-duplicate of a reference of the same shot adds nothing: ask first
      if (!options.confirmDuplicate && calibrationStatus.state === "ready" && connection.current) {
        setSave(q.clip.nodeId, { referenceId, state: "checking" });
        try {
          const [top] = await connection.current.match(embeddings.pooled, {
            k: 1,
            modelVersion: embeddings.modelVersion,
          });
          const sameShot = !shotId || !top?.shot || top.shot.id === shotId;
          if (top && sameShot && top.similarity >= calibrationStatus.calibration.nearDuplicate) {
            setSave(q.clip.nodeId, {
              referenceId,
              state: "duplicate",
              duplicate: { similarity: top.similarity, filePath: top.filePath ?? "" },
            });
            return;
          }
        } catch {
          // cannot check now: the save goes to the outbox like any other
        }
      }
      setSave(q.clip.nodeId, { referenceId, state: "saving" });
      let thumbnailJpegBase64: string | undefined;
      try {
        const frame = q.frames?.[0];
        const jpeg = frame && services.thumbnail ? await services.thumbnail(frame) : null;
        if (jpeg) thumbnailJpegBase64 = bytesToBase64(new Uint8Array(await jpeg.arrayBuffer()));
      } catch {
        // a reference without a thumbnail still helps; the card shows a placeholder for it
      }
      const input: SaveWithThumbnail = {
        referenceId,
        filePath: q.clip.mediaPath ?? q.clip.treePath,
        correctedMetadata: q.applied.metadata,
        embedding: Array.from(embeddings.pooled),
        modelVersion: embeddings.modelVersion,
        shotId,
        originalCatalog: originalCatalog(q),
        thumbnailJpegBase64,
      };
      try {
        apply(await outboxNow.save(input));
      } catch (e) {
        setSave(q.clip.nodeId, { referenceId, state: "refused", detail: toPanelError("Saving", e).detail });
      }
      countPending();
      schedule();
    },
    async acceptAndSave() {
      const nodeId = get().selectedId;
      if (!get().account?.canSave) return void get().saveAsReference(nodeId ?? undefined); // says why
      await get().accept({ stay: true });
      const q = get().queue.find((x) => x.clip.nodeId === nodeId);
      if (q?.status === "applied") await get().saveAsReference(q.clip.nodeId);
    },
    cancelSave(nodeId) {
      const q = get().queue.find((x) => x.clip.nodeId === nodeId);
      if (q?.saved?.state === "duplicate") get().updateClip(nodeId, { saved: undefined });
    },
    async retrySaves() {
      const outboxNow = theOutbox();
      if (!outboxNow) return;
      for (const outcome of await outboxNow.flush({ ignoreBackoff: true })) apply(outcome);
      countPending();
      schedule();
    },
  };
};
