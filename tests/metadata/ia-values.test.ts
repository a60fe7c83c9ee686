// Values IA's writer refuses (metadataWriter.ts: ; | & $ ` < > { } ! or a line feed, or more
// than 1,000 characters) and values no reader could read back, refused before writing.
import { describe, expect, it } from "vitest";
import { iaWriteProblem } from "../../src/shared/metadata/ia-values";

const ok = { location: "kitchen", subject: "oven", action: "cleaning", shotType: "WS" as const, keywords: ["oven"] };

describe("iaWriteProblem", () => {
  it("accepts what IA accepts: commas, equals signs, backslashes, quotes, a carriage return", () => {
    expect(iaWriteProblem(ok)).toBe(null);
    expect(
      iaWriteProblem({ ...ok, location: "hall, east", subject: "a=b", action: "C:\\media\rx", keywords: ["C:\\x"] }),
    ).toBe(null);
    expect(iaWriteProblem({ ...ok, keywords: ["x".repeat(1000)] })).toBe(null);
  });

  it.each(";|&$`<>{}!".split(""))("refuses %j in a value, as IA does, and says which", (ch) => {
    expect(iaWriteProblem({ ...ok, subject: `salt ${ch} pepper` })).toBe(
      `Subject holds "${ch}", which Ingest Assistant refuses (; | & $ \` < > { } ! and line breaks). Take it out.`,
    );
  });

  it("refuses a line break, a value over 1,000 characters, and a keyword or camera id IA refuses", () => {
    expect(iaWriteProblem({ ...ok, action: "one\ntwo" })).toMatch(
      /^Action holds a line break, which Ingest Assistant refuses/,
    );
    expect(iaWriteProblem({ ...ok, location: "x".repeat(1001) })).toBe(
      "Location has 1001 characters; Ingest Assistant takes at most 1000.",
    );
    expect(iaWriteProblem({ ...ok, keywords: ["fine", "R&D"] })).toMatch(/^The keyword "R&D" holds "&"/);
    expect(iaWriteProblem({ ...ok, cameraId: "CAM;1" })).toMatch(/^Camera id holds ";"/);
    // the name IA validates as a whole (its mainName)
    expect(iaWriteProblem({ ...ok, location: "l".repeat(600), subject: "s".repeat(600) })).toMatch(
      /^The shot name has 1213 characters/,
    );
  });

  it("refuses what would read back differently: a field holding ', key=', a keyword holding ','", () => {
    expect(iaWriteProblem({ ...ok, location: "hall, subject=east" })).toBe(
      'Location holds ", subject=", which reads back as the start of another field in IA\'s logComment. Reword it.',
    );
    expect(iaWriteProblem({ ...ok, keywords: ["salt, pepper"] })).toBe(
      'The keyword "salt, pepper" holds a comma, and IA\'s description separates keywords with commas. Split it in two or take the comma out.',
    );
  });
});
