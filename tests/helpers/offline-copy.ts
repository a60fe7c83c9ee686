// Offline copy fixtures: a fresh IndexedDB (fake-indexeddb) per test and references saved over
// HTTP into the restartable local catalog.
import "fake-indexeddb/auto";
import { afterEach } from "vitest";
import { RestartableCatalog } from "./restartable-catalog";
import { CatalogCopy, InThreadMatcher, openCopyDatabase } from "../../src/lib/catalog/offline";
import type { CatalogClient } from "../../src/lib/catalog";
import { unitVector } from "../../src/testing/vectors";

export const COPY_MODEL = "local/tiny-random-clip@q8"; // registered by the local catalog

/** A unit vector mostly along `axis`, with seeded noise: references of one axis are neighbours. */
export const unitNear = (axis: number, seed: number): Float32Array => unitVector({ axis, noise: 0.02, seed });

export async function freshCopy(): Promise<CatalogCopy> {
  return new CatalogCopy(await openCopyDatabase(`copy-test-${crypto.randomUUID()}`), new InThreadMatcher());
}

/** Saves a reference of `subject` near `axis`; returns its id. */
export async function saveNear(staff: CatalogClient, axis: number, seed: number, subject: string): Promise<string> {
  const referenceId = crypto.randomUUID();
  await staff.saveReference({
    referenceId,
    filePath: `/Volumes/EAV/${subject}-${seed}.mov`,
    correctedMetadata: { location: "kitchen", subject, shotType: "MID", keywords: [subject] },
    embedding: Array.from(unitNear(axis, seed)),
    modelVersion: COPY_MODEL,
  });
  return referenceId;
}

/** One local catalog per test, closed after it; `current` is the running one. */
export function catalogPerTest() {
  const holder = {
    current: null as RestartableCatalog | null,
    async start() {
      return (holder.current = await RestartableCatalog.start());
    },
  };
  afterEach(async () => {
    await holder.current?.close();
    holder.current = null;
  });
  return holder;
}
