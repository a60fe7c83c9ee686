// The host side of "Check this Premiere" (docs/adr/0023): what Premiere says of itself, and a
// scratch bin holding a copy of the sample clip, made and removed here. Whatever fails on the way
// in, what was made so far is removed before the failure is reported; on the way out, each part
// is removed whatever happened to the other.
import {
  SELF_CHECK_BIN_PREFIX,
  type BeginSelfCheckRequest,
  type EndSelfCheckRequest,
  type EndSelfCheckResult,
  type HostInfo,
  type SelfCheckScratch,
} from "../../shared/bridge/contract";
import { fail } from "../dispatch";
import { describeItem, findItem } from "./items";
import { requireProject } from "./project";

/** The bundle's own file, as ExtendScript reports it while evaluating it (read once, at load). */
var bundleFile = typeof $ !== "undefined" && $.fileName ? String($.fileName) : "";

function scratchRoot(): string {
  return new Folder(Folder.temp.fsName + "/reference-lookup-self-check").fsName;
}

/** self-check/sample.mp4 in the extension: the bundle is jsx/index.js. */
function defaultSample(): string {
  if (!bundleFile) return "";
  return new File(bundleFile).parent.parent.fsName + "/self-check/sample.mp4";
}

function message(e: unknown): string {
  if (e && typeof e === "object" && (e as { message?: unknown }).message !== undefined)
    return String((e as { message: unknown }).message);
  return String(e);
}

export function getHostInfo(): HostInfo {
  var a = app as unknown as { build?: unknown; encoder?: unknown; enableQE?: unknown };
  return {
    premiereVersion: String(app.version),
    premiereBuild: a.build !== undefined && a.build !== null ? String(a.build) : "",
    os: String($.os),
    extendScript: String($.version),
    qe: typeof a.enableQE === "function",
    mediaEncoder: a.encoder !== undefined && a.encoder !== null,
  };
}

function removeFolder(folder: Folder): void {
  var files = folder.getFiles();
  for (var i = 0; i < files.length; i++) {
    if (files[i] instanceof Folder) removeFolder(files[i] as Folder);
    else if (!files[i].remove()) throw new Error("could not delete " + files[i].fsName);
  }
  if (!folder.remove()) throw new Error("could not delete " + folder.fsName);
}

function isScratchBin(item: ProjectItem): boolean {
  return item.type === ProjectItemType.BIN && String(item.name).indexOf(SELF_CHECK_BIN_PREFIX) === 0;
}

/** Bins and folders an interrupted check left (the panel reloaded mid-way): removed first. */
function sweepEarlier(project: Project): void {
  var root = project.rootItem.children;
  for (var i = root.numItems - 1; i >= 0; i--) if (isScratchBin(root[i])) root[i].deleteBin();
  var folder = new Folder(scratchRoot());
  if (folder.exists) removeFolder(folder);
}

export function beginSelfCheck(request: BeginSelfCheckRequest): SelfCheckScratch {
  var project = requireProject();
  var samplePath = request.sampleFile || defaultSample();
  var sample = new File(samplePath);
  if (!samplePath || !sample.exists) {
    throw fail(
      "IMPORT_FAILED",
      "The sample clip is not where the panel put it (" + (samplePath || "no path") + "). Reinstall the panel.",
    );
  }
  try {
    sweepEarlier(project);
  } catch (e) {
    // what an earlier run left is not this run's to fail on; endSelfCheck reports what stays
  }
  var stamp = new Date().getTime() + "-" + Math.floor(Math.random() * 1e6);
  var root = new Folder(scratchRoot());
  if (!root.exists) root.create();
  var folder = new Folder(root.fsName + "/" + stamp);
  var bin: ProjectItem | null = null;
  try {
    if (!folder.create()) throw fail("IMPORT_FAILED", "Could not make the folder " + folder.fsName + ".");
    // a copy: Premiere may write XMP into the file it imported, and the extension's own may be read-only
    var copy = new File(folder.fsName + "/" + sample.name);
    if (!sample.copy(copy.fsName)) {
      throw fail("IMPORT_FAILED", "Could not copy the sample clip to " + folder.fsName + ": " + sample.error + ".");
    }
    bin = project.rootItem.createBin(SELF_CHECK_BIN_PREFIX + stamp) || null;
    if (!bin) throw fail("IMPORT_FAILED", "Premiere did not make the scratch bin.");
    project.importFiles([copy.fsName], true, bin, false);
    var clip = bin.children.numItems > 0 ? bin.children[0] : null;
    if (!clip) throw fail("IMPORT_FAILED", "Premiere did not import the sample clip " + copy.fsName + ".");
    return { binNodeId: bin.nodeId, binName: bin.name, clip: describeItem(clip), folder: folder.fsName };
  } catch (e) {
    var left = endSelfCheck({ binNodeId: bin ? bin.nodeId : undefined, folder: folder.fsName });
    if (left.problems.length && e && typeof e === "object" && (e as { hostFailure?: boolean }).hostFailure)
      throw fail("IMPORT_FAILED", message(e) + " Also: " + left.problems.join(" "));
    throw e;
  }
}

function removeBin(nodeId: string, removed: string[], problems: string[]): void {
  var bin: ProjectItem;
  try {
    bin = findItem(nodeId);
  } catch (e) {
    removed.push("the scratch bin (already gone)");
    return;
  }
  if (!isScratchBin(bin)) {
    problems.push("Item " + nodeId + " is not a self-check bin; it was left alone.");
    return;
  }
  var name = bin.name;
  try {
    bin.deleteBin();
  } catch (e) {
    problems.push("Premiere did not delete the bin '" + name + "' (" + message(e) + "): delete it by hand.");
    return;
  }
  var stillThere = true;
  try {
    findItem(nodeId);
  } catch (e) {
    stillThere = false;
  }
  if (stillThere) problems.push("The bin '" + name + "' is still in the project: delete it by hand.");
  else removed.push("the bin '" + name + "' and the clip in it");
}

function removeScratchFolder(path: string, removed: string[], problems: string[]): void {
  var root = scratchRoot();
  var normalized = new Folder(path).fsName;
  var inside =
    normalized.indexOf(root) === 0 &&
    normalized.length > root.length + 1 &&
    /[\\/]/.test(normalized.charAt(root.length)) &&
    normalized.indexOf("..") < 0;
  if (!inside) {
    problems.push("The folder " + normalized + " is not the self-check's; it was left alone.");
    return;
  }
  var folder = new Folder(normalized);
  if (!folder.exists) return;
  try {
    removeFolder(folder);
    removed.push("the sample's copy in " + normalized);
  } catch (e) {
    // on Windows, Premiere can hold a file it imported open a little longer
    problems.push("The sample's copy could not be deleted (" + message(e) + "); it is in " + normalized + ".");
  }
}

export function endSelfCheck(request: EndSelfCheckRequest): EndSelfCheckResult {
  var removed: string[] = [];
  var problems: string[] = [];
  if (request.binNodeId) {
    try {
      removeBin(request.binNodeId, removed, problems);
    } catch (e) {
      problems.push("Removing the scratch bin failed: " + message(e));
    }
  }
  if (request.folder) {
    try {
      removeScratchFolder(request.folder, removed, problems);
    } catch (e) {
      problems.push("Removing the sample's copy failed: " + message(e));
    }
  }
  return { removed: removed, problems: problems };
}
