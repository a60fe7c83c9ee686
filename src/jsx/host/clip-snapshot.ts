// What a batch accept needs to be undone exactly: the clip's raw XMP packet, the panel's project
// columns, and the bytes of IA's corrections file beside the media (ADR 0017). Restoring writes
// the packet back as it was read, so the XMP is byte-identical; the corrections file is read and
// written in BINARY so that neither encoding nor line ends change a byte, and replaced whole
// (replace-file.ts).
import type { ClipSnapshot, RestoreClipRequest, RestoreClipResult, RestoreOutcome } from "../../shared/bridge/contract";
import { fingerprint } from "../../shared/metadata/fingerprint";
import { fail } from "../dispatch";
import { sidecarsOf } from "./ia-sidecar";
import { requireClip } from "./items";
import { COLUMNS, PROJECT_NS, ensureXmpLibrary, registerColumns, text } from "./metadata";
import { requireProject } from "./project";
import { completeInterruptedReplace, replaceFile } from "./replace-file";

function readBytes(file: File): string | null {
  if (!file.exists) return null;
  file.encoding = "BINARY";
  if (!file.open("r")) return null;
  try {
    return file.read();
  } finally {
    file.close();
  }
}

function columnsOf(item: ProjectItem): { [name: string]: string } {
  ensureXmpLibrary();
  var packet = new (XMPMeta as XMPMetaConstructor)(item.getProjectMetadata());
  var columns: { [name: string]: string } = {};
  for (var i = 0; i < COLUMNS.length; i++) columns[COLUMNS[i].name] = text(packet, PROJECT_NS, COLUMNS[i].name);
  return columns;
}

export function snapshotClip(nodeId: string): ClipSnapshot {
  var item = requireClip(nodeId);
  var xmp = item.getXMPMetadata();
  var corrections = sidecarsOf(item).corrections;
  completeInterruptedReplace(corrections);
  var bytes = readBytes(corrections);
  return {
    nodeId: nodeId,
    xmp: xmp,
    xmpFingerprint: fingerprint(xmp),
    columns: columnsOf(item),
    corrections: { file: corrections.fsName, bytes: bytes, fingerprint: bytes === null ? "" : fingerprint(bytes) },
  };
}

function restoreColumns(item: ProjectItem, values: { [name: string]: string }): RestoreOutcome {
  var before = columnsOf(item);
  var packet = new (XMPMeta as XMPMetaConstructor)(item.getProjectMetadata());
  var names: string[] = [];
  for (var i = 0; i < COLUMNS.length; i++) {
    var name = COLUMNS[i].name;
    // Premiere has no call that removes a column value: an unset column goes back to ""
    var value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : "";
    if (before[name] === value) continue;
    packet.setProperty(PROJECT_NS, name, value);
    names.push(name);
  }
  if (!names.length) return "unchanged";
  registerColumns(requireProject());
  item.setProjectMetadata(packet.serialize(), names);
  return "restored";
}

function restoreCorrections(
  item: ProjectItem,
  request: RestoreClipRequest,
): { outcome: RestoreOutcome; reason?: string } {
  if (!request.corrections) return { outcome: "unchanged" };
  var file = sidecarsOf(item).corrections;
  completeInterruptedReplace(file);
  var now = readBytes(file);
  var want = request.corrections.bytes;
  if (now === want) return { outcome: "unchanged" };
  var expected = request.ifUnchanged ? request.ifUnchanged.corrections : undefined;
  if (expected !== undefined && (now === null ? "" : fingerprint(now)) !== expected)
    return { outcome: "changed", reason: file.fsName + " changed after the batch and was kept" };
  if (want === null) {
    return file.remove()
      ? { outcome: "removed" }
      : { outcome: "failed", reason: "could not remove " + file.fsName + ": " + file.error };
  }
  var problem = replaceFile(file, want);
  return problem ? { outcome: "failed", reason: problem } : { outcome: "restored" };
}

export function restoreClip(request: RestoreClipRequest): RestoreClipResult {
  var item = requireClip(request.nodeId);
  var current = item.getXMPMetadata();
  if (request.ifUnchanged && fingerprint(current) !== request.ifUnchanged.xmp && current !== request.xmp) {
    // the editor (or another tool) wrote to the clip after the batch: their values stay
    return {
      nodeId: request.nodeId,
      xmp: "changed",
      columns: "changed",
      corrections: "changed",
      reason: "'" + item.name + "' was changed after the batch accept, so it was kept as it is now.",
    };
  }
  var xmp: RestoreOutcome = "unchanged";
  if (current !== request.xmp) {
    if (item.setXMPMetadata(request.xmp) === false)
      throw fail("METADATA_FAILED", "Premiere refused to put back the XMP of '" + item.name + "'.");
    xmp = "restored";
  }
  var columns = restoreColumns(item, request.columns);
  var corrections = restoreCorrections(item, request);
  var result: RestoreClipResult = {
    nodeId: request.nodeId,
    xmp: xmp,
    columns: columns,
    corrections: corrections.outcome,
  };
  if (corrections.reason) result.reason = corrections.reason;
  return result;
}
