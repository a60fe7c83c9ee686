// IA's corrections file: which entry is the clip's, its locks, and what Accept merges into it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findEntryKey, lockedFieldsOf, mergeCorrection } from "../../src/shared/metadata/ia-corrections";
import { ROOT } from "../../src/testing/paths";

const ia = () =>
  JSON.parse(
    fs.readFileSync(path.join(ROOT, "tests/fixtures/ia-library/shoot-day-1/.ingest-metadata.json"), "utf8"),
  ) as Record<string, unknown>;

describe("IA's corrections file", () => {
  it("finds a clip's entry by its current name, its original name, or its id", () => {
    const sidecar = ia();
    expect(findEntryKey(sidecar, "kitchen-oven-WS-#1.jpg")).toBe("EB001559"); // renamed by IA
    expect(findEntryKey(sidecar, "EB001559.JPG")).toBe("EB001559"); // the camera's name
    expect(findEntryKey(sidecar, "EB001560.MP4")).toBe("EB001560");
    expect(findEntryKey(sidecar, "nobody.mov")).toBeNull();
    expect(findEntryKey(sidecar, "_schema")).toBeNull();
  });

  it("reads the fields a person locked", () => {
    const sidecar = ia();
    (sidecar.EB001560 as { lockedFields: string[] }).lockedFields = ["subject", "keywords"];
    expect(lockedFieldsOf(sidecar, "EB001560.MP4")).toEqual(["subject", "keywords"]);
    expect(lockedFieldsOf(sidecar, "kitchen-oven-WS-#1.jpg")).toEqual([]);
    expect(lockedFieldsOf(sidecar, "nobody.mov")).toEqual([]);
  });

  it("merges the confirmed fields into the clip's entry only, renames it, and stamps it", () => {
    const sidecar = ia();
    const merged = mergeCorrection(
      sidecar,
      "EB001560.MP4",
      { location: "kitchen", subject: "tap", action: "rinsing", shotType: "CU", shotNumber: 2, keywords: ["tap"] },
      "2026-11-24T10:00:00.000Z",
    )!;
    expect(merged.EB001560).toMatchObject({
      subject: "tap",
      shotType: "CU",
      keywords: ["tap"],
      shotName: "kitchen-tap-rinsing-CU-#2",
      modifiedAt: "2026-11-24T10:00:00.000Z",
      modifiedBy: "cep-panel",
      createdBy: "ingest-assistant",
      currentFilename: "EB001560.MP4",
    });
    expect(merged.EB001559).toEqual(sidecar.EB001559);
    expect(merged._schema).toBe("2.0");
    // the input is not changed: IA's own file is never touched
    expect((sidecar.EB001560 as { subject: string }).subject).toBe("sink");
  });

  it("an image keeps IA's naming without action", () => {
    const merged = mergeCorrection(
      ia(),
      "kitchen-oven-WS-#1.jpg",
      { location: "kitchen", subject: "hob", shotType: "CU", shotNumber: 1, keywords: ["oven", "door"] },
      "2026-11-24T10:00:00.000Z",
    )!;
    expect(merged.EB001559).toMatchObject({ subject: "hob", action: "", shotName: "kitchen-hob-CU-#1" });
  });

  it("writes nothing when nothing changed or the file has no entry", () => {
    const same = { location: "kitchen", subject: "sink", action: "rinsing", shotType: "MID" as const, shotNumber: 2 };
    expect(mergeCorrection(ia(), "EB001560.MP4", { ...same, keywords: ["sink", "water"] }, "now")).toBeNull();
    expect(mergeCorrection(ia(), "other.mov", { ...same, keywords: [] }, "now")).toBeNull();
  });
});
