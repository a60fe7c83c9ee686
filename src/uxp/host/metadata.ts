// Clip metadata (src/jsx/host/metadata.ts): IA's XMP contract and the panel's Project panel
// columns. Locked fields keep their values, IA's shot number is kept (ADR 0022), values IA would
// refuse are refused before anything is written, every other XMP property is left as it was. The
// XMP and the columns are written in one transaction: one undo step in Premiere.
import type { ClipProjectItem, ProjectItem } from "@adobe/premierepro";
import type { ClipMetadataRecord, WriteMetadataRequest, WriteMetadataResult } from "../../shared/bridge/contract";
import type { IaMetadata } from "../../shared/metadata/ia-metadata";
import { iaWriteProblem } from "../../shared/metadata/ia-values";
import { NS_DC, NS_DM, fromXmpFields, toXmpFields } from "../../shared/metadata/xmp-contract";
import type { HostContext } from "./context";
import { fail } from "./failure";
import { iaShotNumber } from "./ia-sidecar";
import { requireClip, requireProject } from "./items";
import type { XmpMetaLike } from "./services";
import { transact } from "./transaction";

export const PROJECT_NS = "http://ns.adobe.com/premierePrivateProjectMetaData/1.0/";

/** The Project panel columns (the same as the ExtendScript host's). */
export const COLUMNS = [
  { name: "IALocation", label: "IA Location" },
  { name: "IASubject", label: "IA Subject" },
  { name: "IAAction", label: "IA Action" },
  { name: "IAShotType", label: "IA Shot Type" },
  { name: "IAShot", label: "IA Shot" },
  { name: "IAKeywords", label: "IA Keywords" },
  { name: "IAReference", label: "IA Reference" },
];

export async function registerColumns(ctx: HostContext): Promise<void> {
  const project = await requireProject(ctx);
  if (ctx.state.registeredColumns.has(project.path)) return;
  const M = ctx.ppro.Metadata;
  for (const column of COLUMNS)
    await M.addPropertyToProjectMetadataSchema(column.name, column.label, M.METADATA_TYPE_TEXT);
  ctx.state.registeredColumns.add(project.path);
}

export function text(xmp: XmpMetaLike, ns: string, name: string): string {
  const prop = xmp.getProperty(ns, name);
  return prop && prop.value !== undefined && prop.value !== null ? String(prop.value) : "";
}

export function parseXmp(ctx: HostContext, packet: string): XmpMetaLike {
  return new ctx.services.xmp.XMPMeta(packet);
}

/** A damaged packet is reported, never overwritten: rewriting it would lose what it holds. */
async function readXmp(ctx: HostContext, item: ProjectItem): Promise<XmpMetaLike> {
  const packet = await ctx.ppro.Metadata.getXMPMetadata(item);
  try {
    return parseXmp(ctx, packet);
  } catch {
    throw fail(
      "METADATA_FAILED",
      "The XMP metadata of '" +
        item.name +
        "' is damaged and cannot be read, so nothing was written. Repair or clear it in Premiere's Metadata panel, then accept again.",
    );
  }
}

function currentMetadata(xmp: XmpMetaLike): Partial<IaMetadata> {
  const description = xmp.getLocalizedText(NS_DC, "description", null, "x-default");
  return fromXmpFields(text(xmp, NS_DM, "logComment"), description ? String(description) : "");
}

export async function columnsPacket(ctx: HostContext, item: ProjectItem): Promise<XmpMetaLike> {
  return parseXmp(ctx, await ctx.ppro.Metadata.getProjectMetadata(item));
}

export async function readClipMetadata(ctx: HostContext, nodeId: string): Promise<ClipMetadataRecord> {
  const { item } = await requireClip(ctx, nodeId);
  const xmp = await readXmp(ctx, item);
  const packet = await columnsPacket(ctx, item);
  const columns: { [label: string]: string } = {};
  for (const column of COLUMNS) {
    const value = text(packet, PROJECT_NS, column.name);
    if (value) columns[column.label] = value;
  }
  return {
    nodeId,
    metadata: currentMetadata(xmp),
    shotName: text(xmp, NS_DM, "shotName"),
    tapeName: text(xmp, NS_DM, "tapeName"),
    columns,
  };
}

function applyLocks(next: IaMetadata, current: Partial<IaMetadata>, kept: string[]): IaMetadata {
  const merged: Record<string, unknown> = { ...next };
  const have = current as Record<string, unknown>;
  for (const field of next.lockedFields || []) {
    const value = have[field];
    const present =
      value !== undefined &&
      value !== null &&
      value !== "" &&
      !(field === "keywords" && (value as string[]).length === 0);
    if (present) {
      merged[field] = value;
      kept.push(field);
    }
  }
  return merged as unknown as IaMetadata;
}

async function withIaShotNumber(
  ctx: HostContext,
  next: IaMetadata,
  current: Partial<IaMetadata>,
  clip: ClipProjectItem,
): Promise<IaMetadata> {
  const ia = await iaShotNumber(ctx, clip);
  const number = ia !== null ? ia : current.shotNumber ? current.shotNumber : next.shotNumber;
  return { ...next, shotNumber: number || null };
}

export async function writeClipMetadata(ctx: HostContext, request: WriteMetadataRequest): Promise<WriteMetadataResult> {
  const { item, clip } = await requireClip(ctx, request.nodeId);
  const refused = iaWriteProblem(request.metadata);
  if (refused) throw fail("INVALID_ARGUMENTS", refused + " Nothing was written to '" + item.name + "'.");
  const xmp = await readXmp(ctx, item);
  const kept: string[] = [];
  const current = currentMetadata(xmp);
  const metadata = applyLocks(await withIaShotNumber(ctx, request.metadata, current, clip), current, kept);
  const fields = toXmpFields(metadata);
  xmp.setProperty(NS_DM, "shotName", fields.shotName);
  xmp.setProperty(NS_DM, "logComment", fields.logComment);
  xmp.setLocalizedText(NS_DC, "description", null, "x-default", fields.description);
  let tapeNameWritten = false;
  if (metadata.cameraId && !text(xmp, NS_DM, "tapeName")) {
    xmp.setProperty(NS_DM, "tapeName", metadata.cameraId);
    tapeNameWritten = true;
  }
  await registerColumns(ctx);
  const columns = await columnsPacket(ctx, item);
  const values = [
    metadata.location,
    metadata.subject,
    metadata.action || "",
    metadata.shotType,
    metadata.shotNumber ? "#" + metadata.shotNumber : "",
    fields.description,
    request.referenceStatus || "",
  ];
  COLUMNS.forEach((column, i) => columns.setProperty(PROJECT_NS, column.name, values[i]));
  const M = ctx.ppro.Metadata;
  transact(
    await requireProject(ctx),
    "Accept",
    () => [
      M.createSetXMPMetadataAction(item, xmp.serialize()),
      M.createSetProjectMetadataAction(
        item,
        columns.serialize(),
        COLUMNS.map((c) => c.name),
      ),
    ],
    "METADATA_FAILED",
    "Premiere refused the metadata update for '" + item.name + "'. Is the media read-only or offline?",
  );
  return { nodeId: request.nodeId, metadata, keptLocked: kept, tapeNameWritten };
}
