// IA's sidecars beside a clip's media (src/jsx/host/ia-sidecar.ts, ADR 0022), through the shared
// contract in src/shared/metadata: the clip's entry in the corrections file when it has one, else
// in IA's; on Accept only the clip's entry in `.ingest-metadata-pp.json` is replaced or added and
// every other byte stays, the file replaced whole (replace-file.ts). IA's own file is never
// written; an unreadable sidecar never overwritten.
import type { ClipProjectItem } from "@adobe/premierepro";
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
import { bytesToBinary } from "./bytes";
import type { HostContext } from "./context";
import { messageOf } from "./failure";
import { requireClip } from "./items";
import { baseName, join, parentOf } from "./paths";
import { completeInterruptedReplace, replaceFile } from "./replace-file";

type Sidecar = { [key: string]: unknown };

interface SidecarRead {
  file: string;
  /** the bytes, one character per byte; null: absent or empty */
  bytes: string | null;
  data: Sidecar | null;
  unreadable: string | null;
}

/** The file's bytes as a byte string, or null when there is no such file. */
export async function readBytes(ctx: HostContext, file: string): Promise<string | null> {
  if ((await ctx.services.files.kind(file)) !== "file") return null;
  return bytesToBinary(await ctx.services.files.read(file));
}

async function readSidecar(ctx: HostContext, file: string): Promise<SidecarRead> {
  const read: SidecarRead = { file, bytes: null, data: null, unreadable: null };
  let bytes: string | null;
  try {
    bytes = await readBytes(ctx, file);
  } catch (e) {
    read.unreadable = "it cannot be opened: " + messageOf(e);
    return read;
  }
  if (bytes === null || bytes === "") return read;
  const text = utf8Decode(bytes);
  if (text === null) {
    read.unreadable = "it is not UTF-8 text";
    return read;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch {
    read.unreadable = "it is not valid JSON";
    return read;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    read.unreadable = "it does not hold a JSON object";
    return read;
  }
  read.bytes = bytes;
  read.data = parsed as Sidecar;
  return read;
}

const unreadableWords = (read: SidecarRead) => read.file + " cannot be read (" + read.unreadable + ")";

export async function sidecarsOf(
  ctx: HostContext,
  clip: ClipProjectItem,
): Promise<{ name: string; ia: string; corrections: string }> {
  const path = await clip.getMediaFilePath();
  const folder = parentOf(path, ctx.style);
  return {
    name: baseName(path),
    ia: join(ctx.style, folder, IA_SIDECAR_NAME),
    corrections: join(ctx.style, folder, CORRECTIONS_SIDECAR_NAME),
  };
}

async function clipEntries(ctx: HostContext, clip: ClipProjectItem) {
  const files = await sidecarsOf(ctx, clip);
  await completeInterruptedReplace(ctx, files.corrections);
  const corrections = await readSidecar(ctx, files.corrections);
  const ia = await readSidecar(ctx, files.ia);
  const inCorrections = entryOf(corrections.data, files.name);
  const inIa = entryOf(ia.data, files.name);
  return { corrections, ia, inCorrections, inIa, hit: inCorrections || inIa };
}

/** IA's shot number for the clip: its entry in IA's file, else in the corrections file; null: none. */
export async function iaShotNumber(ctx: HostContext, clip: ClipProjectItem): Promise<number | null> {
  const found = await clipEntries(ctx, clip);
  const n = shotNumberOf(found.inIa ? found.inIa.entry : null);
  return n !== null ? n : shotNumberOf(found.inCorrections ? found.inCorrections.entry : null);
}

export async function readIaSidecar(ctx: HostContext, nodeId: string): Promise<IaSidecarRecord> {
  const found = await clipEntries(ctx, (await requireClip(ctx, nodeId)).clip);
  const record: IaSidecarRecord = {
    source: found.inCorrections ? "corrections" : found.inIa ? "ia" : null,
    lockedFields: lockedFieldsOf(found.hit ? found.hit.entry : null),
    shotNumber: shotNumberOf(found.inIa ? found.inIa.entry : found.hit ? found.hit.entry : null),
  };
  const problems: string[] = [];
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

export async function recordCorrection(
  ctx: HostContext,
  request: RecordCorrectionRequest,
): Promise<RecordCorrectionResult> {
  const found = await clipEntries(ctx, (await requireClip(ctx, request.nodeId)).clip);
  const out = found.corrections.file;
  if (found.corrections.unreadable)
    return {
      written: false,
      file: out,
      problem:
        unreadableWords(found.corrections) +
        ", so it was left as it is and this correction is not in it. Repair or remove that file, then accept the clip again.",
    };
  if (!found.hit) {
    if (found.ia.unreadable)
      return {
        written: false,
        file: out,
        problem:
          "IA's file " +
          unreadableWords(found.ia) +
          ", so the clip's entry could not be found. Repair it, then accept again.",
      };
    if (!found.corrections.data && !found.ia.data)
      return { written: false, file: null, reason: "no IA sidecar beside the media" };
    return { written: false, file: out, reason: "IA has no entry for this file" };
  }
  const entry = correctedEntry(found.hit.entry, request.metadata, ctx.services.now().toISOString());
  if (!entry) return { written: false, file: out, reason: "nothing changed" };
  const base = (found.corrections.bytes !== null ? found.corrections.bytes : found.ia.bytes) as string;
  let bytes: string;
  try {
    bytes = setMember(base, found.hit.key, entry);
  } catch (e) {
    return { written: false, file: out, problem: "the sidecar's JSON could not be updated in place: " + e };
  }
  const problem = await replaceFile(ctx, out, bytes);
  return problem ? { written: false, file: out, problem } : { written: true, file: out };
}
