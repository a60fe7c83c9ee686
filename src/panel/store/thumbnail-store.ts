// A small picture per clip in the panel's database, so that the queue and the card show the clip
// after a reload instead of a grey blank (the frames themselves are not kept). Bounded: pictures
// of at most MAX_THUMBNAIL_BYTES (a JPEG 160 px wide is about 5 KB), MAX_THUMBNAILS of them over
// all projects; past that the least recently stored or shown go first.
import { prefixRange, type PanelDatabase } from "./panel-database";

export const MAX_THUMBNAILS = 2000;
export const MAX_THUMBNAIL_BYTES = 32 * 1024;
/** the width the panel's clip pictures are made at (the queue shows 48 px, the card up to 320) */
export const THUMBNAIL_WIDTH = 160;

/** Keeps the clip's picture; a picture too big is not kept (the clip shows a blank after a reload). */
export async function storeThumbnail(
  db: PanelDatabase,
  projectPath: string,
  nodeId: string,
  picture: Blob,
  max = MAX_THUMBNAILS,
): Promise<boolean> {
  if (picture.size > MAX_THUMBNAIL_BYTES) return false;
  const bytes = await picture.arrayBuffer();
  await db.run(["thumbnails"], "readwrite", async (tx) => {
    const store = tx.objectStore("thumbnails");
    await store.put({ projectPath, nodeId, type: picture.type, bytes, usedAt: Date.now() });
    const over = (await store.count()) - max;
    if (over <= 0) return;
    // least recently used first
    let cursor = await store.index("byUse").openCursor();
    for (let i = 0; cursor && i < over; i++) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
  });
  return true;
}

/** The pictures of this project's clips, by node id; those loaded count as used now. */
export async function loadThumbnails(db: PanelDatabase, projectPath: string): Promise<Map<string, Blob>> {
  return db.run(["thumbnails"], "readwrite", async (tx) => {
    const store = tx.objectStore("thumbnails");
    const rows = await store.getAll(prefixRange(projectPath));
    const now = Date.now();
    await Promise.all(rows.map((row) => store.put({ ...row, usedAt: now })));
    return new Map(rows.map((row) => [row.nodeId, new Blob([row.bytes], { type: row.type })]));
  });
}
