// The relabelling scenario of `npm run eval -- --scenario relabel` (issue 22 §4): a later
// correction relabels a share of the shots; the report says how many next clips follow it without
// and with the rule of ADR-0012, what happened to the clips nobody relabelled, and calibration.
import { describe, expect, it } from "vitest";
import { relabelLibrary, relabelScenario } from "../../src/cli/eval/relabel";
import { relabelSummary } from "../../src/cli/eval/relabel-words";
import { SYNTHETIC_MODEL, syntheticLibrary } from "../../src/cli/eval/synthetic-library";

const items = syntheticLibrary({ shots: 12, views: 5, noise: 2.5, framesPerView: 1 });

describe("the relabelling scenario", () => {
  it("relabels a share of the shots through their most recent view, and asks the other views next", () => {
    const { library, cases, relabelled, shots } = relabelLibrary(items, 0.25);
    expect(relabelled).toBe(Math.round(shots * 0.25));
    const next = cases.filter((c) => c.relabelled);
    for (const c of next) {
      const shot = library.filter((r) => r.shotKey === c.item.shotKey);
      const newest = shot.reduce((a, b) => (a.correctedAt! > b.correctedAt! ? a : b));
      // the correction is the newest reference of its shot, and says what the next clips should
      expect(newest.truth[c.relabelled!]).toBe(c.newValue);
      expect(c.truth[c.relabelled!]).toBe(c.newValue);
      expect(shot.filter((r) => r !== newest).every((r) => r.truth[c.relabelled!] !== c.newValue)).toBe(true);
    }
    expect(next.length + cases.filter((c) => !c.relabelled).length).toBe(items.length - relabelled);
  });

  it("reports that the next clips follow the correction with the rule, and nothing else got worse", () => {
    const r = relabelScenario(items, SYNTHETIC_MODEL, 0.25);
    expect(r.nextClips).toBeGreaterThan(0);
    expect(r.before.followRate).toBeLessThan(0.5);
    expect(r.after.followRate).toBeGreaterThan(0.9);
    expect(r.unrelabelledDrops).toEqual([]);
    expect(r.after.miscalibratedBins).toEqual([]);
    const text = relabelSummary({ library: "test", modelVersion: SYNTHETIC_MODEL, items: items.length, report: r });
    expect(text).toContain(`before the rule ${r.before.followsCorrection}/${r.nextClips}`);
    expect(text).toContain(`after ${r.after.followsCorrection}/${r.nextClips}`);
    expect(text).toContain("no field lower with the rule");
  });
});
