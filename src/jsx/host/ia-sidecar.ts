// IA's sidecars beside a clip's media, read per clip (src/shared/metadata/ia-corrections.ts,
// ADR 0022): the clip's entry in the corrections file when it has one, else in IA's file. On
// Accept the correction is recorded in `.ingest-metadata-pp.json`: only the clip's entry is
// replaced or added, every other byte of the file stays (json-text.ts). IA's own file is never
// written, and a sidecar that cannot be read is never overwritten: the panel is told why.
import type { IaSidecarRecord, RecordCorrectionRequest, RecordCorrectionResult } from "../../shared/bridge/contract";
import { CORRECTIONS_SIDECAR_NAME, IA_SIDECAR_NAME } from "../../shared/metadata/ia-corrections";
import {
  clipEntriesOf,
  correctionPlan,
  iaShotNumberOf,
  parseSidecar,
  sidecarRecordOf,
  unopenedSidecar,
  type SidecarRead,
} from "../../shared/metadata/ia-sidecar-rules";
import { requireClip } from "./items";
import { completeInterruptedReplace, replaceFile } from "./replace-file";

function readSidecar(file: File): SidecarRead {
  if (!file.exists) return parseSidecar(file.fsName, null);
  // BINARY: the bytes as they are, so that a rewrite keeps every byte it does not change
  file.encoding = "BINARY";
  if (!file.open("r"))
    return unopenedSidecar(file.fsName, "it cannot be opened" + (file.error ? ": " + file.error : ""));
  var bytes: string;
  try {
    bytes = file.read();
  } finally {
    file.close();
  }
  return parseSidecar(file.fsName, bytes);
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
  return clipEntriesOf(files.name, readSidecar(files.corrections), readSidecar(files.ia));
}

/** IA's shot number for the clip: its entry in IA's file, else in the corrections file; null: none. */
export function iaShotNumber(item: ProjectItem): number | null {
  return iaShotNumberOf(clipEntries(item));
}

export function readIaSidecar(nodeId: string): IaSidecarRecord {
  return sidecarRecordOf(clipEntries(requireClip(nodeId)));
}

export function recordCorrection(request: RecordCorrectionRequest): RecordCorrectionResult {
  var plan = correctionPlan(clipEntries(requireClip(request.nodeId)), request.metadata, isoNow());
  if ("result" in plan) return plan.result;
  var out = new File(plan.file);
  var problem = replaceFile(out, plan.write);
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
