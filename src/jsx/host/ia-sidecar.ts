// IA's sidecars beside a clip's media: the fields a person locked (corrections file first, IA's
// file as the fallback) and, on Accept, the correction recorded in `.ingest-metadata-pp.json`
// (the rules: src/shared/metadata/ia-corrections.ts). IA's own file is never written. Where the
// folder has no IA sidecar, or cannot be written, nothing is written and the panel is told why.
import type { IaSidecarRecord, RecordCorrectionRequest, RecordCorrectionResult } from "../../shared/bridge/contract";
import {
  CORRECTIONS_SIDECAR_NAME,
  IA_SIDECAR_NAME,
  lockedFieldsOf,
  mergeCorrection,
} from "../../shared/metadata/ia-corrections";
import { requireClip } from "./items";

type Sidecar = { [key: string]: unknown };

function readJson(file: File): Sidecar | null {
  if (!file.exists) return null;
  file.encoding = "UTF-8";
  if (!file.open("r")) return null;
  try {
    var parsed = JSON.parse(file.read());
    return parsed && typeof parsed === "object" ? (parsed as Sidecar) : null;
  } catch (e) {
    return null; // unreadable JSON: treated as absent, never overwritten with a guess
  } finally {
    file.close();
  }
}

export function sidecarsOf(item: ProjectItem): { name: string; ia: File; corrections: File } {
  var path = item.getMediaPath();
  var folder = new File(path).parent;
  return {
    // the name as the sidecar spells it, from the path itself (File.name is URI-encoded)
    name: path.split(/[\\/]/).pop() || "",
    ia: new File(folder.fsName + "/" + IA_SIDECAR_NAME),
    corrections: new File(folder.fsName + "/" + CORRECTIONS_SIDECAR_NAME),
  };
}

export function readIaSidecar(nodeId: string): IaSidecarRecord {
  var files = sidecarsOf(requireClip(nodeId));
  var corrections = readJson(files.corrections);
  var sidecar = corrections || readJson(files.ia);
  if (!sidecar) return { source: null, lockedFields: [] };
  return {
    source: corrections ? "corrections" : "ia",
    lockedFields: lockedFieldsOf(sidecar, files.name),
  };
}

export function recordCorrection(request: RecordCorrectionRequest): RecordCorrectionResult {
  var files = sidecarsOf(requireClip(request.nodeId));
  var base = readJson(files.corrections) || readJson(files.ia);
  if (!base) return { written: false, file: null, reason: "no IA sidecar beside the media" };
  var merged = mergeCorrection(base, files.name, request.metadata, isoNow());
  if (!merged)
    return {
      written: false,
      file: files.corrections.fsName,
      reason: "nothing changed, or IA has no entry for this file",
    };
  var out = files.corrections;
  out.encoding = "UTF-8";
  out.lineFeed = "Unix";
  if (!out.open("w"))
    return { written: false, file: out.fsName, reason: "the media folder cannot be written: " + out.error };
  // json2 takes an indent as IA writes its files; types-for-adobe declares one argument only
  var json = (JSON as unknown as { stringify(v: unknown, r: null, indent: number): string }).stringify(merged, null, 2);
  var ok = out.write(json);
  out.close();
  return ok
    ? { written: true, file: out.fsName }
    : { written: false, file: out.fsName, reason: out.error || "write failed" };
}

/** ExtendScript's Date has no toISOString. */
function isoNow(): string {
  var d = new Date();
  var pad = function (n: number, width: number) {
    var s = String(n);
    while (s.length < width) s = "0" + s;
    return s;
  };
  return (
    d.getUTCFullYear() +
    "-" +
    pad(d.getUTCMonth() + 1, 2) +
    "-" +
    pad(d.getUTCDate(), 2) +
    "T" +
    pad(d.getUTCHours(), 2) +
    ":" +
    pad(d.getUTCMinutes(), 2) +
    ":" +
    pad(d.getUTCSeconds(), 2) +
    "." +
    pad(d.getUTCMilliseconds(), 3) +
    "Z"
  );
}
