// Bulk import of an existing corrected library: every file in IA sidecars becomes a reference
// (its CLIP embedding, its corrected metadata). Runs in Node with the same embedding code as the
// panel (onnxruntime-node). Saves go through the outbox: unreachable ones are kept and retried
// on the next run; reference ids derive from the file, so re-running never duplicates.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CatalogClient } from "../lib/catalog";
import { SaveOutbox, type OutboxEntry, type OutboxStorage } from "../lib/catalog/save-outbox";
import type { ClipModel } from "../lib/embedding/clip-model";
import { decodeImageForClip } from "../lib/embedding/node/decode-image";
import { DEFAULT_FRAME_FRACTIONS } from "../shared/frames/frame-times";
import { readSidecar } from "./ingest-sidecar";

const IMAGE = /\.(jpe?g|png|tiff?|webp|bmp|gif|heic)$/i;

export interface ImportReport {
  saved: number;
  alreadyInCatalog: number;
  keptForRetry: number;
  failed: Array<{ file: string; problem: string }>;
}

/** A stable reference id for a file: a UUID-shaped hash of its path, size and modification time. */
export function referenceIdFor(file: string): string {
  const stat = fs.statSync(file);
  const h = crypto
    .createHash("sha256")
    .update(`${path.resolve(file)}|${stat.size}|${stat.mtimeMs}`)
    .digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function fileStorage(file: string): OutboxStorage {
  return {
    read: () => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as OutboxEntry[]) : []),
    write: (entries) => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(entries));
    },
  };
}

/** Five frames of a video at 10–90 % of its duration, decoded by ffmpeg (any codec it reads). */
function videoFrames(file: string): Buffer[] {
  const duration = Number(
    execFileSync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file], {
      encoding: "utf8",
    }).trim(),
  );
  if (!(duration > 0)) throw new Error("ffprobe found no duration");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rl-import-"));
  try {
    return DEFAULT_FRAME_FRACTIONS.map((f, i) => {
      const out = path.join(dir, `${i}.png`);
      execFileSync("ffmpeg", [
        "-loglevel",
        "error",
        "-y",
        "-ss",
        String(duration * f),
        "-i",
        file,
        "-frames:v",
        "1",
        "-update",
        "1",
        out,
      ]);
      return fs.readFileSync(out);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function bulkImport(
  folders: string[],
  deps: { model: ClipModel; catalog: CatalogClient; outboxFile: string; log?: (line: string) => void },
): Promise<ImportReport> {
  const log = deps.log ?? (() => undefined);
  const outbox = new SaveOutbox(fileStorage(deps.outboxFile), (input) => deps.catalog.saveReference(input));
  const report: ImportReport = { saved: 0, alreadyInCatalog: 0, keptForRetry: 0, failed: [] };
  const count = (o: Awaited<ReturnType<SaveOutbox["save"]>>, file: string) => {
    if (o.saved) o.saved.created ? report.saved++ : report.alreadyInCatalog++;
    else if (o.kept?.state === "pending") report.keptForRetry++;
    else report.failed.push({ file, problem: o.kept?.lastError?.message ?? "refused" });
  };
  // a new run is the retry of whatever an earlier run could not deliver
  for (const retried of await outbox.flush({ ignoreBackoff: true })) count(retried, retried.referenceId);

  for (const folder of folders) {
    const { entries, problems } = readSidecar(folder);
    for (const p of problems) report.failed.push({ file: path.join(folder, p.file), problem: p.problem });
    for (const entry of entries) {
      const file = path.join(folder, entry.file);
      try {
        if (!fs.existsSync(file)) throw new Error("the file listed in the sidecar is not in the folder");
        const images = IMAGE.test(file) ? [fs.readFileSync(file)] : videoFrames(file);
        const pixels = await Promise.all(images.map((img) => decodeImageForClip(img, deps.model.preprocess)));
        const embedded = await deps.model.embedClip(pixels);
        const outcome = await outbox.save({
          referenceId: referenceIdFor(file),
          filePath: file,
          correctedMetadata: entry.metadata,
          embedding: Array.from(embedded.clip),
          modelVersion: embedded.modelVersion,
          originalCatalog: entry.original,
        });
        count(outcome, file);
        log(`${outcome.saved ? (outcome.saved.created ? "saved   " : "present ") : "kept    "} ${file}`);
      } catch (e) {
        report.failed.push({ file, problem: (e as Error).message });
        log(`failed   ${file}: ${(e as Error).message}`);
      }
    }
  }
  return report;
}
