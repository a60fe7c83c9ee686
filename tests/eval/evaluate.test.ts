// npm run eval's leave-one-out, on synthetic libraries whose structure is known, and once end to
// end on the preview's sample library (ffmpeg stills, IA's sidecar, the tiny test model).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate, type EvalItem } from "../../src/cli/eval/evaluate";
import { runEval } from "../../src/cli/eval/run-eval";
import { makeSampleLibrary } from "../../src/server/preview/sample-library";
import { ROOT } from "../../src/testing/paths";
import { TINY_CLIP_DIR } from "../../src/testing/tiny-clip";
import { randomCentre, unitVector } from "../../src/testing/vectors";

/** `groups` shots of `per` items each, spread around their centre by `spread` (seeded). */
function library(groups: number, per: number, spread: number, dims = 32): EvalItem[] {
  const items: EvalItem[] = [];
  for (let g = 0; g < groups; g++) {
    const centre = randomCentre(12345 + g, dims);
    for (let i = 0; i < per; i++) {
      const frame = (k: number) =>
        Array.from(unitVector({ dims, centre, noise: spread * (1 + 0.1 * k), seed: 1000 * g + 10 * i + k }));
      const frames = [frame(0), frame(1)];
      items.push({
        id: `g${g}-${i}`,
        frames,
        pooled: frames[0],
        truth: { location: `loc${g % 3}`, subject: `subject${g}`, shotType: "MID", action: null },
        shotKey: `shot${g}`,
      });
    }
  }
  return items;
}

describe("evaluate", () => {
  it("scores a well-separated library near perfect, with the curve rising as the catalog grows", () => {
    const report = evaluate(library(6, 6, 0.2), "test@q8");
    expect(report.items).toBe(36);
    expect(report.fields.subject.top1Accuracy).toBeGreaterThan(0.95);
    expect(report.shot.top1Accuracy).toBeGreaterThan(0.95);
    const curve = report.learningCurve.map((p) => p.top1Accuracy);
    expect(report.learningCurve.map((p) => p.fraction)).toEqual([0.1, 0.25, 0.5, 1]);
    expect(curve[3]).toBeGreaterThan(curve[0]);
    // every answered value lands in one reliability bucket
    const answered = report.reliability.reduce((n, r) => n + r.n, 0);
    expect(answered).toBeGreaterThan(0);
    for (const r of report.reliability) if (r.n) expect(r.accuracy).toBeGreaterThanOrEqual(0);
  });

  it("scores an overlapping library lower, and abstains more there", () => {
    const clean = evaluate(library(6, 6, 0.2), "test@q8");
    const noisy = evaluate(library(6, 6, 3), "test@q8");
    expect(noisy.fields.subject.top1Accuracy).toBeLessThan(clean.fields.subject.top1Accuracy);
    expect(noisy.fields.subject.abstentionRate).toBeGreaterThanOrEqual(clean.fields.subject.abstentionRate);
  });

  it("runs end to end on the sample library and writes its report and chart", async () => {
    const lib = makeSampleLibrary(path.join(ROOT, ".cache/sample-library"));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "eval-"));
    try {
      const { report, json, png } = await runEval({
        libraries: [lib.folder],
        model: TINY_CLIP_DIR,
        outDir: out,
        minConfidence: 0.5,
      });
      expect(report.items).toBe(24);
      const written = JSON.parse(fs.readFileSync(json, "utf8"));
      expect(written.fields.location.n).toBe(24);
      // committed results name the library relative to the run, never this machine's absolute path
      expect(written.libraries).toEqual([path.relative(process.cwd(), lib.folder)]);
      expect(written.libraries[0]).not.toMatch(/^\//);
      expect(fs.readFileSync(png).subarray(1, 4).toString()).toBe("PNG");
      // the test model tells these synthetic sources apart: the vote finds the right location
      expect(report.fields.location.top1Accuracy).toBeGreaterThan(0.8);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
