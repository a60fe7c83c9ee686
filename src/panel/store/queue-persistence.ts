// The queue survives a panel reload and a Premiere restart (localStorage, per project): applied
// clips stay applied, suggested ones come back for review, clips that were mid-way start over.
import { base64ToBytes, bytesToBase64 } from "../../lib/encoding/base64";
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

export function serializeQueue(queue: QueuedClip[]): string {
  const items: StoredClip[] = queue
    .slice(-MAX_ITEMS)
    .map(({ embeddings, frameUrls: _urls, frames: _frames, ...rest }) => ({
      ...rest,
      pooled: embeddings
        ? { modelVersion: embeddings.modelVersion, base64: encodeFloats(embeddings.pooled) }
        : undefined,
    }));
  return JSON.stringify({ v: VERSION, items });
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
