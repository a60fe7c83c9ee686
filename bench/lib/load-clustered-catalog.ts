// Loads n clustered synthetic references into an embedded catalog as an admin's bulk load would:
// binary COPY into the three tables with triggers off, then the HNSW index built once.
import type { PGlite } from "@electric-sql/pglite";
import { binaryCopy, jsonb, text, uuid, vector } from "./binary-copy";
import type { ClusteredSet } from "../../src/testing/clustered-embeddings";

const SHOT_TYPES = ["WS", "MID", "CU", "UNDER", "FP", "TRACK", "ESTAB"];

export function uuidFor(i: number): string {
  const hex = i.toString(16).padStart(12, "0");
  return `00000000-0000-4000-8000-${hex}`;
}

/** The metadata bench references carry: one location, subject and shot type per cluster. */
export function benchMetadata(cluster: number) {
  return { location: `loc-${cluster % 17}`, subject: `subject-${cluster}`, shotType: SHOT_TYPES[cluster % 7] };
}

export async function loadClusteredCatalog(
  db: PGlite,
  set: ClusteredSet,
  shotIds: string[],
  model: string,
  log: (msg: string) => void,
): Promise<{ loadSeconds: number; indexSeconds: number }> {
  const n = set.clusterOf.length;
  // Bulk load as an admin would: triggers off (no per-row audit), index built after the load.
  await db.exec(`
    set maintenance_work_mem = '1GB';
    drop index media_references.image_embeddings_embedding_hnsw;
    alter table media_references.reference_images disable trigger user;
    alter table media_references.image_embeddings disable trigger user;
    alter table media_references.shot_references disable trigger user;`);
  const t0 = performance.now();
  const BATCH = 5000;
  for (let start = 0; start < n; start += BATCH) {
    const ids = Array.from({ length: Math.min(BATCH, n - start) }, (_, j) => start + j);
    const refs = ids.map((i) => [
      uuid(uuidFor(i)),
      text(`/Volumes/EAV Media/bench/clip-${i}.mov`),
      jsonb(benchMetadata(set.clusterOf[i])),
    ]);
    await db.query(
      "copy media_references.reference_images (id, file_path, corrected_metadata) from '/dev/blob' with (format binary)",
      [],
      { blob: binaryCopy(refs) },
    );
    const embs = ids.map((i) => [uuid(uuidFor(i)), text(model), vector(set.point(i))]);
    await db.query(
      "copy media_references.image_embeddings (reference_image_id, model_version, embedding) from '/dev/blob' with (format binary)",
      [],
      { blob: binaryCopy(embs) },
    );
    const links = ids.map((i) => [uuid(uuidFor(i)), uuid(shotIds[set.clusterOf[i] % shotIds.length])]);
    await db.query(
      "copy media_references.shot_references (reference_image_id, shot_id) from '/dev/blob' with (format binary)",
      [],
      { blob: binaryCopy(links) },
    );
  }
  const loadSeconds = (performance.now() - t0) / 1000;
  log(`loaded ${n} references in ${loadSeconds.toFixed(1)} s (${Math.round(n / loadSeconds)} rows/s, 3 tables)`);

  const t1 = performance.now();
  await db.exec(`create index image_embeddings_embedding_hnsw on media_references.image_embeddings
                 using hnsw (embedding extensions.vector_cosine_ops) with (m = 16, ef_construction = 64);
                 analyze;`);
  const indexSeconds = (performance.now() - t1) / 1000;
  log(`HNSW index built in ${indexSeconds.toFixed(1)} s`);
  await db.exec(`
    alter table media_references.reference_images enable trigger user;
    alter table media_references.image_embeddings enable trigger user;
    alter table media_references.shot_references enable trigger user;`);

  return { loadSeconds, indexSeconds };
}
