// The IA metadata model (docs/facts/ia-contract.md): the fields Ingest Assistant keeps per file, its shot-type
// vocabulary, and the fields a human can lock. Compiled into the ES3 host bundle too: no ES5+
// library calls at run time.

export var IA_SHOT_TYPES = ["WS", "MID", "CU", "UNDER", "FP", "TRACK", "ESTAB"] as const;
export type IaShotType = (typeof IA_SHOT_TYPES)[number];

/** Fields a human can lock so that automation never overwrites them. */
export var LOCKABLE_FIELDS = ["location", "subject", "action", "shotType", "shotNumber", "keywords"] as const;
export type LockableField = (typeof LOCKABLE_FIELDS)[number];

export interface IaMetadata {
  location: string;
  subject: string;
  /** video only; photos have none */
  action?: string | null;
  shotType: IaShotType;
  shotNumber?: number | null;
  keywords?: string[];
  lockedFields?: LockableField[];
  cameraId?: string | null;
  reviewedBy?: string | null;
  reviewedAt?: string | null;
  source?: string | null;
}

var ALLOWED = [
  "location",
  "subject",
  "action",
  "shotType",
  "shotNumber",
  "keywords",
  "lockedFields",
  "cameraId",
  "reviewedBy",
  "reviewedAt",
  "source",
];

function contains(list: ReadonlyArray<string>, value: string): boolean {
  for (var i = 0; i < list.length; i++) if (list[i] === value) return true;
  return false;
}

function isStringList(value: unknown): boolean {
  if (Object.prototype.toString.call(value) !== "[object Array]") return false;
  var list = value as unknown[];
  for (var i = 0; i < list.length; i++) if (typeof list[i] !== "string") return false;
  return true;
}

/**
 * Null when valid, else what is wrong. The same rules as the database's
 * media_references_private.metadata_problem (a test keeps the two in step).
 */
export function metadataProblem(value: unknown): string | null {
  if (value === null || typeof value !== "object" || Object.prototype.toString.call(value) === "[object Array]") {
    return "metadata must be a JSON object";
  }
  var m = value as { [key: string]: unknown };
  for (var key in m) {
    if (Object.prototype.hasOwnProperty.call(m, key) && !contains(ALLOWED, key)) {
      return 'unknown metadata field "' + key + '" (allowed: ' + ALLOWED.join(", ") + ")";
    }
  }
  var required = ["location", "subject", "shotType"];
  for (var r = 0; r < required.length; r++) {
    var v = m[required[r]];
    if (typeof v !== "string" || v.replace(/^\s+|\s+$/g, "").length === 0) {
      return '"' + required[r] + '" is required and must be a non-empty string';
    }
  }
  var optionalStrings = ["action", "cameraId", "reviewedBy", "reviewedAt", "source"];
  for (var o = 0; o < optionalStrings.length; o++) {
    var ov = m[optionalStrings[o]];
    if (ov !== undefined && ov !== null && typeof ov !== "string")
      return '"' + optionalStrings[o] + '" must be a string';
  }
  if (!contains(IA_SHOT_TYPES, m.shotType as string)) {
    return 'shotType "' + m.shotType + '" is not in the IA vocabulary (' + IA_SHOT_TYPES.join(", ") + ")";
  }
  var n = m.shotNumber;
  if (n !== undefined && n !== null && (typeof n !== "number" || Math.floor(n) !== n || n < 1)) {
    return '"shotNumber" must be a whole number of at least 1';
  }
  if (m.keywords !== undefined && !isStringList(m.keywords)) return '"keywords" must be a list of strings';
  if (m.lockedFields !== undefined) {
    var locked = m.lockedFields as unknown[];
    var ok = isStringList(locked);
    for (var l = 0; ok && l < locked.length; l++) ok = contains(LOCKABLE_FIELDS, locked[l] as string);
    if (!ok) return '"lockedFields" must list only: ' + LOCKABLE_FIELDS.join(", ");
  }
  return null;
}
