// The offline copy's IndexedDB layout (docs/adr/0018). One database for every model version: a
// reference's row is keyed by [modelVersion, referenceId]; shots and thumbnails are shared by all
// model versions; "syncs" keeps each model version's cursor and the time of its last sync.
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { IaMetadata } from "../../../shared/metadata/ia-metadata";
import type { Shot } from "../../suggestion/types";

export const COPY_DATABASE = "reference-lookup-catalog-copy";

export interface CopiedReference {
  modelVersion: string;
  referenceId: string;
  filePath: string;
  metadata: IaMetadata;
  thumbnailUrl: string | null;
  shotId: string | null;
  embedding: Float32Array;
}

export interface SyncState {
  modelVersion: string;
  /** the change feed's cursor the next sync reads from */
  cursor: string;
  /** ms since the epoch, when the copy last caught up */
  syncedAt: number;
  /** the catalog's default model version at that sync (what the panel says offline) */
  defaultModelVersion: string;
}

export interface CopySchema extends DBSchema {
  references: { key: [string, string]; value: CopiedReference; indexes: { byModel: string } };
  shots: { key: string; value: Shot };
  thumbnails: { key: string; value: { referenceId: string; url: string; image: Blob } };
  syncs: { key: string; value: SyncState };
}

export type CopyDatabase = IDBPDatabase<CopySchema>;

export function openCopyDatabase(name = COPY_DATABASE): Promise<CopyDatabase> {
  return openDB<CopySchema>(name, 1, {
    upgrade(db) {
      const refs = db.createObjectStore("references", { keyPath: ["modelVersion", "referenceId"] });
      refs.createIndex("byModel", "modelVersion");
      db.createObjectStore("shots", { keyPath: "id" });
      db.createObjectStore("thumbnails", { keyPath: "referenceId" });
      db.createObjectStore("syncs", { keyPath: "modelVersion" });
    },
  });
}
