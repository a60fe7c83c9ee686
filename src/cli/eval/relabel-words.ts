// The relabelling scenario's report in a few lines for the terminal.
import { SUGGESTED_FIELDS } from "../../lib/suggestion/types";
import type { RelabelRun } from "./run-eval";
import { BIN_MIN_ANSWERS, BIN_TOLERANCE, type RuleRun } from "./relabel";

const pct = (x: number | null) => (x === null ? "—" : `${(100 * x).toFixed(1)} %`);

function bins(run: RuleRun): string {
  return run.reliability
    .filter((r) => r.n >= BIN_MIN_ANSWERS)
    .map((r) => `${pct(r.from)}–${pct(r.to)}: ${pct(r.accuracy)} right at ${pct(r.meanConfidence)} (n ${r.n})`)
    .join("; ");
}

export function relabelSummary({ library, modelVersion, items, report: r }: RelabelRun): string {
  const follow = (run: RuleRun) =>
    `${run.followsCorrection}/${r.nextClips} (${pct(run.followRate)}), ${run.followsAnswered} shown at or above the threshold`;
  const fields = SUGGESTED_FIELDS.map(
    (f) =>
      `    ${f.padEnd(9)} top-1 ${pct(r.before.unrelabelled[f].top1Accuracy)} → ${pct(r.after.unrelabelled[f].top1Accuracy)}, ` +
      `when it answers ${pct(r.before.unrelabelled[f].answeredAccuracy)} → ${pct(r.after.unrelabelled[f].answeredAccuracy)}`,
  );
  const calibrated = (run: RuleRun) =>
    run.miscalibratedBins.length
      ? `${run.miscalibratedBins.length} bin(s) of ≥ ${BIN_MIN_ANSWERS} answers off by more than ${pct(BIN_TOLERANCE)}`
      : `every bin of ≥ ${BIN_MIN_ANSWERS} answers within ${pct(BIN_TOLERANCE)}`;
  return [
    `\n${library} (${items} items, ${modelVersion}): ${r.shotsRelabelled} of ${r.shots} shots relabelled (share ${r.share})`,
    `  next clips following the correction: before the rule ${follow(r.before)}; after ${follow(r.after)}`,
    `  ${r.unrelabelledClips} clips of shots nobody relabelled, per field (before → after):`,
    ...fields,
    `  calibration before: ${calibrated(r.before)} [${bins(r.before)}]`,
    `  calibration after:  ${calibrated(r.after)} [${bins(r.after)}]`,
    r.unrelabelledDrops.length
      ? `  LOWER with the rule on: ${r.unrelabelledDrops.join(", ")}`
      : `  no field lower with the rule`,
  ].join("\n");
}
