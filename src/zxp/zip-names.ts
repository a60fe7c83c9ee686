// What an installer would write where: every entry's name, as the central directory and as its
// local header give it, must be one relative path inside the package, the same in both, and no
// two entries may land on the same file. yauzl reads only the central directory's name and
// extractors differ in which one they trust (ADR-0025), so a package whose headers disagree is
// refused, as are local records the central directory does not account for (hidden entries).
import type { EntryNames, ZipRead } from "./zip";

const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/i;

/** Why `name` is not a plain relative path inside the package, or null. */
export function entryPathProblem(name: string): string | null {
  if (name === "") return "it is empty";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return "it holds a control character";
  if (name.includes("\\")) return "it holds a backslash, which Windows takes as a folder separator";
  if (name.startsWith("/")) return "it is an absolute path";
  if (/^[A-Za-z]:/.test(name)) return "it starts with a drive letter";
  if (name.includes(":")) return "it holds a colon (a drive or an NTFS stream on Windows)";
  const segments = (name.endsWith("/") ? name.slice(0, -1) : name).split("/");
  if (segments.includes("..")) return 'it climbs out of the package with ".."';
  if (segments.some((s) => s === "" || s === ".")) return 'it has an empty or "." folder name';
  if (segments.some((s) => /[. ]$/.test(s))) return "a part of it ends in a dot or a space, which Windows drops";
  if (segments.some((s) => WINDOWS_DEVICES.test(s))) return "a part of it is a Windows device name";
  return null;
}

function spellings(names: EntryNames): string[] {
  return [...new Set([names.central, names.centralRaw, names.local, names.localRaw])];
}

/** Two names that are one file once installed: macOS and Windows fold case, macOS normalizes. */
const sameFileKey = (name: string) => name.replace(/\/$/, "").normalize("NFC").toLowerCase();

/** The first problem with the package's entry names, or null. */
export function packageNamesProblem(zip: ZipRead): string | null {
  const seen = new Map<string, string>();
  for (const { names } of zip.entries) {
    if (!names.sameBytes || names.local !== names.central) {
      return (
        `"${names.central}" is named ${JSON.stringify(names.local)} in its local header: the central directory ` +
        `and local headers must agree, or an extractor reading local headers writes elsewhere`
      );
    }
    if (names.centralRaw !== names.central || names.localRaw !== names.local) {
      return (
        `"${names.central}" is spelled ${JSON.stringify(names.centralRaw)} without its Unicode Path field: ` +
        `extractors would disagree on its name`
      );
    }
    for (const name of spellings(names)) {
      const problem = entryPathProblem(name);
      if (problem) return `${JSON.stringify(name)} cannot be installed inside the extension folder: ${problem}`;
    }
    const key = sameFileKey(names.central);
    const before = seen.get(key);
    if (before !== undefined) {
      return before === names.central
        ? `"${names.central}" is in the package twice: extractors differ on which one they keep`
        : `"${before}" and "${names.central}" are the same file on macOS and Windows`;
    }
    seen.set(key, names.central);
  }
  return hiddenRecordsProblem(zip);
}

/** Local records must fill the file from its start to the central directory, each once: bytes no
 * entry accounts for may hold a local header that only a streaming extractor would see. */
function hiddenRecordsProblem(zip: ZipRead): string | null {
  const records = [...zip.entries].sort((a, b) => a.record.start - b.record.start);
  let expected = 0;
  for (const { name, record } of records) {
    if (record.start > expected)
      return `bytes ${expected}–${record.start - 1} before "${name}" belong to no entry (a hidden entry?)`;
    if (record.start < expected) return `"${name}" overlaps the entry before it`;
    expected = record.end;
  }
  if (expected !== zip.centralDirectoryOffset)
    return `bytes ${expected}–${zip.centralDirectoryOffset - 1} after the last entry belong to no entry (a hidden entry?)`;
  return null;
}
