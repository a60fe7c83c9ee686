// The open project, its listing, and records for given ids (src/jsx/host/project.ts, snapshot.ts).
import type { ProjectInfo, ProjectItemRecord, ProjectListing } from "../../shared/bridge/contract";
import type { HostContext } from "./context";
import { describeItem, kindOf, requireProject, walkItems, type Located } from "./items";

export async function getProjectInfo(ctx: HostContext): Promise<ProjectInfo> {
  const project = await requireProject(ctx);
  const root = await project.getRootItem();
  return {
    name: project.name,
    path: project.path,
    hostVersion: String(ctx.ppro.Application.version),
    rootItemCount: (await root.getItems()).length,
  };
}

async function everyItem(ctx: HostContext): Promise<Located[]> {
  const all: Located[] = [];
  await walkItems(ctx, (found) => void all.push(found));
  return all;
}

/** Every item by node id, in one walk (selections and timelines look many up). */
export async function indexItems(ctx: HostContext): Promise<Map<string, Located>> {
  const index = new Map<string, Located>();
  for (const found of await everyItem(ctx)) index.set(found.item.getId(), found);
  return index;
}

export async function getProjectSnapshot(ctx: HostContext): Promise<ProjectListing> {
  const items: ProjectItemRecord[] = [];
  for (const found of await everyItem(ctx)) items.push(await describeItem(ctx, found));
  return { project: await getProjectInfo(ctx), items };
}

export async function listClipIds(ctx: HostContext): Promise<string[]> {
  const ids: string[] = [];
  for (const found of await everyItem(ctx)) {
    if (kindOf(ctx, found.item) !== "CLIP") continue;
    const sequence = await ctx.ppro.ClipProjectItem.cast(found.item)
      .isSequence()
      .catch(() => true);
    if (!sequence) ids.push(found.item.getId());
  }
  return ids;
}

export async function getClips(
  ctx: HostContext,
  nodeIds: string[],
): Promise<{ clips: ProjectItemRecord[]; missing: string[] }> {
  const index = await indexItems(ctx);
  const clips: ProjectItemRecord[] = [];
  const missing: string[] = [];
  for (const id of nodeIds) {
    const found = index.get(id);
    if (found) clips.push(await describeItem(ctx, found));
    else missing.push(id);
  }
  return { clips, missing };
}
