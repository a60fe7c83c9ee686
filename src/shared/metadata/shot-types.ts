// IA and EAV name shot types differently (docs/facts/eav-shots.md); a suggestion that crosses them goes
// through this explicit mapping. null: no equivalent, the editor must choose.
import type { IaShotType } from "./ia-metadata";

export var EAV_SHOT_TYPES = ["WS", "MID", "CU", "FP", "OBJ-L", "OBJ-R", "UNDER"] as const;
export type EavShotType = (typeof EAV_SHOT_TYPES)[number];
export type EavMovementType = "Tracking" | "Establishing" | "Standard" | "Photos";

/** IA → EAV. TRACK and ESTAB describe movement in EAV (movement_type), not framing. */
export var IA_TO_EAV: { [K in IaShotType]: { shotType: EavShotType | null; movementType?: EavMovementType } } = {
  WS: { shotType: "WS" },
  MID: { shotType: "MID" },
  CU: { shotType: "CU" },
  UNDER: { shotType: "UNDER" },
  FP: { shotType: "FP" },
  TRACK: { shotType: null, movementType: "Tracking" },
  ESTAB: { shotType: null, movementType: "Establishing" },
};

/** EAV → IA. OBJ-L / OBJ-R (object left/right) have no IA framing of their own. */
export var EAV_TO_IA: { [K in EavShotType]: IaShotType | null } = {
  WS: "WS",
  MID: "MID",
  CU: "CU",
  FP: "FP",
  UNDER: "UNDER",
  "OBJ-L": null,
  "OBJ-R": null,
};

export function iaShotTypeForShot(shot: {
  shot_type?: string | null;
  movement_type?: string | null;
}): IaShotType | null {
  if (shot.movement_type === "Tracking") return "TRACK";
  if (shot.movement_type === "Establishing") return "ESTAB";
  var t = shot.shot_type as EavShotType | null | undefined;
  return t && Object.prototype.hasOwnProperty.call(EAV_TO_IA, t) ? EAV_TO_IA[t] : null;
}
