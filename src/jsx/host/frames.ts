// Frame grab for any codec Premiere plays: a temporary sequence from the clip, the player
// position moved and QE's exportFramePNG called at each sample time, polling for files Premiere
// writes in the background.
// The temporary sequence is always deleted; on failure so are the partial files.
import type {
  ExportedFrame,
  ExportFrameAtRequest,
  ExportFramesRequest,
  ExportFramesResult,
} from "../../shared/bridge/contract";
import { DEFAULT_FRAME_FRACTIONS, frameOffsets, ticksToTimecode } from "../../shared/frames/frame-times";
import { mediaOfflineMessage } from "../../shared/messages";
import { fail } from "../dispatch";
import { requireClip } from "./items";
import { requireProject } from "./project";

var POLL_MS = 50;

/** QE may append ".png" itself, even to a name that has it: look for each variant. */
function findExported(base: string): File | null {
  var candidates = [base, base + ".png", base + ".png.png"];
  for (var i = 0; i < candidates.length; i++) {
    var f = new File(candidates[i]);
    if (f.exists && f.length > 0) return f;
  }
  return null;
}

function waitForFile(base: string, timeoutMs: number): File | null {
  for (var waited = 0; waited <= timeoutMs; waited += POLL_MS) {
    var found = findExported(base);
    if (found) return found;
    $.sleep(POLL_MS);
  }
  return null;
}

/** Where frame grabs go. Built through Folder so the separators are the platform's (fsName uses
 * backslashes on Windows), which the ownership check in releaseFrames compares against. */
function framesRoot(): string {
  return new Folder(Folder.temp.fsName + "/reference-lookup-frames").fsName;
}

function removeFolder(folder: Folder): void {
  var files = folder.getFiles();
  for (var i = 0; i < files.length; i++) files[i].remove();
  folder.remove();
}

/** Exports the frames at the given offsets (ticks from the clip's in point) through a temporary
 * sequence made from the clip. The player position is moved to each time first: one public report
 * says exportFramePNG renders the Program Monitor's frame whatever time it is given. */
function grabFrames(item: ProjectItem, offsets: number[], fractions: number[], timeoutMs: number): ExportFramesResult {
  var project = requireProject();
  var inTicks = item.getInPoint().ticks;
  var stamp = new Date().getTime() + "-" + Math.floor(Math.random() * 1e6);
  var folder = new Folder(framesRoot() + "/" + item.nodeId + "-" + stamp);
  folder.create();

  var sequence: Sequence | null = null;
  var previous = project.activeSequence;
  var frames: ExportedFrame[] = [];
  try {
    sequence =
      project.createNewSequenceFromClips("Reference Lookup frame grab " + stamp, [item], project.rootItem) || null;
    if (!sequence)
      throw fail("EXPORT_FAILED", "Premiere could not make a temporary sequence from '" + item.name + "'.");
    project.openSequence(sequence.sequenceID);
    app.enableQE();
    var qeSequence = qe ? ((qe.project as QEProject).getActiveSequence() as QEFrameExporter | undefined) : undefined;
    if (!qeSequence)
      throw fail(
        "EXPORT_FAILED",
        "Premiere's QE DOM has no active sequence; frame export is unavailable in this version.",
      );
    var ticksPerFrame = parseFloat(sequence.timebase);
    for (var i = 0; i < offsets.length; i++) {
      var base = folder.fsName + "/frame-" + (i + 1);
      sequence.setPlayerPosition(String(offsets[i]));
      // The return value is unreliable (false on success happens): the file is the answer.
      qeSequence.exportFramePNG(ticksToTimecode(offsets[i], ticksPerFrame), base);
      var file = waitForFile(base, timeoutMs);
      if (!file) {
        throw fail(
          "EXPORT_TIMEOUT",
          "Premiere did not write frame " + (i + 1) + " of '" + item.name + "' within " + timeoutMs + " ms.",
        );
      }
      frames.push({ fraction: fractions[i], ticks: String(parseFloat(inTicks) + offsets[i]), path: file.fsName });
    }
  } catch (e) {
    removeFolder(folder);
    throw e;
  } finally {
    if (sequence) project.deleteSequence(sequence);
    if (previous) project.openSequence(previous.sequenceID);
  }
  return { nodeId: item.nodeId, folder: folder.fsName, frames: frames };
}

function requireOnline(nodeId: string): ProjectItem {
  var item = requireClip(nodeId);
  if (item.isOffline()) throw fail("MEDIA_OFFLINE", mediaOfflineMessage(item.name));
  return item;
}

export function exportFrames(request: ExportFramesRequest): ExportFramesResult {
  var item = requireOnline(request.nodeId);
  var fractions = request.fractions || DEFAULT_FRAME_FRACTIONS;
  var offsets = frameOffsets(item.getInPoint().ticks, item.getOutPoint().ticks, fractions);
  return grabFrames(item, offsets, fractions, request.timeoutMs || 15000);
}

function timeOf(ticks: string): Time {
  var time = new Time();
  time.ticks = ticks;
  return time;
}

/** One source frame at a media time. A time outside the clip's in–out range (a track item may
 * use handles beyond it) is reached by clearing the clip's in and out points for the grab; they
 * are put back afterwards. */
export function exportFrameAt(request: ExportFrameAtRequest): ExportFramesResult {
  var item = requireOnline(request.nodeId);
  var wanted = parseFloat(request.ticks);
  var inTicks = item.getInPoint().ticks;
  var outTicks = item.getOutPoint().ticks;
  var span = parseFloat(outTicks) - parseFloat(inTicks);
  var fraction = span > 0 ? (wanted - parseFloat(inTicks)) / span : 0;
  var inside = wanted >= parseFloat(inTicks) && (wanted < parseFloat(outTicks) || span <= 0);
  if (inside) return grabFrames(item, [wanted - parseFloat(inTicks)], [fraction], request.timeoutMs || 15000);
  item.clearInPoint();
  item.clearOutPoint();
  try {
    var full = parseFloat(item.getOutPoint().ticks);
    if (wanted >= full && full > 0) {
      throw fail("INVALID_ARGUMENTS", "'" + item.name + "' has no frame at that time: it ends before it.");
    }
    return grabFrames(item, [wanted], [fraction], request.timeoutMs || 15000);
  } finally {
    if (parseFloat(inTicks) > 0) item.setInPoint(timeOf(inTicks), 4);
    if (outTicks !== item.getOutPoint().ticks) item.setOutPoint(timeOf(outTicks), 4);
  }
}

/** Only folders this host made may be removed. */
export function releaseFrames(folderPath: string): { removed: number } {
  var root = framesRoot();
  var normalized = new Folder(folderPath).fsName;
  var inside =
    normalized.indexOf(root) === 0 &&
    normalized.length > root.length + 1 &&
    /[\\/]/.test(normalized.charAt(root.length));
  if (!inside || normalized.indexOf("..") >= 0) {
    throw fail("INVALID_ARGUMENTS", "releaseFrames only removes folders the frame grab made (under " + root + ").");
  }
  var folder = new Folder(normalized);
  if (!folder.exists) return { removed: 0 };
  var count = folder.getFiles().length;
  removeFolder(folder);
  return { removed: count };
}
