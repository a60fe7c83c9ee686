// The review card: the selected clip, the editor's draft of its metadata, Accept and Skip.
// Accept writes through the host (IA's XMP contract + project columns, locks kept).
import { SUGGESTED_FIELDS, type SuggestedField } from "../../lib/suggestion";
import { IA_SHOT_TYPES, type IaMetadata, type IaShotType } from "../../shared/metadata/ia-metadata";
import { iaWriteProblem } from "../../shared/metadata/ia-values";
import { REFERENCE_LIMITS, chars } from "../../lib/catalog";
import { toPanelError, type PanelError } from "./panel-error";
import type { QueuedClip } from "./queue-slice";
import type { Slice } from "./slice";
import { writeAccepted } from "./write-accepted";
import type { BatchUndoClip } from "./batch-undo-persistence";

export interface Draft {
  nodeId: string;
  values: Record<SuggestedField, string>;
  keywords: string[];
  shot: { id: string; shotNumber: number | null } | null;
}

export interface ReviewSlice {
  selectedId: string | null;
  draft: Draft | null;
  /** drafts of clips the editor moved away from without deciding: kept until Accept or Skip */
  keptDrafts: Record<string, Draft>;
  reviewError: PanelError | null;
  accepting: boolean;
  select(nodeId: string | null): void;
  /** up/down in the queue */
  move(delta: 1 | -1): void;
  setField(field: SuggestedField, value: string): void;
  setKeywords(keywords: string[]): void;
  setShot(shot: Draft["shot"]): void;
  /** the accepted clip stays on the card, written, until the editor moves on (or the setting
   * "move on after Accept" is on); `stay`: stay whatever the setting (the timeline's accept-and-save) */
  accept(options?: { stay?: boolean }): Promise<void>;
  skip(): void;
}

/** The card starts from what the clip holds; a suggestion fills only what is empty and unlocked. */
export function initialDraft(q: QueuedClip): Draft {
  const values = {} as Record<SuggestedField, string>;
  for (const field of SUGGESTED_FIELDS) {
    const s = q.suggestion?.fields[field];
    const current = String(q.applied?.metadata[field] ?? q.current?.[field] ?? "");
    values[field] = s?.fillsEmpty && !q.applied ? s.value! : current;
  }
  const keywords = [...(q.applied?.metadata.keywords ?? q.current?.keywords ?? [])];
  if (!q.applied) for (const k of q.suggestion?.keywords ?? []) if (!keywords.includes(k.value)) keywords.push(k.value);
  const shot = q.suggestion?.shot
    ? { id: q.suggestion.shot.shot.id, shotNumber: q.suggestion.shot.shot.shotNumber }
    : null;
  return { nodeId: q.clip.nodeId, values, keywords, shot };
}

const REQUIRED: SuggestedField[] = ["location", "subject", "shotType"];
// what one reference may carry (migration 20251124102000, src/lib/catalog/reference-limits.ts)
const FIELD_LIMIT = REFERENCE_LIMITS.textChars;
const KEYWORD_LIMIT = REFERENCE_LIMITS.keywordChars;
const KEYWORDS_LIMIT = REFERENCE_LIMITS.keywords;
const LABEL: Record<SuggestedField, string> = {
  location: "Location",
  subject: "Subject",
  action: "Action",
  shotType: "Shot type",
};

/** What Accept writes, or what the editor must still fill in. */
export function draftToMetadata(draft: Draft, q: QueuedClip): { metadata: IaMetadata } | { missing: string } {
  const empty = REQUIRED.filter((f) => !draft.values[f].trim());
  if (empty.length) {
    return {
      missing: `Fill in ${empty.map((f) => LABEL[f].toLowerCase()).join(", ")} before accepting: type a value or pick one.`,
    };
  }
  const shotType = draft.values.shotType.trim();
  if (!(IA_SHOT_TYPES as readonly string[]).includes(shotType)) {
    return { missing: `Shot type must be one of ${IA_SHOT_TYPES.join(", ")}.` };
  }
  const tooLong = SUGGESTED_FIELDS.find((f) => chars(draft.values[f].trim()) > FIELD_LIMIT);
  if (tooLong) {
    const n = chars(draft.values[tooLong].trim());
    return { missing: `${LABEL[tooLong]} has ${n} characters; the catalog keeps at most ${FIELD_LIMIT}. Shorten it.` };
  }
  const longKeyword = draft.keywords.find((k) => chars(k) > KEYWORD_LIMIT);
  if (longKeyword)
    return { missing: `The keyword "${longKeyword.slice(0, 30)}…" is longer than ${KEYWORD_LIMIT} characters.` };
  if (draft.keywords.length > KEYWORDS_LIMIT)
    return { missing: `At most ${KEYWORDS_LIMIT} keywords fit; remove some.` };
  const current = q.current ?? {};
  const metadata: IaMetadata = {
    location: draft.values.location.trim(),
    subject: draft.values.subject.trim(),
    action: draft.values.action.trim() || null,
    shotType: shotType as IaShotType,
    // IA's shot number, never the linked planned shot's (that one goes to the catalog: ADR 0022)
    shotNumber: current.shotNumber ?? null,
    keywords: draft.keywords,
  };
  if (current.lockedFields?.length) metadata.lockedFields = current.lockedFields;
  const refused = iaWriteProblem(metadata);
  if (refused) return { missing: refused };
  return { metadata };
}

export const reviewSlice: Slice<ReviewSlice> = (set, get, services) => {
  const now = services.now ?? (() => Date.now());
  const find = (nodeId: string | null) => get().queue.find((q) => q.clip.nodeId === nodeId);
  const patchDraft = (patch: Partial<Draft>) => {
    const draft = get().draft;
    if (draft) set({ draft: { ...draft, ...patch }, reviewError: null });
  };
  /** After a decision: the next clip that waits for one. */
  const selectNextSuggested = (after: string) => {
    const queue = get().queue;
    const from = queue.findIndex((q) => q.clip.nodeId === after);
    const next = [...queue.slice(from + 1), ...queue.slice(0, from)].find((q) => q.status === "suggested");
    get().select(next ? next.clip.nodeId : after);
  };
  return {
    selectedId: null,
    draft: null,
    keptDrafts: {},
    reviewError: null,
    accepting: false,
    select(nodeId) {
      const q = find(nodeId);
      const { draft: leaving, keptDrafts } = get();
      const kept = { ...keptDrafts };
      // an undecided clip keeps the editor's edits when they move to another clip and back
      const leftClip = leaving ? find(leaving.nodeId) : undefined;
      if (leaving && leftClip?.status === "suggested" && leaving.nodeId !== nodeId) kept[leaving.nodeId] = leaving;
      const back = nodeId && q?.status === "suggested" ? kept[nodeId] : undefined;
      if (nodeId) delete kept[nodeId];
      const selectedId = q ? nodeId : null;
      // a new clip on the card holds the review keys for a moment (panel-keys-slice.ts)
      if (selectedId !== get().selectedId) set({ cardChangedAt: now() });
      set({
        selectedId,
        draft: back ?? (q && (q.suggestion || q.applied) ? initialDraft(q) : null),
        keptDrafts: kept,
        reviewError: null,
      });
    },
    move(delta) {
      const queue = get().queue;
      if (!queue.length) return;
      const at = queue.findIndex((q) => q.clip.nodeId === get().selectedId);
      const next = at < 0 ? 0 : Math.max(0, Math.min(queue.length - 1, at + delta));
      get().select(queue[next].clip.nodeId);
    },
    setField: (field, value) => {
      const draft = get().draft;
      if (draft) patchDraft({ values: { ...draft.values, [field]: value } });
    },
    setKeywords: (keywords) => patchDraft({ keywords }),
    setShot: (shot) => patchDraft({ shot }),
    async accept(options = {}) {
      const { draft, accepting } = get();
      const q = find(draft?.nodeId ?? null);
      if (!draft || !q || accepting || q.status !== "suggested") return;
      const built = draftToMetadata(draft, q);
      if ("missing" in built) {
        set({ reviewError: { title: "Not written yet", detail: built.missing } });
        return;
      }
      set({ accepting: true, reviewError: null, cardChangedAt: now() });
      let undo: BatchUndoClip | null = null;
      try {
        // its snapshot first (ADR 0017's): the Accept can be put back exactly, after a reload too
        undo = await get().keepBeforeAccept(q.clip.nodeId, q.clip.name);
        const applied = await writeAccepted(services.host, q.clip.nodeId, built.metadata);
        await get().acceptWritten(undo, true);
        get().updateClip(q.clip.nodeId, { status: "applied", applied });
        get().persistQueue();
        if (!options.stay && get().settings.moveOnAfterAccept) selectNextSuggested(q.clip.nodeId);
        else get().select(q.clip.nodeId);
      } catch (e) {
        if (undo) await get().acceptWritten(undo, false);
        set({ reviewError: toPanelError("Writing to the clip", e) });
      } finally {
        set({ accepting: false, cardChangedAt: now() });
      }
    },
    skip() {
      const id = get().selectedId;
      const q = find(id);
      if (!q || (q.status !== "suggested" && q.status !== "failed")) return;
      get().updateClip(q.clip.nodeId, { status: "skipped" });
      get().persistQueue();
      selectNextSuggested(q.clip.nodeId);
    },
  };
};
