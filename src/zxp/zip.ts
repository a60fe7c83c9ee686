// Zip reading (entry order and compression kept, for the layout check) and ZXP zip writing
// (mimetype first and stored), with yauzl and yazl.
import yauzl from "yauzl";
import yazl from "yazl";
import { MIMETYPE, SIGNATURES_PATH } from "./zxp-format";

export interface ZipEntry {
  /** the name in the central directory, as yauzl reads it (Info-ZIP's Unicode Path field first) */
  name: string;
  /** 0 = stored, 8 = deflated */
  compressionMethod: number;
  isDirectory: boolean;
  data: Buffer;
  /** every spelling of the name an extractor may go by: central directory and local header, each
   * as written and through the Unicode Path field (zip-names.ts checks they agree and are safe) */
  names: EntryNames;
  /** where its local header starts and where its record (header, name, data, descriptor) ends */
  record: { start: number; end: number };
}

export interface EntryNames {
  central: string;
  centralRaw: string;
  local: string;
  localRaw: string;
  /** the local header's name bytes are the central directory's */
  sameBytes: boolean;
}

export interface ZipRead {
  entries: ZipEntry[];
  /** where the central directory starts: local records should fill the file up to it */
  centralDirectoryOffset: number;
}

const DATA_DESCRIPTOR = 0x08074b50;

/** A name as yauzl decodes it, with backslashes kept (strict), so nothing is rewritten unseen. */
function decodeName(flags: number, raw: Buffer, extra: yauzl.ExtraField[]): string {
  return yauzl.getFileNameLowLevel(flags, raw, extra, true);
}

function readAll(zip: yauzl.ZipFile, entry: yauzl.Entry, isDirectory: boolean): Promise<Buffer> {
  if (isDirectory) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (e, stream) => {
      if (e || !stream) return reject(e ?? new Error(`cannot read ${entry.fileName}`));
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("error", reject);
      stream.on("end", () => resolve(Buffer.concat(chunks)));
    }),
  );
}

/** Reads every entry with both of its headers' names. yauzl reads only the central directory's
 * name and refuses some unsafe ones itself; decodeStrings is off so that zip-names.ts sees and
 * names every problem, the local header's included. */
export async function readZipWithHeaders(buffer: Buffer): Promise<ZipRead> {
  const zip = await yauzl.fromBufferPromise(buffer, { decodeStrings: false, validateEntrySizes: true });
  const centralDirectoryOffset = Number(zip.readEntryCursor);
  const entries: ZipEntry[] = [];
  try {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
        zip.once("entry", resolve);
        zip.once("end", () => resolve(null));
        zip.once("error", reject);
        zip.readEntry();
      });
      zip.removeAllListeners("entry").removeAllListeners("end").removeAllListeners("error");
      if (!entry) break;
      const local = await zip.readLocalFileHeaderPromise(entry);
      const central = decodeName(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields);
      const names: EntryNames = {
        central,
        centralRaw: decodeName(entry.generalPurposeBitFlag, entry.fileNameRaw, []),
        local: decodeName(local.generalPurposeBitFlag, local.fileName, yauzl.parseExtraFields(local.extraField)),
        localRaw: decodeName(local.generalPurposeBitFlag, local.fileName, []),
        sameBytes: Buffer.compare(local.fileName, entry.fileNameRaw) === 0,
      };
      let end = local.fileDataStart + entry.compressedSize;
      if (entry.generalPurposeBitFlag & 0x8)
        end += end + 4 <= buffer.length && buffer.readUInt32LE(end) === DATA_DESCRIPTOR ? 16 : 12;
      const isDirectory = central.endsWith("/");
      entries.push({
        name: central,
        compressionMethod: entry.compressionMethod,
        isDirectory,
        data: await readAll(zip, entry, isDirectory),
        names,
        record: { start: entry.relativeOffsetOfLocalHeader, end },
      });
    }
  } finally {
    zip.close();
  }
  return { entries, centralDirectoryOffset };
}

/** The entries of a zip, in order, compression kept (for the layout check). */
export async function readZip(buffer: Buffer): Promise<ZipEntry[]> {
  return (await readZipWithHeaders(buffer)).entries;
}

export interface PackageFile {
  /** path inside the package, '/' separated */
  path: string;
  data: Buffer;
}

/** mimetype first and stored (no extra compression), then the files, then the signature. */
export function writeZxpZip(files: PackageFile[], signaturesXml: string): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const mtime = new Date("2026-01-01T00:00:00Z"); // reproducible packages
  zip.addBuffer(Buffer.from(MIMETYPE, "ascii"), "mimetype", { compress: false, mtime });
  for (const f of files) zip.addBuffer(f.data, f.path, { compress: true, mtime });
  zip.addBuffer(Buffer.from(signaturesXml, "utf8"), SIGNATURES_PATH, { compress: true, mtime });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on("data", (c: Buffer) => chunks.push(c));
    zip.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on("error", reject);
  });
}
