// The queue survives a panel reload and a Premiere restart (IndexedDB, per project; ADR 0030):
// applied clips stay applied, suggested ones come back for review, clips that were mid-way start
// over. Each clip is a row of its own, written again only when the store replaced its object, so
// a batch that persists after every step writes the clips it changed, not the whole queue.
// What localStorage held before (format 1) is moved over once, then its keys are removed.
import { base64ToBytes } from "../../lib/encoding/base64";
import type { BatchRun } from "./batch-progress";
import { prefixRange, storageProblem, type PanelDatabase, type StorageProblem } from "./panel-database";
import type { QueuedClip } from "./queue-slice";

/** The most clips kept per project (the oldest go first). */
export const MAX_ITEMS = 2000;

export interface StoredClip extends Omit<QueuedClip, "embeddings" | "frameUrls" | "frames"> {
  /** the clip's pooled embedding (frames are not kept; the thumbnail store keeps a picture) */
  pooled?: { modelVersion: string; floats: Float32Array };
}

export type LegacyStorage = Pick<Storage, "getItem" | "setItem"> & Partial<Pick<Storage, "removeItem">>;

/** localStorage's keys of format 1 (before ADR 0030): read once, then removed. */
export const queueKey = (projectPath: string) => `reference-lookup.queue:${projectPath}`;
export const batchKey = (projectPath: string) => `reference-lookup.batch:${projectPath}`;

function stored({ embeddings, frameUrls: _urls, frames: _frames, ...rest }: QueuedClip): StoredClip {
  // JSON-like: the store's objects may carry undefined fields, which IndexedDB keeps as they are
  const pooled = embeddings && { modelVersion: embeddings.modelVersion, floats: embeddings.pooled };
  return { ...rest, pooled };
}

function restored({ pooled, ...rest }: StoredClip): QueuedClip {
  const embeddings = pooled && { modelVersion: pooled.modelVersion, pooled: pooled.floats, frames: [] };
  // a clip that was being worked on when the panel closed starts over (or from its embedding)
  const busy =
    rest.status === "grabbing" || rest.status === "embedding" || rest.status === "matching" || !!rest.refining;
  return { ...rest, embeddings, refining: false, status: busy ? "waiting" : rest.status };
}

const validClip = (c: StoredClip | undefined): c is StoredClip =>
  !!c && !!c.clip && typeof c.clip.nodeId === "string" && typeof c.status === "string";

function validBatch(batch: BatchRun | null | undefined): BatchRun | null {
  const valid = batch && Array.isArray(batch.nodeIds) && typeof batch.label === "string";
  return valid ? { ...batch, skipped: Array.isArray(batch.skipped) ? batch.skipped : [] } : null;
}

/** One project's queue and batch in the panel's database, for one panel page. Writes are
 * coalesced: while one is under way, later calls wait and the next write takes the latest queue. */
export class QueuePersistence {
  /** clip objects whose row holds them as they are */
  private readonly written = new WeakSet<QueuedClip>();
  /** clips this page wrote: one that leaves its queue is deleted; others' rows stay */
  private readonly mine = new Set<string>();
  private latest: { queue: QueuedClip[]; batch: BatchRun | null } | null = null;
  private writing: Promise<StorageProblem | null> | null = null;

  constructor(
    private readonly db: PanelDatabase,
    readonly projectPath: string,
  ) {}

  /** The stored queue and batch; localStorage's (format 1) moved over first if the database has
   * none for this project. Unreadable rows are left out, never a crash. */
  async load(legacy?: LegacyStorage): Promise<{ queue: QueuedClip[]; batch: BatchRun | null }> {
    if (legacy) await this.migrate(legacy);
    const { projectPath } = this;
    return this.db.run(["queues", "clips"], "readonly", async (tx) => {
      const record = await tx.objectStore("queues").get(projectPath);
      const rows = await tx.objectStore("clips").getAll(prefixRange(projectPath));
      const byId = new Map(rows.filter((r) => validClip(r.clip)).map((r) => [r.nodeId, r.clip]));
      const order = [...new Set([...(record?.order ?? []), ...byId.keys()])];
      const queue = order.flatMap((id) => {
        const clip = byId.get(id);
        return clip ? [restored(clip)] : [];
      });
      for (const q of queue) {
        this.mine.add(q.clip.nodeId);
        this.written.add(q);
      }
      return { queue, batch: validBatch(record?.batch) };
    });
  }

  /** `shown` is `stored` with what is not kept (its picture's URL): it needs no write. */
  markWritten(stored: QueuedClip, shown: QueuedClip): void {
    if (this.written.has(stored)) this.written.add(shown);
  }

  /** Writes what changed; resolves when the latest queue asked for is stored, with the problem
   * if it could not be (the caller's state stays as it is: the next save tries again). */
  save(queue: QueuedClip[], batch: BatchRun | null): Promise<StorageProblem | null> {
    this.latest = { queue, batch };
    this.writing ??= this.drain();
    return this.writing;
  }

  private async drain(): Promise<StorageProblem | null> {
    let problem: StorageProblem | null = null;
    try {
      while (this.latest) {
        const { queue, batch } = this.latest;
        this.latest = null;
        try {
          await this.write(queue, batch);
          problem = null;
        } catch (e) {
          problem = storageProblem(e);
        }
      }
    } finally {
      this.writing = null;
    }
    return problem;
  }

  /** The queue and the batch in one transaction: a reload finds them as they were together. */
  private async write(queue: QueuedClip[], batch: BatchRun | null): Promise<void> {
    const { projectPath } = this;
    const changed = queue.filter((q) => !this.written.has(q));
    const ids = queue.map((q) => q.clip.nodeId);
    const present = new Set(ids);
    const left = [...this.mine].filter((id) => !present.has(id));
    await this.db.run(["queues", "clips"], "readwrite", async (tx) => {
      const queues = tx.objectStore("queues");
      const clips = tx.objectStore("clips");
      const record = await queues.get(projectPath);
      // another panel page's clips stay (after ours): two pages never drop each other's work
      const others = (record?.order ?? []).filter((id) => !present.has(id) && !this.mine.has(id));
      let order = [...ids, ...others];
      const dropped = [...left, ...order.slice(0, Math.max(0, order.length - MAX_ITEMS))];
      order = order.slice(-MAX_ITEMS);
      const kept = new Set(order);
      const writes: Array<Promise<unknown>> = [];
      for (const q of changed)
        if (kept.has(q.clip.nodeId)) writes.push(clips.put({ projectPath, nodeId: q.clip.nodeId, clip: stored(q) }));
      for (const id of dropped) writes.push(clips.delete([projectPath, id]));
      writes.push(queues.put({ projectPath, order, batch }));
      await Promise.all(writes);
    });
    for (const q of changed) this.written.add(q);
    for (const id of ids) this.mine.add(id);
    for (const id of left) this.mine.delete(id);
  }

  /** Format 1 in localStorage becomes rows here, once; its keys go only after the rows are committed. */
  private async migrate(legacy: LegacyStorage): Promise<void> {
    const { projectPath } = this;
    const queueText = legacy.getItem(queueKey(projectPath));
    const batchText = legacy.getItem(batchKey(projectPath));
    if (!queueText && !batchText) return;
    const items = readLegacyQueue(queueText);
    const batch = readLegacyBatch(batchText);
    await this.db.run(["queues", "clips"], "readwrite", async (tx) => {
      const queues = tx.objectStore("queues");
      // a project the database already has: localStorage's copy is older (left by an old panel)
      if (await queues.get(projectPath)) return;
      const clips = tx.objectStore("clips");
      const ids = items.map((c) => c.clip.nodeId);
      await Promise.all([
        ...items.map((clip) => clips.put({ projectPath, nodeId: clip.clip.nodeId, clip })),
        queues.put({ projectPath, order: ids, batch }),
      ]);
    });
    for (const key of [queueKey(projectPath), batchKey(projectPath)])
      if (legacy.removeItem) legacy.removeItem(key);
      else legacy.setItem(key, "");
  }
}

/** localStorage's queue (format 1: JSON, embeddings as base64); unreadable data yields none. */
export function readLegacyQueue(text: string | null): StoredClip[] {
  if (!text) return [];
  try {
    type Legacy = Omit<StoredClip, "pooled"> & { pooled?: { modelVersion: string; base64: string } };
    const parsed = JSON.parse(text) as { v?: number; items?: Legacy[] };
    if (parsed.v !== 1 || !Array.isArray(parsed.items)) return [];
    return parsed.items
      .filter((item) => item && typeof item === "object")
      .map(({ pooled, ...rest }): StoredClip => {
        const floats = pooled && new Float32Array(base64ToBytes(pooled.base64).buffer);
        return { ...rest, pooled: pooled && floats && { modelVersion: pooled.modelVersion, floats } };
      })
      .filter(validClip);
  } catch {
    return [];
  }
}

function readLegacyBatch(text: string | null): BatchRun | null {
  if (!text) return null;
  try {
    const { v, batch } = JSON.parse(text) as { v?: number; batch?: BatchRun | null };
    return v === 1 ? validBatch(batch) : null;
  } catch {
    return null;
  }
}
