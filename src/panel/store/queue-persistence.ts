// The queue survives a panel reload and a Premiere restart (localStorage, per project): applied
// clips stay applied, suggested ones come back for review, clips that were mid-way start over.
import { base64ToBytes, bytesToBase64 } from "../../lib/encoding/base64";
import type { BatchRun } from "./batch-progress";
import type { QueuedClip } from "./queue-slice";

const VERSION = 1;
const MAX_ITEMS = 2000;

export const queueKey = (projectPath: string) => `reference-lookup.queue:${projectPath}`;

interface StoredClip extends Omit<QueuedClip, "embeddings" | "frameUrls" | "frames"> {
  /** the clip's pooled embedding, base64 of its float32 bytes (frames are not kept) */
  pooled?: { modelVersion: string; base64: string };
}

const encodeFloats = (v: Float32Array) => bytesToBase64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
const decodeFloats = (base64: string) => new Float32Array(base64ToBytes(base64).buffer);

/** Half of Chromium's localStorage quota for an origin (5,234,375 characters, measured in
 * Chromium 156; CEP's is Chromium too): the outbox and the settings share the rest. */
export const MAX_CHARS = 2_500_000;

/** Each clip's stored JSON, by the clip object: the store replaces a clip's object on every
 * change, so an unchanged clip is never serialized again (a batch persists after every step). */
const fullJson = new WeakMap<QueuedClip, string>();
const compactJson = new WeakMap<QueuedClip, string>();

function stored({ embeddings, frameUrls: _urls, frames: _frames, ...rest }: QueuedClip): StoredClip {
  const pooled = embeddings && { modelVersion: embeddings.modelVersion, base64: encodeFloats(embeddings.pooled) };
  return { ...rest, pooled };
}

function cached(cache: WeakMap<QueuedClip, string>, q: QueuedClip, make: () => StoredClip): string {
  let json = cache.get(q);
  if (json === undefined) cache.set(q, (json = JSON.stringify(make())));
  return json;
}

const decided = (q: QueuedClip) => q.status === "applied" || q.status === "skipped";

/** Over `maxChars`, decided clips (oldest first) are kept without their suggestion's evidence:
 * what matters of them after a reload is that they are decided, and their embedding for a save. */
export function serializeQueue(queue: QueuedClip[], maxChars = MAX_CHARS): string {
  const items = queue.slice(-MAX_ITEMS);
  const parts = items.map((q) => cached(fullJson, q, () => stored(q)));
  const wrap = (body: string) => `{"v":${VERSION},"items":[${body}]}`;
  let total = wrap("").length + Math.max(0, parts.length - 1) + parts.reduce((n, p) => n + p.length, 0);
  for (let i = 0; i < items.length && total > maxChars; i++) {
    if (!decided(items[i])) continue;
    const compact = cached(compactJson, items[i], () => ({ ...stored(items[i]), suggestion: undefined }));
    total += compact.length - parts[i].length;
    parts[i] = compact;
  }
  return wrap(parts.join(","));
}

/** Unreadable or foreign data yields an empty queue, never a crash. */
export function deserializeQueue(text: string | null): QueuedClip[] {
  if (!text) return [];
  try {
    const parsed = JSON.parse(text) as { v?: number; items?: StoredClip[] };
    if (parsed.v !== VERSION || !Array.isArray(parsed.items)) return [];
    return parsed.items
      .filter((i) => i && i.clip && typeof i.clip.nodeId === "string")
      .map(({ pooled, ...rest }): QueuedClip => {
        const embeddings = pooled
          ? { modelVersion: pooled.modelVersion, pooled: decodeFloats(pooled.base64), frames: [] }
          : undefined;
        // a clip that was being worked on when the panel closed starts over (or from its embedding)
        const busy =
          rest.status === "grabbing" || rest.status === "embedding" || rest.status === "matching" || !!rest.refining;
        return { ...rest, embeddings, refining: false, status: busy ? "waiting" : rest.status };
      });
  } catch {
    return [];
  }
}

export const batchKey = (projectPath: string) => `reference-lookup.batch:${projectPath}`;

/** The batch the editor started, kept beside the queue so that a crashed or cancelled one resumes. */
export function serializeBatch(batch: BatchRun | null): string {
  return JSON.stringify({ v: VERSION, batch });
}

export function deserializeBatch(text: string | null): BatchRun | null {
  if (!text) return null;
  try {
    const { v, batch } = JSON.parse(text) as { v?: number; batch?: BatchRun | null };
    const valid = batch && Array.isArray(batch.nodeIds) && typeof batch.label === "string";
    return v === VERSION && valid ? { ...batch, skipped: Array.isArray(batch.skipped) ? batch.skipped : [] } : null;
  } catch {
    return null;
  }
}
