// What a batch accept would write: every suggested clip whose suggested values all reach the
// confidence the editor picked, with the fields and values per clip; the others are left for
// review with the reason. Pure, so that the summary shows exactly what the write will do. A
// suggested planned shot is not written to the clip: its number is not IA's shot number (ADR 0022).
import { SUGGESTED_FIELDS, type SuggestedField } from "../../lib/suggestion";
import type { IaMetadata } from "../../shared/metadata/ia-metadata";
import type { QueuedClip } from "./queue-slice";
import { draftToMetadata, initialDraft } from "./review-slice";

export type BatchField = SuggestedField | "keywords";

export interface PlannedClip {
  nodeId: string;
  name: string;
  /** the lowest confidence among the values taken from the suggestion */
  confidence: number;
  metadata: IaMetadata;
  /** what changes on the clip, field by field */
  writes: Array<{ field: BatchField; value: string }>;
  /** fields a person locked in IA: kept as they are */
  locked: string[];
  /** what the card suggested that this batch does not write: the planned shot, keywords below it */
  leftOut: string[];
}

export interface LeftClip {
  nodeId: string;
  name: string;
  reason: string;
}

export interface BatchPlan {
  threshold: number;
  accept: PlannedClip[];
  left: LeftClip[];
}

const NOTHING_NEW = "nothing new to write: the clip already holds these values";
const percent = (x: number) => `${Math.round(x * 100)} %`;
const FIELD_WORDS: Record<SuggestedField, string> = {
  location: "Location",
  subject: "Subject",
  action: "Action",
  shotType: "Shot type",
};

/** A confidence under the threshold, never shown equal to it: 0.985 below 0.99 is "98.5 %". */
export function percentBelow(x: number, threshold: number): string {
  if (Math.round(x * 100) < Math.round(threshold * 100)) return percent(x);
  return `${(Math.floor(x * 1000) / 10).toFixed(1)} %`;
}

function planClip(q: QueuedClip, threshold: number): PlannedClip | string {
  const s = q.suggestion!;
  if (q.refining) return "its other frames are still being looked at";
  const filled = SUGGESTED_FIELDS.filter((f) => s.fields[f].fillsEmpty);
  // the least sure field names itself: the editor knows which one to check on the card
  const lowest = [...filled].sort((a, b) => s.fields[a].confidence - s.fields[b].confidence)[0];
  if (lowest && s.fields[lowest].confidence < threshold)
    return `${FIELD_WORDS[lowest]} ${percentBelow(s.fields[lowest].confidence, threshold)} sure, below ${percent(threshold)}`;
  // each keyword is optional: taken only when it reaches the threshold
  const current = q.current?.keywords ?? [];
  const keywords = s.keywords.filter((k) => k.confidence >= threshold && !current.includes(k.value));
  const taken = [...filled.map((f) => s.fields[f].confidence), ...keywords.map((k) => k.confidence)];
  if (!taken.length) return NOTHING_NEW;
  const draft = initialDraft(q);
  draft.keywords = [...current, ...keywords.map((k) => k.value)];
  const built = draftToMetadata(draft, q);
  if ("missing" in built) return built.missing;
  const metadata = built.metadata;
  const writes: PlannedClip["writes"] = [];
  for (const field of SUGGESTED_FIELDS) {
    const next = metadata[field] ?? "";
    if (String(next) !== String(q.current?.[field] ?? "")) writes.push({ field, value: String(next) });
  }
  if (metadata.keywords!.join("\n") !== current.join("\n"))
    writes.push({ field: "keywords", value: metadata.keywords!.join(", ") });
  if (!writes.length) return NOTHING_NEW;
  const leftOut = [
    ...(s.shot ? [`planned shot #${s.shot.shot.shotNumber ?? "?"} (${percent(s.shot.confidence)})`] : []),
    ...s.keywords
      .filter((k) => k.confidence < threshold && !current.includes(k.value))
      .map((k) => `keyword ${k.value} (${percentBelow(k.confidence, threshold)})`),
  ];
  return {
    nodeId: q.clip.nodeId,
    name: q.clip.name,
    confidence: Math.min(...taken),
    metadata,
    writes,
    locked: [...(q.current?.lockedFields ?? [])],
    leftOut,
  };
}

export function planBatchAccept(queue: QueuedClip[], threshold: number): BatchPlan {
  const plan: BatchPlan = { threshold, accept: [], left: [] };
  for (const q of queue) {
    if (q.status !== "suggested" || !q.suggestion) continue;
    const planned = planClip(q, threshold);
    if (typeof planned === "string") plan.left.push({ nodeId: q.clip.nodeId, name: q.clip.name, reason: planned });
    else plan.accept.push(planned);
  }
  return plan;
}

/** The summary's grouped view: each field and value, and on how many clips it is written. */
export function groupWrites(plan: BatchPlan): Array<{ field: BatchField; value: string; clips: number }> {
  const groups = new Map<string, { field: BatchField; value: string; clips: number }>();
  for (const clip of plan.accept)
    for (const w of clip.writes) {
      const key = `${w.field}\u0000${w.value}`;
      const group = groups.get(key) ?? { ...w, clips: 0 };
      group.clips++;
      groups.set(key, group);
    }
  return [...groups.values()].sort((a, b) => b.clips - a.clips || a.field.localeCompare(b.field));
}
