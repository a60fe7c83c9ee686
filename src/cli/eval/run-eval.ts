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
  const model = await ClipModel.load({
    source: options.model ? { kind: "folder", path: options.model } : { kind: "hub", modelId: DEFAULT_MODEL_ID },
  });
  const items: EvalItem[] = [];
  for (const folder of options.libraries) {
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
        pooled: embedded.clip,
        truth: values.metadata,
        shotKey: shotNumber ? `${path.basename(folder)}#${shotNumber}` : null,
      });
    }
  }
  if (items.length < 2) throw new Error(`only ${items.length} usable item(s): leave-one-out needs at least 2`);
  log(`${items.length} items embedded with ${model.modelVersion}`);
  const report = evaluate(items, model.modelVersion, options.minConfidence);
  fs.mkdirSync(options.outDir, { recursive: true });
  const stamp = new Date().toISOString().slice(0, 10);
  const json = path.join(options.outDir, `eval-${stamp}.json`);
  const png = path.join(options.outDir, `eval-${stamp}.png`);
  // results are committed: name the libraries as the run's folder sees them, never a machine's absolute path
  const libraries = options.libraries.map((folder) => path.relative(process.cwd(), folder) || ".");
  fs.writeFileSync(json, JSON.stringify({ libraries, ...report }, null, 2));
  await writeChartPng(report, png);
  return { report, json, png };
}
