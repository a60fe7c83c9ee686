// IA's corrections file (docs/facts/ia-contract.md, ADR 0022): `.ingest-metadata-pp.json` beside the media holds
// what a person confirmed, in IA's own schema, and is read per clip: the clip's entry there when
// it has one, else its entry in IA's `.ingest-metadata.json` (values and locks alike). Accept
// merges the edited fields into that entry, keeps IA's shot number (sequential within the folder
// and immutable), recomputes the shotName with it, and stamps modifiedAt and modifiedBy
// "cep-panel". An unchanged entry is not rewritten, and IA's own file is never touched.
// ES3-safe: the host runs it.
import type { IaMetadata } from "./ia-metadata";
import { shotName } from "./xmp-contract";

export var IA_SIDECAR_NAME = ".ingest-metadata.json";
export var CORRECTIONS_SIDECAR_NAME = ".ingest-metadata-pp.json";

type Sidecar = { [key: string]: unknown };
export type IaEntry = { [key: string]: unknown };

/** What a correction may change; the shot number is IA's and is not among them. */
var EDITED = ["location", "subject", "action", "shotType", "keywords"];

function isEntry(value: unknown): value is IaEntry {
  return value !== null && typeof value === "object" && Object.prototype.toString.call(value) !== "[object Array]";
}

function isList(value: unknown): boolean {
  return Object.prototype.toString.call(value) === "[object Array]";
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

/** The media file's entry and its key, or null when the sidecar has none. */
export function entryOf(sidecar: Sidecar | null, mediaFileName: string): { key: string; entry: IaEntry } | null {
  if (!sidecar) return null;
  var key = findEntryKey(sidecar, mediaFileName);
  return key === null ? null : { key: key, entry: sidecar[key] as IaEntry };
}

/** Fields a person locked in IA, from an entry ([] without one). */
export function lockedFieldsOf(entry: IaEntry | null): string[] {
  var out: string[] = [];
  var locked = entry ? entry.lockedFields : null;
  if (isList(locked)) {
    var list = locked as unknown[];
    for (var i = 0; i < list.length; i++) if (typeof list[i] === "string") out.push(list[i] as string);
  }
  return out;
}

/** IA's shot number in an entry, or null. */
export function shotNumberOf(entry: IaEntry | null): number | null {
  var n = entry ? entry.shotNumber : null;
  return typeof n === "number" && n > 0 && Math.floor(n) === n ? n : null;
}

function same(a: unknown, b: unknown): boolean {
  if (isList(a) && isList(b)) {
    var x = a as unknown[];
    var y = b as unknown[];
    if (x.length !== y.length) return false;
    for (var i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  }
  var empty = function (v: unknown) {
    return v === undefined || v === null || v === "" || (isList(v) && (v as unknown[]).length === 0);
  };
  return a === b || (empty(a) && empty(b));
}

/**
 * The entry with the confirmed fields merged in, or null when nothing changed (the entry is then
 * not rewritten). The input is not changed.
 */
export function correctedEntry(old: IaEntry, confirmed: IaMetadata, nowIso: string): IaEntry | null {
  var entry: IaEntry = {};
  for (var k in old) if (Object.prototype.hasOwnProperty.call(old, k)) entry[k] = old[k];
  var source = confirmed as unknown as IaEntry;
  var changed = false;
  for (var i = 0; i < EDITED.length; i++) {
    var field = EDITED[i];
    var value = source[field];
    // IA's types: strings are "" when unset, keywords always a list
    if (field === "keywords") value = isList(value) ? value : [];
    else if (value === undefined || value === null) value = "";
    if (!same(entry[field], value)) {
      entry[field] = value;
      changed = true;
    }
  }
  if (!changed) return null;
  if (!isList(entry.keywords)) entry.keywords = [];
  // IA's naming: a photo's name leaves the action out; the number is IA's, added once
  entry.shotName = shotName({
    location: String(entry.location || ""),
    subject: String(entry.subject || ""),
    action: entry.fileType === "image" ? "" : String(entry.action || ""),
    shotType: String(entry.shotType || "") as IaMetadata["shotType"],
    shotNumber: shotNumberOf(entry),
  });
  entry.modifiedAt = nowIso;
  entry.modifiedBy = "cep-panel";
  return entry;
}
