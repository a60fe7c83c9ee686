// The host side of "Check this Premiere" (src/jsx/host/self-check.ts, ADR 0023): what Premiere
// says of itself, and a scratch bin holding a copy of the sample clip, made and removed here.
// Whatever fails on the way in, what was made so far is removed before the failure is reported.
import type { FolderItem, Project, ProjectItem } from "@adobe/premierepro";
import {
  SELF_CHECK_BIN_PREFIX,
  type BeginSelfCheckRequest,
  type EndSelfCheckRequest,
  type EndSelfCheckResult,
  type HostInfo,
  type SelfCheckScratch,
} from "../../shared/bridge/contract";
import type { HostContext } from "./context";
import { HostFailure, fail, messageOf } from "./failure";
import { asFolder, describeItem, kindOf, locate, requireProject } from "./items";
import { removeFolder } from "./frames";
import { baseName, isInside, join, normalize } from "./paths";
import { transact } from "./transaction";

function scratchRoot(ctx: HostContext): string {
  return join(ctx.style, ctx.services.tempFolder, "reference-lookup-self-check");
}

export async function getHostInfo(ctx: HostContext): Promise<HostInfo> {
  return {
    premiereVersion: String(ctx.ppro.Application.version),
    premiereBuild: ctx.services.premiereBuild ?? "",
    os: ctx.services.os,
    // no ExtendScript and no QE in a UXP plugin
    extendScript: "",
    qe: false,
    // Media Encoder's queue, where this Premiere has it; the panel does not use it
    mediaEncoder: Boolean(ctx.ppro.EncoderManager),
  };
}

function isScratchBin(ctx: HostContext, item: ProjectItem): boolean {
  return kindOf(ctx, item) === "BIN" && item.name.indexOf(SELF_CHECK_BIN_PREFIX) === 0;
}

function removeItems(project: Project, parent: FolderItem, items: ProjectItem[]): void {
  if (!items.length) return;
  transact(
    project,
    "Self-check",
    () => items.map((item) => parent.createRemoveItemAction(item)),
    "HOST_EXCEPTION",
    "Premiere did not remove the scratch bin",
  );
}

/** Bins and folders an interrupted check left (the panel reloaded mid-way): removed first. */
async function sweepEarlier(ctx: HostContext, project: Project): Promise<void> {
  const root = await project.getRootItem();
  removeItems(
    project,
    root,
    (await root.getItems()).filter((item) => isScratchBin(ctx, item)),
  );
  await removeFolder(ctx, scratchRoot(ctx));
}

export async function beginSelfCheck(ctx: HostContext, request: BeginSelfCheckRequest): Promise<SelfCheckScratch> {
  const project = await requireProject(ctx);
  const files = ctx.services.files;
  const sample = request.sampleFile || ctx.services.sampleFile || "";
  if (!sample || (await files.kind(sample).catch(() => null)) !== "file") {
    throw fail(
      "IMPORT_FAILED",
      "The sample clip is not where the panel put it (" + (sample || "no path") + "). Reinstall the panel.",
    );
  }
  await sweepEarlier(ctx, project).catch(() => undefined); // an earlier run's leftovers are not this run's to fail on
  const stamp = ctx.services.now().getTime() + "-" + Math.floor(Math.random() * 1e6);
  const folder = join(ctx.style, scratchRoot(ctx), stamp);
  const binName = SELF_CHECK_BIN_PREFIX + stamp;
  let binId: string | undefined;
  try {
    try {
      await files.mkdir(folder);
    } catch (e) {
      throw fail("IMPORT_FAILED", "Could not make the folder " + folder + ": " + messageOf(e) + ".");
    }
    // a copy: Premiere may write XMP into the file it imported, and the plugin's own is read-only
    const copy = join(ctx.style, folder, baseName(sample));
    try {
      await files.write(copy, await files.read(sample));
    } catch (e) {
      throw fail("IMPORT_FAILED", "Could not copy the sample clip to " + folder + ": " + messageOf(e) + ".");
    }
    const root = await project.getRootItem();
    transact(
      project,
      "Self-check",
      () => [root.createBinAction(binName, false)],
      "IMPORT_FAILED",
      "Premiere did not make the scratch bin.",
    );
    const binItem = (await root.getItems()).find((item) => kindOf(ctx, item) === "BIN" && item.name === binName);
    if (!binItem) throw fail("IMPORT_FAILED", "Premiere did not make the scratch bin.");
    binId = binItem.getId();
    const bin = asFolder(ctx, binItem);
    await project.importFiles([copy], true, binItem, false);
    const clip = (await bin.getItems())[0];
    if (!clip) throw fail("IMPORT_FAILED", "Premiere did not import the sample clip " + copy + ".");
    const treePath = "\\" + root.name + "\\" + binName;
    return {
      binNodeId: binId,
      binName,
      clip: await describeItem(ctx, { item: clip, parent: binItem, treePath: treePath + "\\" + clip.name }),
      folder,
    };
  } catch (e) {
    const left = await endSelfCheck(ctx, { binNodeId: binId, folder });
    if (left.problems.length && e instanceof HostFailure)
      throw fail("IMPORT_FAILED", e.message + " Also: " + left.problems.join(" "));
    throw e;
  }
}

async function removeBin(ctx: HostContext, nodeId: string, removed: string[], problems: string[]): Promise<void> {
  const found = await locate(ctx, nodeId);
  if (!found) {
    removed.push("the scratch bin (already gone)");
    return;
  }
  if (!isScratchBin(ctx, found.item) || !found.parent) {
    problems.push("Item " + nodeId + " is not a self-check bin; it was left alone.");
    return;
  }
  const name = found.item.name;
  try {
    removeItems(await requireProject(ctx), asFolder(ctx, found.parent), [found.item]);
  } catch (e) {
    problems.push("Premiere did not delete the bin '" + name + "' (" + messageOf(e) + "): delete it by hand.");
    return;
  }
  if (await locate(ctx, nodeId)) problems.push("The bin '" + name + "' is still in the project: delete it by hand.");
  else removed.push("the bin '" + name + "' and the clip in it");
}

async function removeScratchFolder(ctx: HostContext, path: string, removed: string[], problems: string[]) {
  const normalized = normalize(path, ctx.style);
  if (!isInside(normalized, scratchRoot(ctx), ctx.style)) {
    problems.push("The folder " + normalized + " is not the self-check's; it was left alone.");
    return;
  }
  if ((await ctx.services.files.kind(normalized)) !== "folder") return;
  try {
    await removeFolder(ctx, normalized);
    removed.push("the sample's copy in " + normalized);
  } catch (e) {
    // on Windows, Premiere can hold a file it imported open a little longer
    problems.push("The sample's copy could not be deleted (" + messageOf(e) + "); it is in " + normalized + ".");
  }
}

export async function endSelfCheck(ctx: HostContext, request: EndSelfCheckRequest): Promise<EndSelfCheckResult> {
  const removed: string[] = [];
  const problems: string[] = [];
  if (request.binNodeId) {
    try {
      await removeBin(ctx, request.binNodeId, removed, problems);
    } catch (e) {
      problems.push("Removing the scratch bin failed: " + messageOf(e));
    }
  }
  if (request.folder) {
    try {
      await removeScratchFolder(ctx, request.folder, removed, problems);
    } catch (e) {
      problems.push("Removing the sample's copy failed: " + messageOf(e));
    }
  }
  return { removed, problems };
}
