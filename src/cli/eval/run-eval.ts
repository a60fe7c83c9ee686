// Reads the libraries through the bulk import's reader, embeds every usable entry with the
// encoder, runs the evaluation and writes the report and its chart.
import fs from "node:fs";
import path from "node:path";
import { ClipModel } from "../../lib/embedding/clip-model";
import { DEFAULT_MODEL_ID } from "../../lib/embedding/model-source";
import { readIaLibrary } from "../ia-library";
import { embedLibraryEntry } from "../library-frames";
import { writeChartPng } from "./chart";
import { evaluate, type EvalItem, type EvalReport } from "./evaluate";
import { relabelScenario, type RelabelReport } from "./relabel";
import { SYNTHETIC_MODEL, syntheticLibrary } from "./synthetic-library";

export interface RunEvalOptions {
  libraries: string[];
  /** a model folder; the hub's CLIP ViT-B/32 when absent */
  model?: string;
  outDir: string;
  minConfidence: number;
  log?: (line: string) => void;
}

export async function runEval(options: RunEvalOptions): Promise<{ report: EvalReport; json: string; png: string }> {
  const log = options.log ?? (() => undefined);
  const { items, modelVersion } = await embedLibraries(options.libraries, options.model, log);
  if (items.length < 2) throw new Error(`only ${items.length} usable item(s): leave-one-out needs at least 2`);
  log(`${items.length} items embedded with ${modelVersion}`);
  const report = evaluate(items, modelVersion, options.minConfidence);
  fs.mkdirSync(options.outDir, { recursive: true });
  const stamp = new Date().toISOString().slice(0, 10);
  const json = path.join(options.outDir, `eval-${stamp}.json`);
  const png = path.join(options.outDir, `eval-${stamp}.png`);
  fs.writeFileSync(json, JSON.stringify({ libraries: relativeNames(options.libraries), ...report }, null, 2));
  await writeChartPng(report, png);
  return { report, json, png };
}

// results are committed: name the libraries as the run's folder sees them, never a machine's absolute path
const relativeNames = (folders: string[]) => folders.map((folder) => path.relative(process.cwd(), folder) || ".");

export interface RelabelRun {
  library: string;
  modelVersion: string;
  items: number;
  report: RelabelReport;
}

/** The relabelling scenario on each given library (embedded with the model) and on synthetic
 * clustered embeddings; one JSON report. */
export async function runRelabelEval(
  options: RunEvalOptions & { share: number },
): Promise<{ runs: RelabelRun[]; json: string }> {
  const log = options.log ?? (() => undefined);
  const runs: RelabelRun[] = [];
  if (options.libraries.length) {
    const { items, modelVersion } = await embedLibraries(options.libraries, options.model, log);
    const report = relabelScenario(items, modelVersion, options.share, options.minConfidence);
    runs.push({ library: relativeNames(options.libraries).join(", "), modelVersion, items: items.length, report });
  }
  // well-separated shots, and shots that overlap (about one clip in ten gets a field wrong)
  for (const noise of [2.5, 3]) {
    const synthetic = syntheticLibrary({ noise });
    runs.push({
      library: `synthetic clustered embeddings (40 shots × 6 views, noise ${noise}, bench/lib)`,
      modelVersion: SYNTHETIC_MODEL,
      items: synthetic.length,
      report: relabelScenario(synthetic, SYNTHETIC_MODEL, options.share, options.minConfidence),
    });
  }
  fs.mkdirSync(options.outDir, { recursive: true });
  const json = path.join(options.outDir, `eval-relabel-${new Date().toISOString().slice(0, 10)}.json`);
  fs.writeFileSync(json, JSON.stringify({ scenario: "relabel", share: options.share, runs }, null, 2));
  return { runs, json };
}

async function embedLibraries(
  libraries: string[],
  modelDir: string | undefined,
  log: (line: string) => void,
): Promise<{ items: EvalItem[]; modelVersion: string }> {
  const model = await ClipModel.load({
    source: modelDir ? { kind: "folder", path: modelDir } : { kind: "hub", modelId: DEFAULT_MODEL_ID },
  });
  const items: EvalItem[] = [];
  for (const folder of libraries) {
    const library = readIaLibrary(folder);
    for (const w of library.warnings) log(`${folder}: ${w}`);
    for (const entry of library.entries) {
      // what a person confirmed is the truth; IA's own values where nobody corrected them
      const values = entry.corrected ?? entry.ia;
      if (!entry.mediaPath || !values?.metadata) {
        log(
          `skipped ${entry.id}: ${entry.mediaPath ? values?.problem : (entry.refused ?? "media file not in the folder")}`,
        );
        continue;
      }
      const embedded = await embedLibraryEntry(entry, model);
      const shotNumber = values.metadata.shotNumber;
      items.push({
        id: `${folder}#${entry.id}`,
        frames: embedded.frames,
        pooled: embedded.pooled,
        truth: values.metadata,
        shotKey: shotNumber ? `${path.basename(folder)}#${shotNumber}` : null,
      });
    }
  }
  return { items, modelVersion: model.modelVersion };
}
