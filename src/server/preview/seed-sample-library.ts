// Puts the sample library into the local catalog for the preview: each still embedded with the
// model the preview runs (Node, the same encoder code as the panel), saved through the real
// save_reference RPC with its shot link, and made the catalog's default model version so the
// panel's matches find them. Idempotent: reference ids derive from the library's file ids.
import WebSocket from "ws";
import { CatalogClient } from "../../lib/catalog";
import { ClipModel } from "../../lib/embedding/clip-model";
import { stableId } from "../../lib/ids/node/stable-id";
import { decodeImageForClip } from "../../lib/embedding/node/decode-image";
import type { RunningCatalog } from "../catalog/server";
import { SAMPLE_SCENE_ID } from "../catalog/seed";
import type { SampleLibrary } from "./sample-library";

export const stableReferenceId = (libraryId: string) => stableId(`sample-library|${libraryId}`);

export interface SeedOptions {
  catalog: RunningCatalog;
  library: SampleLibrary;
  /** the model folder the preview serves to the panel */
  modelFolder: string;
  /** where the preview serves the library's files, for thumbnail URLs */
  thumbnailUrl: (file: string) => string;
}

export async function seedSampleLibrary(options: SeedOptions): Promise<{ modelVersion: string; references: number }> {
  const { catalog, library } = options;
  const model = await ClipModel.load({ source: { kind: "folder", path: options.modelFolder }, quantized: true });
  const db = catalog.db;
  await db.query("update media_references.embedding_models set is_default = false where is_default");
  const made = await db.query(
    "update media_references.embedding_models set is_default = true where model_version = $1",
    [model.modelVersion],
  );
  if (!made.affectedRows) throw new Error(`the local catalog does not know model version ${model.modelVersion}`);
  const shots = await db.query<{ id: string; shot_number: number }>(
    "select id, shot_number from public.shots where scene_id = $1",
    [SAMPLE_SCENE_ID],
  );
  const shotIds = new Map(shots.rows.map((r) => [r.shot_number, r.id]));
  const staff = new CatalogClient({
    url: catalog.url,
    anonKey: catalog.anonKey,
    accessToken: catalog.serviceKey,
    realtime: { transport: WebSocket as never }, // Node 20 has no WebSocket of its own
  });
  for (const entry of library.entries) {
    const referenceId = stableReferenceId(entry.id);
    const pixels = await decodeImageForClip(entry.file, model.preprocess);
    const { pooled } = await model.embedClip([pixels]);
    await staff.saveReference({
      referenceId,
      filePath: entry.file,
      correctedMetadata: entry.metadata,
      embedding: Array.from(pooled),
      modelVersion: model.modelVersion,
      shotId: shotIds.get(entry.shotNumber) ?? null,
      originalCatalog: { source: "sample library", libraryId: entry.id },
    });
    // the preview's address may change between runs: the URL is refreshed, not part of the save
    await db.query(
      "update media_references.reference_images set thumbnail_url = $1 where id = $2 and thumbnail_url is distinct from $1",
      [options.thumbnailUrl(entry.file), referenceId],
    );
  }
  return { modelVersion: model.modelVersion, references: library.entries.length };
}
