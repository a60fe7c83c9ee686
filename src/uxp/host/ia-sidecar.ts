// IA's sidecars beside a clip's media (src/jsx/host/ia-sidecar.ts, ADR 0022), through the shared
// contract in src/shared/metadata: the clip's entry in the corrections file when it has one, else
// in IA's; on Accept only the clip's entry in `.ingest-metadata-pp.json` is replaced or added and
// every other byte stays, the file replaced whole (replace-file.ts). IA's own file is never
// written; an unreadable sidecar never overwritten.
import type { ClipProjectItem } from "@adobe/premierepro";
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
import { bytesToBinary } from "./bytes";
import type { HostContext } from "./context";
import { messageOf } from "./failure";
import { requireClip } from "./items";
import { baseName, join, parentOf } from "./paths";
import { completeInterruptedReplace, replaceFile } from "./replace-file";

/** The file's bytes as a byte string, or null when there is no such file. */
export async function readBytes(ctx: HostContext, file: string): Promise<string | null> {
  if ((await ctx.services.files.kind(file)) !== "file") return null;
  return bytesToBinary(await ctx.services.files.read(file));
}

async function readSidecar(ctx: HostContext, file: string): Promise<SidecarRead> {
  try {
    return parseSidecar(file, await readBytes(ctx, file));
  } catch (e) {
    return unopenedSidecar(file, "it cannot be opened: " + messageOf(e));
  }
}

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
  return clipEntriesOf(files.name, await readSidecar(ctx, files.corrections), await readSidecar(ctx, files.ia));
}

/** IA's shot number for the clip: its entry in IA's file, else in the corrections file; null: none. */
export async function iaShotNumber(ctx: HostContext, clip: ClipProjectItem): Promise<number | null> {
  return iaShotNumberOf(await clipEntries(ctx, clip));
}

export async function readIaSidecar(ctx: HostContext, nodeId: string): Promise<IaSidecarRecord> {
  return sidecarRecordOf(await clipEntries(ctx, (await requireClip(ctx, nodeId)).clip));
}

export async function recordCorrection(
  ctx: HostContext,
  request: RecordCorrectionRequest,
): Promise<RecordCorrectionResult> {
  const found = await clipEntries(ctx, (await requireClip(ctx, request.nodeId)).clip);
  const plan = correctionPlan(found, request.metadata, ctx.services.now().toISOString());
  if ("result" in plan) return plan.result;
  const problem = await replaceFile(ctx, plan.file, plan.write);
  return problem ? { written: false, file: plan.file, problem } : { written: true, file: plan.file };
}
