// The words of a disagreement on the card (issue 22 §4): "3 say kitchen · your correction of 13:05 says utility room".
import { describe, expect, it } from "vitest";
import { correctionTime, disagreementWords } from "../../src/panel/views/correction-words";

const at = (h: number, m: number, day = 6) => new Date(2026, 11, day, h, m).toISOString();
const now = new Date(2026, 11, 6, 17, 0);

describe("the words of a disagreement", () => {
  it("counts the older references apart from the correction, and names the correction with its time", () => {
    const words = disagreementWords(
      {
        values: [
          { value: "kitchen", references: 3 },
          { value: "utility room", references: 1 },
        ],
        correction: { value: "utility room", correctedAt: at(13, 5), byYou: true, referenceId: "r4" },
      },
      now,
    );
    expect(words).toBe("3 say kitchen · your correction of 13:05 says utility room");
  });

  it("without a correction lists who says what; someone else's correction is 'a correction'", () => {
    expect(
      disagreementWords({
        values: [
          { value: "kitchen", references: 2 },
          { value: "pantry", references: 1 },
        ],
        correction: null,
      }),
    ).toBe("2 say kitchen · 1 says pantry");
    expect(
      disagreementWords(
        {
          values: [
            { value: "kitchen", references: 1 },
            { value: "utility room", references: 2 },
          ],
          correction: { value: "utility room", correctedAt: at(9, 30, 2), byYou: false, referenceId: "r" },
        },
        now,
      ),
    ).toBe("1 says kitchen · 1 says utility room · a correction of 2 Dec 09:30 says utility room");
  });

  it("a time it cannot read is said so, not shown as NaN", () => {
    expect(correctionTime("yesterday")).toBe("an unknown time");
  });
});
