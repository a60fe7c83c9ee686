// IA's corrections file (FACTS.md §1): `.ingest-metadata-pp.json` beside the media holds what a
// person confirmed, in IA's own schema. It starts as a copy of IA's `.ingest-metadata.json`; the
// clip's entry gets the edited fields, a new shotName, modifiedAt and modifiedBy "cep-panel". An
// unchanged entry is not rewritten, and IA's own file is never touched. Readers take the
// corrections file first and IA's file as the fallback. ES3-safe: the host runs it.
import type { IaMetadata } from "./ia-metadata";
import { shotName } from "./xmp-contract";

export var IA_SIDECAR_NAME = ".ingest-metadata.json";
export var CORRECTIONS_SIDECAR_NAME = ".ingest-metadata-pp.json";

type Sidecar = { [key: string]: unknown };
type Entry = { [key: string]: unknown };

var EDITED = ["location", "subject", "action", "shotType", "shotNumber", "keywords"];

function isEntry(value: unknown): value is Entry {
  return value !== null && typeof value === "object" && Object.prototype.toString.call(value) !== "[object Array]";
}

function withoutExtension(name: string): string {
  var dot = name.lastIndexOf(".");
  return dot > 0 ? name.substr(0, dot) : name;
}

/** The key of the media file's entry: by its current name, its original name, or its id. */
export function findEntryKey(sidecar: Sidecar, mediaFileName: string): string | null {
  var byOriginal: string | null = null;
  var byId: string | null = null;
  for (var key in sidecar) {
    if (!Object.prototype.hasOwnProperty.call(sidecar, key) || key.charAt(0) === "_") continue;
    var entry = sidecar[key];
    if (!isEntry(entry)) continue;
    if (entry.currentFilename === mediaFileName) return key;
    if (entry.originalFilename === mediaFileName && byOriginal === null) byOriginal = key;
    if (key === withoutExtension(mediaFileName) && byId === null) byId = key;
  }
  return byOriginal !== null ? byOriginal : byId;
}

/** Fields a person locked in IA for this media file, or [] when there is no entry. */
export function lockedFieldsOf(sidecar: Sidecar, mediaFileName: string): string[] {
  var key = findEntryKey(sidecar, mediaFileName);
  var entry = key === null ? null : sidecar[key];
  var locked = isEntry(entry) ? entry.lockedFields : null;
  var out: string[] = [];
  if (Object.prototype.toString.call(locked) === "[object Array]") {
    var list = locked as unknown[];
    for (var i = 0; i < list.length; i++) if (typeof list[i] === "string") out.push(list[i] as string);
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  if (
    Object.prototype.toString.call(a) === "[object Array]" &&
    Object.prototype.toString.call(b) === "[object Array]"
  ) {
    var x = a as unknown[];
    var y = b as unknown[];
    if (x.length !== y.length) return false;
    for (var i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  }
  var empty = function (v: unknown) {
    return v === undefined || v === null || v === "";
  };
  return a === b || (empty(a) && empty(b));
}

/**
 * The corrections file with this media file's entry updated, or null when there is nothing to
 * write (no entry for the file, or nothing changed). `base` is the corrections file when it
 * exists, else IA's file: the result is written as the corrections file either way.
 */
export function mergeCorrection(
  base: Sidecar,
  mediaFileName: string,
  confirmed: IaMetadata,
  nowIso: string,
): Sidecar | null {
  var key = findEntryKey(base, mediaFileName);
  if (key === null || !isEntry(base[key])) return null;
  var old = base[key] as Entry;
  var entry: Entry = {};
  for (var k in old) if (Object.prototype.hasOwnProperty.call(old, k)) entry[k] = old[k];
  var source = confirmed as unknown as Entry;
  var changed = false;
  for (var i = 0; i < EDITED.length; i++) {
    var field = EDITED[i];
    var value = source[field] === undefined ? null : source[field];
    if (field === "action" && value === null) value = "";
    if (!same(entry[field], value)) {
      entry[field] = value;
      changed = true;
    }
  }
  if (!changed) return null;
  entry.shotName = shotName({
    location: String(entry.location || ""),
    subject: String(entry.subject || ""),
    action: entry.fileType === "image" ? "" : String(entry.action || ""),
    shotType: String(entry.shotType || "") as IaMetadata["shotType"],
    shotNumber: typeof entry.shotNumber === "number" ? (entry.shotNumber as number) : null,
  });
  entry.modifiedAt = nowIso;
  entry.modifiedBy = "cep-panel";
  var out: Sidecar = {};
  for (var s in base) if (Object.prototype.hasOwnProperty.call(base, s)) out[s] = s === key ? entry : base[s];
  return out;
}
