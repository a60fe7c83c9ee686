// npm run eval -- --library <folder> [--library <folder>…] [--model <dir>] [--out <dir>] [--min-confidence 0.5]
// How good are the suggestions on a studio's own corrected library: leave-one-out through the
// panel's suggestion code, per-field accuracy, abstention, a learning curve and a reliability
// table; writes a JSON report and a PNG chart.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runEval } from "../src/cli/eval/run-eval";

const USAGE = `npm run eval -- --library <folder> [--library <folder>…] [--model <dir>] [--out <dir>] [--min-confidence 0.5]

  --library         a folder IA catalogued (.ingest-metadata.json, and .ingest-metadata-pp.json when people
                    corrected it); give several to evaluate them together
  --model           a CLIP model folder (default: the Hugging Face hub's Xenova/clip-vit-base-patch32)
  --out             where the report and the chart go (default: bench/results)
  --min-confidence  the editor's threshold: below it a field is left empty (default 0.5)`;

let args;
try {
  args = parseArgs({
    options: {
      library: { type: "string", multiple: true },
      model: { type: "string" },
      out: { type: "string", default: "bench/results" },
      "min-confidence": { type: "string", default: "0.5" },
      help: { type: "boolean", short: "h", default: false },
    },
  }).values;
} catch (e) {
  console.error(`eval: ${(e as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const libraries = (args.library ?? []).map((f) => path.resolve(f));
const minConfidence = Number(args["min-confidence"]);
if (!libraries.length || !(minConfidence >= 0 && minConfidence <= 1)) {
  console.error(USAGE);
  process.exit(2);
}
for (const folder of libraries) {
  if (!fs.existsSync(folder)) {
    console.error(`eval: ${folder} does not exist`);
    process.exit(2);
  }
}
try {
  const { report, json, png } = await runEval({
    libraries,
    model: args.model ? path.resolve(args.model) : undefined,
    outDir: path.resolve(args.out!),
    minConfidence,
    log: (line) => console.log(line),
  });
  console.log(`\n${report.items} items, model ${report.modelVersion}, threshold ${report.minConfidence}`);
  console.table(
    Object.fromEntries(
      [...Object.entries(report.fields), ["shot", report.shot] as const].map(([k, s]) => [
        k,
        {
          "top-1": s.top1Accuracy.toFixed(3),
          abstains: s.abstentionRate.toFixed(3),
          "when it answers": s.answeredAccuracy === null ? "—" : s.answeredAccuracy.toFixed(3),
          n: s.n,
        },
      ]),
    ),
  );
  console.log(
    "learning curve:",
    report.learningCurve.map((p) => `${p.catalogSize}: ${p.top1Accuracy.toFixed(3)}`).join(", "),
  );
  console.log(`report: ${json}\nchart:  ${png}`);
} catch (e) {
  console.error(`eval: ${(e as Error).message}`);
  process.exit(1);
}
