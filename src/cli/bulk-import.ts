// Bulk import of an existing IA library: every entry of IA's sidecars (read by ia-library.ts)
// becomes a reference with its CLIP embedding. A person's correction from the -pp.json file is
// the reference's corrected_metadata, paired with IA's entry as original_catalog. Entries no one
// touched are imported with IA's values marked review_status 'pending' (matching ignores them
// until reviewed), or skipped with correctedOnly. Runs in Node with the panel's embedding code
// (onnxruntime-node). Corrected saves go through the outbox (unreachable ones are kept and
// retried on the next run); reference ids derive from the file, so re-running never duplicates.
import fs from "node:fs";
import path from "node:path";
import { saveWithThumbnail, type CatalogClient, type SaveWithThumbnail } from "../lib/catalog";
import { SaveOutbox } from "../lib/catalog/save-outbox";
import type { ClipModel } from "../lib/embedding/clip-model";
import { stableId } from "../lib/ids/node/stable-id";
import { embedLibraryEntry, libraryFrames, thumbnailJpeg } from "./library-frames";
import { readIaLibrary, type LibraryEntry, type LibraryRead } from "./ia-library";
import { fileStorage } from "./import-outbox";
import { markPending, reviewStatusProblem } from "./review-status";

/** What happened to the entries of one folder (or of the whole run). */
export interface ImportCounts {
  saved: number;
  alreadyInCatalog: number;
  keptForRetry: number;
  /** saved with IA's values, marked review_status 'pending' */
  pendingReview: number;
  /** untouched entries left out (correctedOnly) */
  skipped: number;
  failed: Array<{ file: string; problem: string }>;
}

export interface FolderReport extends ImportCounts {
  folder: string;
  /** why the folder itself could not be read (its sidecar missing or damaged), or null */
  problem: string | null;
}

export interface ImportReport extends ImportCounts {
  /** one per folder given, in order; a folder that could not be read does not stop the others */
  folders: FolderReport[];
  /** folders that could not be read at all */
  failedFolders: Array<{ folder: string; problem: string }>;
  warnings: string[];
}

export interface ImportOptions {
  model: ClipModel;
  catalog: CatalogClient;
  outboxFile: string;
  /** import only entries a person corrected (.ingest-metadata-pp.json) */
  correctedOnly?: boolean;
  log?: (line: string) => void;
}

/** A stable reference id for a file: a UUID-shaped hash of its path, size and modification time. */
export function referenceIdFor(file: string): string {
  const stat = fs.statSync(file);
  return stableId(`${path.resolve(file)}|${stat.size}|${stat.mtimeMs}`);
}

const noCounts = (): ImportCounts => ({
  saved: 0,
  alreadyInCatalog: 0,
  keptForRetry: 0,
  pendingReview: 0,
  skipped: 0,
  failed: [],
});

/** The entry's embedding and its thumbnail (base64 JPEG, kept with the save until uploaded). */
async function embed(entry: LibraryEntry, model: ClipModel): Promise<{ embedding: number[]; thumbnail: string }> {
  const frames = libraryFrames(entry);
  const embedding = Array.from((await embedLibraryEntry(entry, model, frames)).clip);
  return { embedding, thumbnail: (await thumbnailJpeg(frames[0])).toString("base64") };
}

/** Why an entry cannot be imported as it stands, or null. */
function entryProblem(entry: LibraryEntry, correctedOnly: boolean): string | null {
  if (entry.refused) return entry.refused;
  if (!entry.mediaPath) {
    return `the media file is not in the folder (looked for ${entry.triedNames.map((n) => `"${n}"`).join(", then ")})`;
  }
  if (entry.corrected) return entry.corrected.problem && `the corrected entry: ${entry.corrected.problem}`;
  if (correctedOnly) return null;
  return entry.ia!.problem && `IA's entry: ${entry.ia!.problem}`;
}

export async function bulkImport(folders: string[], deps: ImportOptions): Promise<ImportReport> {
  const log = deps.log ?? (() => undefined);
  const outbox = new SaveOutbox(fileStorage(deps.outboxFile), (input) => saveWithThumbnail(deps.catalog, input));
  const report: ImportReport = { ...noCounts(), folders: [], failedFolders: [], warnings: [] };
  // every outcome counts for the run and, when it has one, for its folder
  const tally = (into: ImportCounts | null, key: Exclude<keyof ImportCounts, "failed">) => {
    report[key]++;
    if (into) into[key]++;
  };
  const failed = (into: ImportCounts | null, file: string, problem: string) => {
    report.failed.push({ file, problem });
    into?.failed.push({ file, problem });
    log(`failed   ${file}: ${problem}`);
  };
  const count = (into: ImportCounts | null, o: Awaited<ReturnType<SaveOutbox["save"]>>, file: string) => {
    if (o.saved?.created) tally(into, "saved");
    else if (o.saved) tally(into, "alreadyInCatalog");
    else if (o.kept?.state === "pending") tally(into, "keptForRetry");
    else failed(into, file, o.kept?.lastError?.message ?? "refused");
  };
  // a new run is the retry of whatever an earlier run could not deliver
  for (const retried of await outbox.flush({ ignoreBackoff: true })) count(null, retried, retried.referenceId);

  const libraries: Array<{ report: FolderReport; library: LibraryRead | null }> = folders.map((folder) => {
    const folderReport: FolderReport = { folder, problem: null, ...noCounts() };
    report.folders.push(folderReport);
    try {
      return { report: folderReport, library: readIaLibrary(folder) };
    } catch (e) {
      folderReport.problem = (e as Error).message;
      report.failedFolders.push({ folder, problem: folderReport.problem });
      log(`failed   ${folder}: ${folderReport.problem} (the other folders go on)`);
      return { report: folderReport, library: null };
    }
  });
  const untouched = libraries.some((l) => l.library?.entries.some((e) => !e.corrected));
  const pendingProblem = !deps.correctedOnly && untouched ? await reviewStatusProblem(deps.catalog) : null;
  for (const { report: into, library } of libraries) {
    if (!library) continue;
    report.warnings.push(...library.warnings);
    for (const w of library.warnings) log(`warning  ${w}`);
    for (const entry of library.entries) {
      const file = entry.mediaPath ?? path.join(library.folder, entry.triedNames[0]);
      const fail = (problem: string) => failed(into, file, problem);
      if (!entry.corrected && deps.correctedOnly) {
        tally(into, "skipped");
        continue;
      }
      const problem = entryProblem(entry, deps.correctedOnly ?? false);
      if (problem) {
        fail(problem);
        continue;
      }
      if (!entry.corrected && pendingProblem) {
        fail(`no person corrected it, and this catalog cannot mark it pending (${pendingProblem}): not imported`);
        continue;
      }
      try {
        const values = entry.corrected ?? entry.ia!;
        const { embedding, thumbnail } = await embed(entry, deps.model);
        const input: SaveWithThumbnail = {
          referenceId: referenceIdFor(entry.mediaPath!),
          filePath: entry.mediaPath!,
          correctedMetadata: values.metadata!,
          embedding,
          modelVersion: deps.model.modelVersion,
          originalCatalog: entry.ia?.entry ?? null,
          thumbnailJpegBase64: thumbnail,
        };
        if (entry.corrected) {
          const outcome = await outbox.save(input);
          count(into, outcome, file);
          log(`${outcome.saved ? (outcome.saved.created ? "saved   " : "present ") : "kept    "} ${file}`);
          continue;
        }
        // IA's values: saved directly, so a save is never left 'confirmed' without its mark;
        // a re-run retries (same id), and marks only what it creates (a review is never undone)
        const saved = await saveWithThumbnail(deps.catalog, input);
        if (!saved.created) {
          tally(into, "alreadyInCatalog");
          log(`present  ${file}`);
          continue;
        }
        await markPending(deps.catalog, saved.id).catch((e: Error) => {
          throw new Error(`saved, but not marked pending, so it counts as confirmed: ${e.message}`, { cause: e });
        });
        tally(into, "pendingReview");
        log(`pending  ${file}`);
      } catch (e) {
        fail((e as Error).message);
      }
    }
  }
  return report;
}
