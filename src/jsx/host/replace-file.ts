// Replacing a sidecar so that a crash, a full disk or a killed Premiere never leaves it cut short:
// the new bytes are written beside it first, and the files are only renamed once they are whole.
// ExtendScript has no atomic replace, and File.rename may refuse an existing target, so the old
// file is moved aside before the new one takes its name. After a crash between those two renames
// the folder holds both, and the next read of it finishes the job (completeInterruptedReplace).

var WRITING = ".writing";
var PREVIOUS = ".previous";

function besides(file: File, suffix: string): File {
  return new File(file.parent.fsName + "/" + decodeURIComponent(file.name) + suffix);
}

function remove(file: File): void {
  if (file.exists) file.remove();
}

/** Writes `bytes` (BINARY) as `file`; null when done, else what went wrong in plain words (the
 * old file is then as it was). */
export function replaceFile(target: File, bytes: string): string | null {
  // a File follows its file through rename(): keep one for the name itself
  var file = new File(target.fsName);
  var name = decodeURIComponent(file.name);
  var next = besides(file, WRITING);
  var previous = besides(file, PREVIOUS);
  remove(next);
  next.encoding = "BINARY";
  next.lineFeed = "Unix";
  if (!next.open("w")) return "the media folder cannot be written: " + next.error;
  var wrote = next.write(bytes);
  var closed = next.close();
  if (!wrote || !closed || next.length !== bytes.length) {
    var why = next.error || "the disk took " + next.length + " of " + bytes.length + " bytes";
    remove(next);
    return "writing " + next.fsName + " failed (" + why + ")";
  }
  remove(previous);
  var aside = new File(file.fsName);
  if (aside.exists && !aside.rename(decodeURIComponent(previous.name)))
    return "the old " + file.fsName + " could not be moved aside: " + aside.error;
  if (!next.rename(name)) {
    // put the old one back: the folder is as it was
    previous.rename(name);
    return "the new " + file.fsName + " could not take its name: " + next.error;
  }
  remove(previous);
  return null;
}

/** After a crash inside replaceFile. The old file was only moved aside once the new one was
 * whole, so with the old one aside the new one takes its name; a new file left beside a file that
 * is still there (or that never existed) may be cut short, and goes. */
export function completeInterruptedReplace(target: File): void {
  var file = new File(target.fsName);
  var name = decodeURIComponent(file.name);
  if (!file.exists && besides(file, PREVIOUS).exists) {
    if (!besides(file, WRITING).exists || !besides(file, WRITING).rename(name)) besides(file, PREVIOUS).rename(name);
  }
  // fresh File objects: a renamed one now names the file itself
  remove(besides(file, WRITING));
  if (file.exists) remove(besides(file, PREVIOUS));
}
