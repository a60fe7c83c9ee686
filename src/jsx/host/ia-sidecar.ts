// IA's sidecars beside a clip's media, read per clip (src/shared/metadata/ia-corrections.ts,
// ADR 0022): the clip's entry in the corrections file when it has one, else in IA's file. On
// Accept the correction is recorded in `.ingest-metadata-pp.json`: only the clip's entry is
// replaced or added, every other byte of the file stays (json-text.ts). IA's own file is never
// written, and a sidecar that cannot be read is never overwritten: the panel is told why.
import type { IaSidecarRecord, RecordCorrectionRequest, RecordCorrectionResult } from "../../shared/bridge/contract";
import {
  CORRECTIONS_SIDECAR_NAME,
  IA_SIDECAR_NAME,
  correctedEntry,
  entryOf,
  lockedFieldsOf,
  shotNumberOf,
} from "../../shared/metadata/ia-corrections";
import { setMember, utf8Decode } from "../../shared/metadata/json-text";
import { requireClip } from "./items";
import { completeInterruptedReplace, replaceFile } from "./replace-file";

type Sidecar = { [key: string]: unknown };

/** A sidecar as read: absent (or empty), unreadable (and why), or its bytes and data. */
interface SidecarRead {
  file: File;
  bytes: string | null;
  data: Sidecar | null;
  unreadable: string | null;
}

function readSidecar(file: File): SidecarRead {
  var read: SidecarRead = { file: file, bytes: null, data: null, unreadable: null };
  if (!file.exists) return read;
  // BINARY: the bytes as they are, so that a rewrite keeps every byte it does not change
  file.encoding = "BINARY";
  if (!file.open("r")) {
    read.unreadable = "it cannot be opened" + (file.error ? ": " + file.error : "");
    return read;
  }
  var bytes: string;
  try {
    bytes = file.read();
  } finally {
    file.close();
  }
  if (bytes === "") return read; // an empty file holds nothing to keep
  var text = utf8Decode(bytes);
  if (text === null) {
    read.unreadable = "it is not UTF-8 text";
    return read;
  }
  var parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (e) {
    read.unreadable = "it is not valid JSON";
    return read;
  }
  if (!parsed || typeof parsed !== "object" || Object.prototype.toString.call(parsed) === "[object Array]") {
    read.unreadable = "it does not hold a JSON object";
    return read;
  }
  read.bytes = bytes;
  read.data = parsed as Sidecar;
  return read;
}

function unreadableWords(read: SidecarRead): string {
  return read.file.fsName + " cannot be read (" + read.unreadable + ")";
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

/** The clip's entry in each sidecar, per clip: the corrections file's first. */
function clipEntries(item: ProjectItem) {
  var files = sidecarsOf(item);
  completeInterruptedReplace(files.corrections);
  var corrections = readSidecar(files.corrections);
  var ia = readSidecar(files.ia);
  var inCorrections = entryOf(corrections.data, files.name);
  var inIa = entryOf(ia.data, files.name);
  return { corrections: corrections, ia: ia, inCorrections: inCorrections, inIa: inIa, hit: inCorrections || inIa };
}

/** IA's shot number for the clip: its entry in IA's file, else in the corrections file; null: none. */
export function iaShotNumber(item: ProjectItem): number | null {
  var found = clipEntries(item);
  var n = shotNumberOf(found.inIa ? found.inIa.entry : null);
  return n !== null ? n : shotNumberOf(found.inCorrections ? found.inCorrections.entry : null);
}

export function readIaSidecar(nodeId: string): IaSidecarRecord {
  var found = clipEntries(requireClip(nodeId));
  var record: IaSidecarRecord = {
    source: found.inCorrections ? "corrections" : found.inIa ? "ia" : null,
    lockedFields: lockedFieldsOf(found.hit ? found.hit.entry : null),
    shotNumber: shotNumberOf(found.inIa ? found.inIa.entry : found.hit ? found.hit.entry : null),
  };
  var problems: string[] = [];
  if (found.corrections.unreadable)
    problems.push(
      "IA's corrections file " +
        unreadableWords(found.corrections) +
        ": it is left as it is, and no correction is recorded in it until it is repaired or removed",
    );
  if (found.ia.unreadable)
    problems.push("IA's file " + unreadableWords(found.ia) + ": its locks and shot numbers are not known");
  if (problems.length) record.problem = problems.join(". ") + ".";
  return record;
}

export function recordCorrection(request: RecordCorrectionRequest): RecordCorrectionResult {
  var found = clipEntries(requireClip(request.nodeId));
  var out = found.corrections.file;
  if (found.corrections.unreadable)
    return {
      written: false,
      file: out.fsName,
      problem:
        unreadableWords(found.corrections) +
        ", so it was left as it is and this correction is not in it. Repair or remove that file, then accept the clip again.",
    };
  if (!found.hit) {
    if (found.ia.unreadable)
      return {
        written: false,
        file: out.fsName,
        problem:
          "IA's file " +
          unreadableWords(found.ia) +
          ", so the clip's entry could not be found. Repair it, then accept again.",
      };
    if (!found.corrections.data && !found.ia.data)
      return { written: false, file: null, reason: "no IA sidecar beside the media" };
    return { written: false, file: out.fsName, reason: "IA has no entry for this file" };
  }
  var entry = correctedEntry(found.hit.entry, request.metadata, isoNow());
  if (!entry) return { written: false, file: out.fsName, reason: "nothing changed" };
  // the corrections file when there is one, else a copy of IA's file: only this entry differs
  var base = (found.corrections.bytes !== null ? found.corrections.bytes : found.ia.bytes) as string;
  var bytes: string;
  try {
    bytes = setMember(base, found.hit.key, entry);
  } catch (e) {
    // JSON.parse took it, our scan did not: leave the file rather than guess
    return { written: false, file: out.fsName, problem: "the sidecar's JSON could not be updated in place: " + e };
  }
  var problem = replaceFile(out, bytes);
  return problem === null
    ? { written: true, file: out.fsName }
    : { written: false, file: out.fsName, problem: problem };
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
