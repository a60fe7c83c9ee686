// Frame grab (src/jsx/host/frames.ts) through the UXP DOM's only frame export,
// Exporter.exportSequenceFrame, from a temporary sequence made from the clip
// (Project.createSequenceFromMedia), polling for the files Premiere writes. 26.3.2 writes
// "frame.png" as "frame.png.png": both are looked for. The temporary sequence is always deleted;
// on failure so are the partial files.
import type { ClipProjectItem, Project, Sequence } from "@adobe/premierepro";
import type {
  ExportedFrame,
  ExportFrameAtRequest,
  ExportFramesRequest,
  ExportFramesResult,
} from "../../shared/bridge/contract";
import { DEFAULT_FRAME_FRACTIONS, frameOffsets } from "../../shared/frames/frame-times";
import { mediaOfflineMessage } from "../../shared/messages";
import type { HostContext } from "./context";
import { fail, messageOf } from "./failure";
import { inOutTicks, requireClip, requireProject, type Located } from "./items";
import { isInside, join, normalize } from "./paths";
import { activeSequence } from "./selection";
import { transact } from "./transaction";

const POLL_MS = 50;

export function framesRoot(ctx: HostContext): string {
  return join(ctx.style, ctx.services.tempFolder, "reference-lookup-frames");
}

async function findExported(ctx: HostContext, base: string): Promise<string | null> {
  for (const candidate of [base, base + ".png"]) {
    if ((await ctx.services.files.kind(candidate)) === "file" && (await ctx.services.files.size(candidate)) > 0)
      return candidate;
  }
  return null;
}

async function waitForFile(ctx: HostContext, base: string, timeoutMs: number): Promise<string | null> {
  for (let waited = 0; waited <= timeoutMs; waited += POLL_MS) {
    const found = await findExported(ctx, base);
    if (found) return found;
    await ctx.services.sleep(POLL_MS);
  }
  return null;
}

export async function removeFolder(ctx: HostContext, folder: string): Promise<number> {
  const files = ctx.services.files;
  if ((await files.kind(folder)) !== "folder") return 0;
  const names = await files.list(folder);
  for (const name of names) {
    const path = join(ctx.style, folder, name);
    if ((await files.kind(path)) === "folder") await removeFolder(ctx, path);
    else await files.remove(path);
  }
  await files.remove(folder);
  return names.length;
}

async function rootBin(ctx: HostContext, project: Project) {
  return ctx.ppro.ProjectItem.cast(await project.getRootItem());
}

async function grabFrames(
  ctx: HostContext,
  found: Located & { clip: ClipProjectItem },
  offsets: number[],
  fractions: number[],
  timeoutMs: number,
): Promise<ExportFramesResult> {
  const { ppro } = ctx;
  const project = await requireProject(ctx);
  const { inTicks } = await inOutTicks(ctx, found.clip);
  const nodeId = found.item.getId();
  const stamp = ctx.services.now().getTime() + "-" + Math.floor(Math.random() * 1e6);
  const folder = join(ctx.style, framesRoot(ctx), nodeId + "-" + stamp);
  await ctx.services.files.mkdir(folder);
  const previous = await activeSequence(project);
  let sequence: Sequence | null = null;
  const frames: ExportedFrame[] = [];
  try {
    sequence =
      (await project
        .createSequenceFromMedia("Reference Lookup frame grab " + stamp, [found.clip], await rootBin(ctx, project))
        .catch(() => null)) ?? null;
    if (!sequence)
      throw fail("EXPORT_FAILED", "Premiere could not make a temporary sequence from '" + found.item.name + "'.");
    const size = await sequence.getFrameSize();
    for (let i = 0; i < offsets.length; i++) {
      const name = "frame-" + (i + 1) + ".png";
      const time = ppro.TickTime.createWithTicks(String(offsets[i]));
      try {
        // the answer is the file: Premiere writes it after the call returns
        await ppro.Exporter.exportSequenceFrame(sequence, time, name, folder, size.width, size.height);
      } catch (e) {
        throw fail(
          "EXPORT_FAILED",
          "Premiere could not export frame " + (i + 1) + " of '" + found.item.name + "': " + messageOf(e),
        );
      }
      const file = await waitForFile(ctx, join(ctx.style, folder, name), timeoutMs);
      if (!file) {
        throw fail(
          "EXPORT_TIMEOUT",
          "Premiere did not write frame " + (i + 1) + " of '" + found.item.name + "' within " + timeoutMs + " ms.",
        );
      }
      frames.push({ fraction: fractions[i], ticks: String(parseFloat(inTicks) + offsets[i]), path: file });
    }
  } catch (e) {
    await removeFolder(ctx, folder).catch(() => 0);
    throw e;
  } finally {
    if (sequence) await project.deleteSequence(sequence).catch(() => false);
    if (previous) await project.setActiveSequence(previous).catch(() => false);
  }
  return { nodeId, folder, frames };
}

async function requireOnline(ctx: HostContext, nodeId: string) {
  const found = await requireClip(ctx, nodeId);
  if (await found.clip.isOffline()) throw fail("MEDIA_OFFLINE", mediaOfflineMessage(found.item.name));
  return found;
}

export async function exportFrames(ctx: HostContext, request: ExportFramesRequest): Promise<ExportFramesResult> {
  const found = await requireOnline(ctx, request.nodeId);
  const fractions = request.fractions || DEFAULT_FRAME_FRACTIONS;
  const { inTicks, outTicks } = await inOutTicks(ctx, found.clip);
  return grabFrames(ctx, found, frameOffsets(inTicks, outTicks, fractions), fractions, request.timeoutMs || 15000);
}

/** One source frame at a media time. A time outside the clip's in–out range is reached by
 * clearing the clip's in and out points for the grab; they are put back afterwards. */
export async function exportFrameAt(ctx: HostContext, request: ExportFrameAtRequest): Promise<ExportFramesResult> {
  const found = await requireOnline(ctx, request.nodeId);
  const timeoutMs = request.timeoutMs || 15000;
  const wanted = parseFloat(request.ticks);
  const { inTicks, outTicks } = await inOutTicks(ctx, found.clip);
  const start = parseFloat(inTicks);
  const span = parseFloat(outTicks) - start;
  const fraction = span > 0 ? (wanted - start) / span : 0;
  const inside = wanted >= start && (wanted < parseFloat(outTicks) || span <= 0);
  if (inside) return grabFrames(ctx, found, [wanted - start], [fraction], timeoutMs);
  const project = await requireProject(ctx);
  const { clip } = found;
  transact(
    project,
    "Frame grab",
    () => [clip.createClearInOutPointsAction()],
    "EXPORT_FAILED",
    "Premiere did not clear the in and out points of '" + found.item.name + "' for the frame grab.",
  );
  try {
    const full = parseFloat((await inOutTicks(ctx, clip)).outTicks);
    if (wanted >= full && full > 0)
      throw fail("INVALID_ARGUMENTS", "'" + found.item.name + "' has no frame at that time: it ends before it.");
    return await grabFrames(ctx, found, [wanted], [fraction], timeoutMs);
  } finally {
    const T = ctx.ppro.TickTime;
    transact(
      project,
      "Frame grab",
      () => [clip.createSetInOutPointsAction(T.createWithTicks(inTicks), T.createWithTicks(outTicks))],
      "EXPORT_FAILED",
      "Premiere did not put back the in and out points of '" + found.item.name + "'.",
    );
  }
}

/** Only folders this host made may be removed. */
export async function releaseFrames(ctx: HostContext, folderPath: string): Promise<{ removed: number }> {
  const root = framesRoot(ctx);
  const normalized = normalize(folderPath, ctx.style);
  if (!isInside(normalized, root, ctx.style))
    throw fail("INVALID_ARGUMENTS", "releaseFrames only removes folders the frame grab made (under " + root + ").");
  return { removed: await removeFolder(ctx, normalized) };
}
