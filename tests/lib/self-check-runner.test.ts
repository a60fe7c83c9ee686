// The self-check's runner: steps in order, each timed; a failing, throwing or hanging step is a
// line of its own and the next steps still run; the clean-up steps run whatever happened.
import { describe, expect, it } from "vitest";
import { runSelfCheck, reportText, type SelfCheckStep } from "../../src/lib/self-check";

type Ctx = { made: string[]; removed: string[] };

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("runSelfCheck", () => {
  it("runs the steps in order, then the clean-up, timing each and counting outcomes", async () => {
    const { now, advance } = clock();
    const ctx: Ctx = { made: [], removed: [] };
    const step = (id: string, ms: number, outcome: Partial<{ status: "ok" | "skipped"; says: string }> = {}) =>
      ({
        id,
        label: id.toUpperCase(),
        run: async (c: Ctx) => {
          advance(ms);
          c.made.push(id);
          return { says: `${id} done`, ...outcome };
        },
      }) satisfies SelfCheckStep<Ctx>;
    const seen: string[] = [];
    const report = await runSelfCheck(
      {
        context: ctx,
        steps: [step("a", 120), step("b", 5, { status: "skipped", says: "not here" })],
        finally: [{ id: "clean", label: "Clean", run: async (c) => ((c.removed = [...c.made]), { says: "removed" }) }],
      },
      { panelVersion: "9.9.9", now, onStep: (label, done, total) => seen.push(`${label} ${done}/${total}`) },
    );
    expect(report.lines).toEqual([
      { id: "a", label: "A", status: "ok", says: "a done", ms: 120 },
      { id: "b", label: "B", status: "skipped", says: "not here", ms: 5 },
      { id: "clean", label: "Clean", status: "ok", says: "removed", ms: 0 },
    ]);
    expect(ctx.removed).toEqual(["a", "b"]);
    expect(seen).toEqual(["A 0/3", "B 1/3", "Clean 2/3"]);
    expect(report).toMatchObject({ format: "reference-lookup-self-check/1", panelVersion: "9.9.9", durationMs: 125 });
    expect(report.summary).toEqual({ ok: 2, failed: 0, skipped: 1 });
    expect(reportText(report)).toContain("✓ A (worked, 0.12 s): a done\n– B (skipped, 0.01 s): not here\n");
  });

  it("turns a throw, a synchronous throw and a hang into failed lines, and still cleans up", async () => {
    const ctx: Ctx = { made: [], removed: [] };
    const report = await runSelfCheck(
      {
        context: ctx,
        steps: [
          { id: "rejects", label: "Rejects", run: async () => Promise.reject(new Error("QE said no")) },
          {
            id: "throws",
            label: "Throws",
            run: () => {
              throw { message: "EvalScript error." };
            },
          },
          { id: "hangs", label: "Hangs", timeoutMs: 20, run: () => new Promise(() => undefined) },
          { id: "after", label: "After", run: async () => ({ says: "still ran" }) },
        ],
        finally: [
          { id: "clean", label: "Clean", run: async () => Promise.reject(new Error("bin is locked")) },
          { id: "compare", label: "Compare", run: async () => ({ says: "compared" }) },
        ],
      },
      { panelVersion: "1" },
    );
    expect(report.lines.map((l) => [l.id, l.status, l.says])).toEqual([
      ["rejects", "failed", "QE said no"],
      ["throws", "failed", "EvalScript error."],
      ["hangs", "failed", "Hangs did not finish within 0.02 s."],
      ["after", "ok", "still ran"],
      ["clean", "failed", "bin is locked"],
      ["compare", "ok", "compared"],
    ]);
    expect(report.summary).toEqual({ ok: 2, failed: 4, skipped: 0 });
  });
});
