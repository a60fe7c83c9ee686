// What a batch accept needs to be undone exactly (src/jsx/host/clip-snapshot.ts, ADR 0017): the raw
// XMP packet, the panel's project columns and the bytes of IA's corrections file beside the media.
import type { ProjectItem } from "@adobe/premierepro";
import type { ClipSnapshot, RestoreClipRequest, RestoreClipResult, RestoreOutcome } from "../../shared/bridge/contract";
import { fingerprint } from "../../shared/metadata/fingerprint";
import type { HostContext } from "./context";
import { messageOf } from "./failure";
import { readBytes, sidecarsOf } from "./ia-sidecar";
import { completeInterruptedReplace, replaceFile } from "./replace-file";
import { requireClip, requireProject } from "./items";
import { COLUMNS, PROJECT_NS, columnsPacket, registerColumns, text } from "./metadata";
import { transact } from "./transaction";

async function columnsOf(ctx: HostContext, item: ProjectItem): Promise<{ [name: string]: string }> {
  const packet = await columnsPacket(ctx, item);
  const columns: { [name: string]: string } = {};
  for (const column of COLUMNS) columns[column.name] = text(packet, PROJECT_NS, column.name);
  return columns;
}

export async function snapshotClip(ctx: HostContext, nodeId: string): Promise<ClipSnapshot> {
  const { item, clip } = await requireClip(ctx, nodeId);
  const xmp = await ctx.ppro.Metadata.getXMPMetadata(item);
  const file = (await sidecarsOf(ctx, clip)).corrections;
  await completeInterruptedReplace(ctx, file);
  const bytes = await readBytes(ctx, file).catch(() => null);
  return {
    nodeId,
    xmp,
    xmpFingerprint: fingerprint(xmp),
    columns: await columnsOf(ctx, item),
    corrections: { file, bytes, fingerprint: bytes === null ? "" : fingerprint(bytes) },
  };
}

async function restoreCorrections(
  ctx: HostContext,
  file: string,
  request: RestoreClipRequest,
): Promise<{ outcome: RestoreOutcome; reason?: string }> {
  if (!request.corrections) return { outcome: "unchanged" };
  await completeInterruptedReplace(ctx, file);
  const now = await readBytes(ctx, file).catch(() => null);
  const want = request.corrections.bytes;
  if (now === want) return { outcome: "unchanged" };
  const expected = request.ifUnchanged ? request.ifUnchanged.corrections : undefined;
  if (expected !== undefined && (now === null ? "" : fingerprint(now)) !== expected)
    return { outcome: "changed", reason: file + " changed after the batch and was kept" };
  if (want === null) {
    try {
      await ctx.services.files.remove(file);
      return { outcome: "removed" };
    } catch (e) {
      return { outcome: "failed", reason: "could not remove " + file + ": " + messageOf(e) };
    }
  }
  const problem = await replaceFile(ctx, file, want);
  return problem ? { outcome: "failed", reason: problem } : { outcome: "restored" };
}

export async function restoreClip(ctx: HostContext, request: RestoreClipRequest): Promise<RestoreClipResult> {
  const { item, clip } = await requireClip(ctx, request.nodeId);
  const M = ctx.ppro.Metadata;
  const current = await M.getXMPMetadata(item);
  if (request.ifUnchanged && fingerprint(current) !== request.ifUnchanged.xmp && current !== request.xmp) {
    return {
      nodeId: request.nodeId,
      xmp: "changed",
      columns: "changed",
      corrections: "changed",
      reason: "'" + item.name + "' was changed after the batch accept, so it was kept as it is now.",
    };
  }
  const xmp: RestoreOutcome = current !== request.xmp ? "restored" : "unchanged";
  const before = await columnsOf(ctx, item);
  const packet = await columnsPacket(ctx, item);
  const names: string[] = [];
  for (const { name } of COLUMNS) {
    // Premiere has no call that removes a column value: an unset column goes back to ""
    const value = Object.prototype.hasOwnProperty.call(request.columns, name) ? request.columns[name] : "";
    if (before[name] === value) continue;
    packet.setProperty(PROJECT_NS, name, value);
    names.push(name);
  }
  if (names.length) await registerColumns(ctx);
  if (xmp === "restored" || names.length) {
    transact(
      await requireProject(ctx),
      "Undo batch accept",
      () => [
        ...(xmp === "restored" ? [M.createSetXMPMetadataAction(item, request.xmp)] : []),
        ...(names.length ? [M.createSetProjectMetadataAction(item, packet.serialize(), names)] : []),
      ],
      "METADATA_FAILED",
      "Premiere refused to put back the metadata of '" + item.name + "'.",
    );
  }
  const corrections = await restoreCorrections(ctx, (await sidecarsOf(ctx, clip)).corrections, request);
  const result: RestoreClipResult = {
    nodeId: request.nodeId,
    xmp,
    columns: names.length ? "restored" : "unchanged",
    corrections: corrections.outcome,
  };
  if (corrections.reason) result.reason = corrections.reason;
  return result;
}
