// The clip under the playhead (src/jsx/host/timeline.ts): the topmost video track whose output is
// on, holding an enabled clip at the playhead, and the source media time it shows there.
import type { Sequence, VideoClipTrackItem } from "@adobe/premierepro";
import type { ClipAtPlayhead } from "../../shared/bridge/contract";
import { mediaOfflineMessage } from "../../shared/messages";
import type { HostContext } from "./context";
import { fail } from "./failure";
import { asClip, describeItem, requireProject } from "./items";
import { indexItems } from "./project";
import { activeSequence, located } from "./selection";

async function itemUnderPlayhead(
  ctx: HostContext,
  sequence: Sequence,
  playhead: number,
): Promise<{ item: VideoClipTrackItem; track: number } | null> {
  const count = await sequence.getVideoTrackCount();
  for (let t = count - 1; t >= 0; t--) {
    const track = await sequence.getVideoTrack(t);
    if (!track || (await track.isMuted())) continue;
    for (const item of track.getTrackItems(ctx.ppro.Constants.TrackItemType.CLIP, false)) {
      if (await item.isDisabled()) continue;
      const start = parseFloat((await item.getStartTime()).ticks);
      const end = parseFloat((await item.getEndTime()).ticks);
      if (start <= playhead && playhead < end) return { item, track: t };
    }
  }
  return null;
}

export async function getClipAtPlayhead(ctx: HostContext): Promise<ClipAtPlayhead> {
  const project = await requireProject(ctx);
  const sequence = await activeSequence(project);
  if (!sequence) throw fail("NO_SEQUENCE", "No sequence is open: open one in the Timeline and place the playhead.");
  const playhead = parseFloat((await sequence.getPlayerPosition()).ticks);
  const found = await itemUnderPlayhead(ctx, sequence, playhead);
  const projectItem = found ? await found.item.getProjectItem() : null;
  if (!found || !projectItem) {
    throw fail(
      "NO_CLIP_AT_PLAYHEAD",
      "No clip under the playhead in '" + sequence.name + "': move the playhead over a clip on an enabled video track.",
    );
  }
  const trackItem = found.item;
  const clip = asClip(ctx, projectItem);
  const isSequence = await clip.isSequence().catch(() => false);
  if (!isSequence && (await clip.isOffline())) throw fail("MEDIA_OFFLINE", mediaOfflineMessage(projectItem.name));
  const speed = (await trackItem.getSpeed()) || 1;
  const reversed = (await trackItem.isSpeedReversed()) === 1;
  const [start, end, inPoint, outPoint] = await Promise.all([
    trackItem.getStartTime(),
    trackItem.getEndTime(),
    trackItem.getInPoint(),
    trackItem.getOutPoint(),
  ]);
  const offset = Math.round((playhead - parseFloat(start.ticks)) * Math.abs(speed));
  const source = reversed ? parseFloat(outPoint.ticks) - offset : parseFloat(inPoint.ticks) + offset;
  const record = await describeItem(ctx, located(await indexItems(ctx), projectItem));
  if (record.isSequence || record.mediaPath === null) {
    throw fail(
      "NO_CLIP_AT_PLAYHEAD",
      "'" +
        projectItem.name +
        "' under the playhead is " +
        (record.isSequence ? "a nested sequence" : "not a clip with a media file") +
        ": move the playhead over a clip.",
    );
  }
  return {
    sequenceName: sequence.name,
    item: record,
    trackIndex: found.track,
    startTicks: start.ticks,
    endTicks: end.ticks,
    inPointTicks: inPoint.ticks,
    outPointTicks: outPoint.ticks,
    playheadTicks: String(playhead),
    sourceTicks: String(source),
    speed: Math.abs(speed),
    reversed,
    still: record.still,
  };
}
