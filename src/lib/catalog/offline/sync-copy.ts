// Brings the copy of one model version up to the catalog: only the references changed since the
// last sync's cursor, removals included, page by page (docs/adr/0018).
import type { CatalogClient } from "../catalog-client";
import type { CopyDatabase } from "./copy-database";

export type ChangeSource = Pick<CatalogClient, "changeCursor" | "referenceChanges" | "linkedShots">;

export interface SyncResult {
  modelVersion: string;
  upserted: number;
  removed: number;
  syncedAt: number;
  cursor: string;
}

const PAGE_ROWS = 1000;

export async function syncCopy(
  db: CopyDatabase,
  source: ChangeSource,
  modelVersion: string,
  options: { defaultModelVersion: string; now?: () => number },
): Promise<SyncResult> {
  const previous = await db.get("syncs", modelVersion);
  // taken before the pages: a change committed while they are read is read again next time
  const until = await source.changeCursor();
  let upserted = 0;
  let removed = 0;
  let after: string | null = null;
  for (;;) {
    const page = await source.referenceChanges({
      modelVersion,
      until,
      since: previous?.cursor ?? null,
      afterReference: after,
      maxRows: PAGE_ROWS,
    });
    const tx = db.transaction("references", "readwrite");
    for (const change of page) {
      if (change.present) {
        const { referenceId, filePath, metadata, thumbnailUrl, shotId, embedding } = change;
        void tx.store.put({ modelVersion, referenceId, filePath, metadata, thumbnailUrl, shotId, embedding });
        upserted++;
      } else {
        void tx.store.delete([modelVersion, change.referenceId]);
        removed++;
      }
    }
    await tx.done;
    if (page.length < PAGE_ROWS) break;
    after = page[page.length - 1].referenceId;
  }
  const shots = await source.linkedShots();
  const shotTx = db.transaction("shots", "readwrite");
  void shotTx.store.clear();
  for (const shot of shots) void shotTx.store.put(shot);
  await shotTx.done;
  const syncedAt = (options.now ?? Date.now)();
  await db.put("syncs", { modelVersion, cursor: until, syncedAt, defaultModelVersion: options.defaultModelVersion });
  return { modelVersion, upserted, removed, syncedAt, cursor: until };
}
