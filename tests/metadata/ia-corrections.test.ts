// IA's corrections file, per clip (docs/facts/ia-contract.md, ADR 0022): which entry is the clip's, its locks,
// IA's shot number, and the entry Accept writes. From eav-cep-assist's writeJSONMetadata and
// computeShotName cases and IA's MetadataStore behaviour.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  correctedEntry,
  entryOf,
  findEntryKey,
  lockedFieldsOf,
  shotNumberOf,
  type IaEntry,
} from "../../src/shared/metadata/ia-corrections";
import type { IaMetadata } from "../../src/shared/metadata/ia-metadata";
import { ROOT } from "../../src/testing/paths";

const ia = () =>
  JSON.parse(
    fs.readFileSync(path.join(ROOT, "tests/fixtures/ia-library/shoot-day-1/.ingest-metadata.json"), "utf8"),
  ) as Record<string, IaEntry>;
const NOW = "2026-12-06T10:00:00.000Z";

describe("finding the clip's entry", () => {
  it("by its current name (a file IA renamed), its original name, or its id", () => {
    const sidecar = ia();
    expect(findEntryKey(sidecar, "kitchen-oven-WS-#1.jpg")).toBe("EB001559"); // renamed by IA
    expect(findEntryKey(sidecar, "EB001559.JPG")).toBe("EB001559"); // the camera's name
    expect(findEntryKey(sidecar, "EB001560.MP4")).toBe("EB001560");
    expect(findEntryKey(sidecar, "nobody.mov")).toBeNull();
    expect(findEntryKey(sidecar, "_schema")).toBeNull();
  });

  it("reads the locks and IA's shot number from the entry", () => {
    const sidecar = ia();
    sidecar.EB001560.lockedFields = ["subject", "keywords"];
    expect(lockedFieldsOf(entryOf(sidecar, "EB001560.MP4")!.entry)).toEqual(["subject", "keywords"]);
    expect(lockedFieldsOf(entryOf(sidecar, "nobody.mov")?.entry ?? null)).toEqual([]);
    expect(shotNumberOf(entryOf(sidecar, "EB001560.MP4")!.entry)).toBe(2);
    expect(shotNumberOf({ shotNumber: null })).toBe(null);
  });
});

describe("correctedEntry", () => {
  const sink = () => ia().EB001560;

  it("merges the confirmed fields, renames with IA's number, stamps it, and leaves the input alone", () => {
    const old = sink();
    const entry = correctedEntry(
      old,
      { location: "kitchen", subject: "tap", action: "rinsing", shotType: "CU", shotNumber: 2, keywords: ["tap"] },
      NOW,
    )!;
    expect(entry).toMatchObject({
      subject: "tap",
      shotType: "CU",
      keywords: ["tap"],
      shotName: "kitchen-tap-rinsing-CU-#2",
      modifiedAt: NOW,
      modifiedBy: "cep-panel",
      createdBy: "ingest-assistant",
      currentFilename: "EB001560.MP4",
      shotNumber: 2,
    });
    expect(old.subject).toBe("sink");
  });

  it("never changes IA's shot number: a planned shot's #12 is not it, and none does not drop it", () => {
    const oven: IaEntry = { ...ia().EB001559, subject: "oven", shotType: "CU", shotName: "kitchen-oven-CU-#1" };
    const linked = correctedEntry(oven, { location: "kitchen", subject: "hob", shotType: "CU", shotNumber: 12 }, NOW)!;
    expect(linked).toMatchObject({ shotNumber: 1, shotName: "kitchen-hob-CU-#1" });
    const without = correctedEntry(oven, { location: "kitchen", subject: "hob", shotType: "CU" }, NOW)!;
    expect(without).toMatchObject({ shotNumber: 1, shotName: "kitchen-hob-CU-#1" });
    // only the number differs: nothing to record
    expect(
      correctedEntry(
        oven,
        { location: "kitchen", subject: "oven", shotType: "CU", shotNumber: 12, keywords: ["oven", "door"] },
        NOW,
      ),
    ).toBe(null);
  });

  it("names a photo without its action, as IA's photo naming does", () => {
    const entry = correctedEntry(
      ia().EB001559,
      { location: "kitchen", subject: "hob", action: "frying", shotType: "CU", keywords: ["oven", "door"] },
      NOW,
    )!;
    expect(entry).toMatchObject({ subject: "hob", action: "frying", shotName: "kitchen-hob-CU-#1" });
  });

  it("adds the number once, where IA's own flow wrote it twice", () => {
    const doubled: IaEntry = { ...sink(), shotNumber: 5, shotName: "kitchen-sink-rinsing-MID-#5-#5" };
    expect(
      correctedEntry(doubled, { location: "kitchen", subject: "tap", action: "rinsing", shotType: "MID" }, NOW),
    ).toMatchObject({
      shotName: "kitchen-tap-rinsing-MID-#5",
    });
  });

  it("writes keywords as a list, never null, even from an entry without them", () => {
    const legacy: IaEntry = { ...sink(), keywords: null };
    const entry = correctedEntry(
      legacy,
      { location: "kitchen", subject: "tap", action: "rinsing", shotType: "MID" },
      NOW,
    )!;
    expect(entry.keywords).toEqual([]);
    const v1: IaEntry = { ...sink() };
    delete v1.keywords;
    expect(
      correctedEntry(
        v1,
        { location: "kitchen", subject: "tap", action: "rinsing", shotType: "MID", keywords: ["tap"] },
        NOW,
      )!.keywords,
    ).toEqual(["tap"]);
  });

  it("returns null when nothing a person edits changed, so the entry is not rewritten", () => {
    const same: IaMetadata = {
      location: "kitchen",
      subject: "sink",
      action: "rinsing",
      shotType: "MID",
      keywords: ["sink", "water"],
    };
    expect(correctedEntry(sink(), same, NOW)).toBe(null);
    expect(correctedEntry({ ...sink(), keywords: null }, { ...same, keywords: [] }, NOW)).toBe(null);
  });
});
