// The clip under the playhead, as the editor sees it in the Program Monitor: the topmost video
// track whose output is on (a video track's isMuted() is its eye toggle) holding an enabled
// track item at the playhead; and the source media time that item shows there.
import type { ClipAtPlayhead } from "../../shared/bridge/contract";
import { mediaOfflineMessage } from "../../shared/messages";
import { fail } from "../dispatch";
import { describeItem } from "./items";
import { requireProject } from "./project";

function itemUnderPlayhead(sequence: Sequence, playhead: number): { item: TrackItem; track: number } | null {
  var tracks = sequence.videoTracks;
  for (var t = tracks.numTracks - 1; t >= 0; t--) {
    var track = tracks[t];
    if (track.isMuted()) continue;
    var clips = track.clips;
    for (var i = 0; i < clips.numItems; i++) {
      var clip = clips[i];
      if (clip.disabled) continue;
      if (parseFloat(clip.start.ticks) <= playhead && playhead < parseFloat(clip.end.ticks)) {
        return { item: clip, track: t };
      }
    }
  }
  return null;
}

export function getClipAtPlayhead(): ClipAtPlayhead {
  var project = requireProject();
  var sequence = project.activeSequence;
  if (!sequence) throw fail("NO_SEQUENCE", "No sequence is open: open one in the Timeline and place the playhead.");
  var playhead = parseFloat(sequence.getPlayerPosition().ticks);
  var found = itemUnderPlayhead(sequence, playhead);
  if (!found || !found.item.projectItem) {
    throw fail(
      "NO_CLIP_AT_PLAYHEAD",
      "No clip under the playhead in '" + sequence.name + "': move the playhead over a clip on an enabled video track.",
    );
  }
  var trackItem = found.item;
  var projectItem = trackItem.projectItem;
  if (projectItem.isOffline()) throw fail("MEDIA_OFFLINE", mediaOfflineMessage(projectItem.name));
  var speed = trackItem.getSpeed() || 1;
  var reversed = trackItem.isSpeedReversed() === 1;
  var start = parseFloat(trackItem.start.ticks);
  var offset = Math.round((playhead - start) * Math.abs(speed));
  var source = reversed ? parseFloat(trackItem.outPoint.ticks) - offset : parseFloat(trackItem.inPoint.ticks) + offset;
  var record = describeItem(projectItem);
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
    startTicks: trackItem.start.ticks,
    endTicks: trackItem.end.ticks,
    inPointTicks: trackItem.inPoint.ticks,
    outPointTicks: trackItem.outPoint.ticks,
    playheadTicks: String(playhead),
    sourceTicks: String(source),
    speed: Math.abs(speed),
    reversed: reversed,
    still: record.still,
  };
}
