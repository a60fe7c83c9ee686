// What both hosts decide from IA's two sidecars beside a clip's media (ADR 0022), apart from how
// they read and write files: a sidecar's bytes judged readable or not, the clip's entry found
// (the corrections file's first), the record the panel reads, and what Accept records. The
// ExtendScript host (src/jsx/host/ia-sidecar.ts) and the UXP host (src/uxp/host/ia-sidecar.ts)
// do only the I/O. ES3-safe: the ExtendScript host runs it.
import type { IaSidecarRecord, RecordCorrectionResult } from "../bridge/contract";
import type { IaMetadata } from "./ia-metadata";
import { correctedEntry, entryOf, lockedFieldsOf, shotNumberOf, type IaEntry } from "./ia-corrections";
import { setMember, utf8Decode } from "./json-text";

type Sidecar = { [key: string]: unknown };

/** A sidecar as read: absent (or empty), unreadable (and why), or its bytes and data. */
export interface SidecarRead {
  /** the file's path as the host spells it */
  file: string;
  /** one character per byte; null: absent, empty or unreadable */
  bytes: string | null;
  data: Sidecar | null;
  unreadable: string | null;
}

/** A sidecar the host could not open: its reason in plain words. */
export function unopenedSidecar(file: string, why: string): SidecarRead {
  return { file: file, bytes: null, data: null, unreadable: why };
}

/** Judges a sidecar's bytes (null: no such file). An empty file holds nothing to keep. */
export function parseSidecar(file: string, bytes: string | null): SidecarRead {
  var read: SidecarRead = { file: file, bytes: null, data: null, unreadable: null };
  if (bytes === null || bytes === "") return read;
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
  return read.file + " cannot be read (" + read.unreadable + ")";
}

type Found = { key: string; entry: IaEntry } | null;

/** Both sidecars as read, and the clip's entry in each; `hit` is the one that counts. */
export interface ClipEntries {
  corrections: SidecarRead;
  ia: SidecarRead;
  inCorrections: Found;
  inIa: Found;
  hit: Found;
}

/** The clip's entry in each sidecar, per clip: the corrections file's first. */
export function clipEntriesOf(name: string, corrections: SidecarRead, ia: SidecarRead): ClipEntries {
  var inCorrections = entryOf(corrections.data, name);
  var inIa = entryOf(ia.data, name);
  return { corrections: corrections, ia: ia, inCorrections: inCorrections, inIa: inIa, hit: inCorrections || inIa };
}

/** IA's shot number for the clip: its entry in IA's file, else in the corrections file; null: none. */
export function iaShotNumberOf(found: ClipEntries): number | null {
  var n = shotNumberOf(found.inIa ? found.inIa.entry : null);
  return n !== null ? n : shotNumberOf(found.inCorrections ? found.inCorrections.entry : null);
}

/** What the panel reads of the clip's sidecars, with any unreadable one said in plain words. */
export function sidecarRecordOf(found: ClipEntries): IaSidecarRecord {
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

/** What Accept records: the corrections file's new bytes to write (and where), or the answer when nothing
 * is written (nothing changed, no entry, a sidecar that cannot be read or updated in place). */
export function correctionPlan(
  found: ClipEntries,
  metadata: IaMetadata,
  nowIso: string,
): { write: string; file: string } | { result: RecordCorrectionResult } {
  var out = found.corrections.file;
  if (found.corrections.unreadable)
    return {
      result: {
        written: false,
        file: out,
        problem:
          unreadableWords(found.corrections) +
          ", so it was left as it is and this correction is not in it. Repair or remove that file, then accept the clip again.",
      },
    };
  if (!found.hit) {
    if (found.ia.unreadable)
      return {
        result: {
          written: false,
          file: out,
          problem:
            "IA's file " +
            unreadableWords(found.ia) +
            ", so the clip's entry could not be found. Repair it, then accept again.",
        },
      };
    if (!found.corrections.data && !found.ia.data)
      return { result: { written: false, file: null, reason: "no IA sidecar beside the media" } };
    return { result: { written: false, file: out, reason: "IA has no entry for this file" } };
  }
  var entry = correctedEntry(found.hit.entry, metadata, nowIso);
  if (!entry) return { result: { written: false, file: out, reason: "nothing changed" } };
  // the corrections file when there is one, else a copy of IA's file: only this entry differs
  var base = (found.corrections.bytes !== null ? found.corrections.bytes : found.ia.bytes) as string;
  try {
    return { write: setMember(base, found.hit.key, entry), file: out };
  } catch (e) {
    // JSON.parse took it, our scan did not: leave the file rather than guess
    return {
      result: { written: false, file: out, problem: "the sidecar's JSON could not be updated in place: " + e },
    };
  }
}
