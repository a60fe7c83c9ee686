import { describe, expect, it } from "vitest";
import { IA_SHOT_TYPES } from "../../src/shared/metadata/ia-metadata";
import { EAV_SHOT_TYPES, EAV_TO_IA, IA_TO_EAV, iaShotTypeForShot } from "../../src/shared/metadata/shot-types";

describe("IA ⇄ EAV shot-type mapping (the vocabularies differ, docs/facts/eav-shots.md)", () => {
  it("maps every IA type, and the shared framings both ways", () => {
    expect(Object.keys(IA_TO_EAV).sort()).toEqual([...IA_SHOT_TYPES].sort());
    expect(Object.keys(EAV_TO_IA).sort()).toEqual([...EAV_SHOT_TYPES].sort());
    for (const t of ["WS", "MID", "CU", "UNDER", "FP"] as const) {
      expect(IA_TO_EAV[t].shotType).toBe(t);
      expect(EAV_TO_IA[t]).toBe(t);
    }
  });

  it("treats TRACK and ESTAB as EAV movement types, and OBJ-L/OBJ-R as having no IA framing", () => {
    expect(IA_TO_EAV.TRACK).toEqual({ shotType: null, movementType: "Tracking" });
    expect(IA_TO_EAV.ESTAB).toEqual({ shotType: null, movementType: "Establishing" });
    expect(EAV_TO_IA["OBJ-L"]).toBeNull();
    expect(iaShotTypeForShot({ shot_type: "WS", movement_type: "Tracking" })).toBe("TRACK");
    expect(iaShotTypeForShot({ shot_type: "CU", movement_type: "Standard" })).toBe("CU");
    expect(iaShotTypeForShot({ shot_type: "OBJ-R", movement_type: "Standard" })).toBeNull();
    expect(iaShotTypeForShot({ shot_type: "nonsense" })).toBeNull();
  });
});
