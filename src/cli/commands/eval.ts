// `npm run cli -- eval` (alias `npm run eval`): how good the suggestions are on a studio's own
// corrected library: leave-one-out through the panel's suggestion code, per-field accuracy,
// abstention, a learning curve and a reliability table; writes a JSON report and a PNG chart.
import fs from "node:fs";
import path from "node:path";
import type { Command } from "../command-line";
import { relabelSummary } from "../eval/relabel-words";
import { runEval, runRelabelEval } from "../eval/run-eval";
import { EVAL_USAGE } from "../usage";

export const evalCommand: Command = {
  name: "eval",
  usage: EVAL_USAGE,
  positionals: false,
  options: {
    library: { type: "string", multiple: true },
    model: { type: "string" },
    out: { type: "string", default: "bench/results" },
    "min-confidence": { type: "string", default: "0.5" },
    scenario: { type: "string" },
    share: { type: "string", default: "0.25" },
  },
  async run(values) {
    const libraries = ((values.library as string[] | undefined) ?? []).map((f) => path.resolve(f));
    const minConfidence = Number(values["min-confidence"]);
    const scenario = values.scenario as string | undefined;
    const share = Number(values.share);
    if (scenario !== undefined && scenario !== "relabel") {
      console.error(`eval: unknown scenario "${scenario}"; the one there is: relabel\n\n${EVAL_USAGE}`);
      return 2;
    }
    if ((!scenario && !libraries.length) || !(minConfidence >= 0 && minConfidence <= 1) || !(share > 0 && share <= 1)) {
      console.error(EVAL_USAGE);
      return 2;
    }
    for (const folder of libraries) {
      if (!fs.existsSync(folder)) {
        console.error(`eval: ${folder} does not exist`);
        return 2;
      }
    }
    try {
      const model = values.model as string | undefined;
      if (scenario === "relabel") {
        const { runs, json } = await runRelabelEval({
          libraries,
          model: model ? path.resolve(model) : undefined,
          outDir: path.resolve(values.out as string),
          minConfidence,
          share,
          log: (line) => console.log(line),
        });
        for (const run of runs) console.log(relabelSummary(run));
        console.log(`report: ${json}`);
        return 0;
      }
      const { report, json, png } = await runEval({
        libraries,
        model: model ? path.resolve(model) : undefined,
        outDir: path.resolve(values.out as string),
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
      return 0;
    } catch (e) {
      console.error(`eval: ${(e as Error).message}`);
      return 1;
    }
  },
};
