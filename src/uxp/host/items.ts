// Project items: the walk through every bin, lookup by id, and the record the panel gets — the
// same records as src/jsx/host/items.ts, read through the UXP DOM's asynchronous calls.
import type { ClipProjectItem, FolderItem, Project, ProjectItem } from "@adobe/premierepro";
import type { ItemKind, ProjectItemRecord } from "../../shared/bridge/contract";
import type { HostContext } from "./context";
import { fail } from "./failure";

const STILL_EXTENSIONS = /\.(jpe?g|png|tiff?|psd|bmp|gif|heic|webp|dpx|exr|tga)$/i;
const NUMBERED = /\d{3,}\.[A-Za-z0-9]+$/;

/** An item as the walk met it: where it is, and the bin holding it. */
export interface Located {
  item: ProjectItem;
  /** the bin (or root) holding it; null where not known */
  parent: ProjectItem | null;
  treePath: string;
}

export async function requireProject(ctx: HostContext): Promise<Project> {
  let project: Project | null;
  try {
    project = (await ctx.ppro.Project.getActiveProject()) ?? null;
  } catch {
    project = null;
  }
  if (!project) throw fail("NO_PROJECT", "No Premiere project is open. Open or create a project, then try again.");
  return project;
}

export function kindOf(ctx: HostContext, item: ProjectItem): ItemKind {
  const T = ctx.ppro.ProjectItem;
  if (item.type === T.TYPE_BIN) return "BIN";
  if (item.type === T.TYPE_ROOT) return "ROOT";
  if (item.type === T.TYPE_FILE) return "FILE";
  return "CLIP";
}

export function isContainer(ctx: HostContext, item: ProjectItem): boolean {
  const kind = kindOf(ctx, item);
  return kind === "BIN" || kind === "ROOT";
}

export function asFolder(ctx: HostContext, item: ProjectItem): FolderItem {
  return ctx.ppro.FolderItem.cast(item);
}

export function asClip(ctx: HostContext, item: ProjectItem): ClipProjectItem {
  return ctx.ppro.ClipProjectItem.cast(item);
}

export async function rootOf(project: Project): Promise<{ root: FolderItem; treePath: string }> {
  const root = await project.getRootItem();
  return { root, treePath: "\\" + root.name };
}

/** The root as a project item, located. */
export async function rootLocated(ctx: HostContext, project: Project): Promise<Located> {
  const { root, treePath } = await rootOf(project);
  return { item: ctx.ppro.ProjectItem.cast(root), parent: null, treePath };
}

/** The items of a bin, each with its tree path. */
export async function childrenOf(ctx: HostContext, folder: FolderItem, treePath: string): Promise<Located[]> {
  const items = await folder.getItems();
  const parent = ctx.ppro.ProjectItem.cast(folder);
  return items.map((item) => ({ item, parent, treePath: treePath + "\\" + item.name }));
}

/** Depth first through every bin, in Project panel order; stops early when visit returns true. */
export async function walkItems(ctx: HostContext, visit: (found: Located) => boolean | void): Promise<void> {
  const { root, treePath } = await rootOf(await requireProject(ctx));
  const walk = async (folder: FolderItem, path: string): Promise<boolean> => {
    for (const found of await childrenOf(ctx, folder, path)) {
      if (visit(found) === true) return true;
      if (kindOf(ctx, found.item) === "BIN" && (await walk(asFolder(ctx, found.item), found.treePath))) return true;
    }
    return false;
  };
  await walk(root, treePath);
}

export async function locate(ctx: HostContext, nodeId: string): Promise<Located | null> {
  let hit: Located | null = null;
  await walkItems(ctx, (found) => {
    if (found.item.getId() !== nodeId) return false;
    hit = found;
    return true;
  });
  return hit;
}

export async function findItem(ctx: HostContext, nodeId: string): Promise<Located> {
  const found = await locate(ctx, nodeId);
  if (!found)
    throw fail("NOT_FOUND", "No project item with id " + nodeId + ": it may have been deleted. Refresh the clip list.");
  return found;
}

async function isSequenceItem(ctx: HostContext, item: ProjectItem): Promise<boolean> {
  if (kindOf(ctx, item) !== "CLIP") return false;
  try {
    return await asClip(ctx, item).isSequence();
  } catch {
    return false;
  }
}

/** A clip with media: not a bin, not a sequence. */
export async function requireClip(ctx: HostContext, nodeId: string): Promise<Located & { clip: ClipProjectItem }> {
  const found = await findItem(ctx, nodeId);
  const sequence = await isSequenceItem(ctx, found.item);
  const clip = kindOf(ctx, found.item) === "CLIP" && !sequence ? asClip(ctx, found.item) : null;
  if (!clip || !(await clip.getMediaFilePath())) {
    const what = sequence ? "sequence" : kindOf(ctx, found.item).toLowerCase();
    throw fail("NOT_A_CLIP", "'" + found.item.name + "' is a " + what + ", not a clip with media.");
  }
  return { ...found, clip };
}

async function videoInfo(ctx: HostContext, item: ProjectItem): Promise<{ width: number; height: number } | null> {
  const packet = await ctx.ppro.Metadata.getProjectMetadata(item);
  const match = /Column\.Intrinsic\.VideoInfo(?:>|=")\s*(\d+)\s*x\s*(\d+)/.exec(packet);
  return match ? { width: parseInt(match[1], 10), height: parseInt(match[2], 10) } : null;
}

/** The clip's in and out points (ticks), video first: an audio-only clip has no video ones. */
export async function inOutTicks(
  ctx: HostContext,
  clip: ClipProjectItem,
): Promise<{ inTicks: string; outTicks: string }> {
  const M = ctx.ppro.Constants.MediaType;
  for (const type of [M.VIDEO, M.ANY]) {
    try {
      const [a, b] = await Promise.all([clip.getInPoint(type), clip.getOutPoint(type)]);
      return { inTicks: a.ticks, outTicks: b.ticks };
    } catch {
      // try the next media type
    }
  }
  return { inTicks: "0", outTicks: "0" };
}

export async function describeItem(ctx: HostContext, found: Located): Promise<ProjectItemRecord> {
  const { item } = found;
  const kind = kindOf(ctx, item);
  const sequence = await isSequenceItem(ctx, item);
  const record: ProjectItemRecord = {
    nodeId: item.getId(),
    name: item.name,
    treePath: found.treePath,
    type: kind,
    isSequence: sequence,
    mediaPath: null,
    inPointTicks: null,
    outPointTicks: null,
    durationTicks: null,
    frameRate: null,
    width: null,
    height: null,
    offline: false,
    still: false,
    imageSequence: false,
  };
  if (kind !== "CLIP" || sequence) return record;
  const clip = asClip(ctx, item);
  const mediaPath = await clip.getMediaFilePath();
  record.mediaPath = mediaPath || null;
  record.offline = await clip.isOffline();
  const { inTicks, outTicks } = await inOutTicks(ctx, clip);
  record.inPointTicks = inTicks;
  record.outPointTicks = outTicks;
  record.durationTicks = String(parseFloat(outTicks) - parseFloat(inTicks));
  const interpretation = await clip.getFootageInterpretation().catch(() => null);
  const rate = interpretation ? interpretation.getFrameRate() : 0;
  record.frameRate = rate ? rate : null;
  const size = await videoInfo(ctx, item);
  if (size) {
    record.width = size.width;
    record.height = size.height;
  }
  if (STILL_EXTENSIONS.test(mediaPath)) {
    record.imageSequence = NUMBERED.test(mediaPath) && !!record.frameRate && parseFloat(record.durationTicks) > 0;
    record.still = !record.imageSequence;
  }
  return record;
}

/** The tree path of an item met outside the walk (a selection, a track item): its parents' names. */
export async function locateItem(ctx: HostContext, item: ProjectItem): Promise<Located> {
  return (await locate(ctx, item.getId())) ?? { item, parent: null, treePath: "\\" + item.name };
}
