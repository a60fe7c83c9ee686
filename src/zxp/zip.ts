// Zip reading (entry order and compression kept, for the layout check) and ZXP zip writing
// (mimetype first and stored), with yauzl and yazl.
import yauzl from "yauzl";
import yazl from "yazl";
import { MIMETYPE, SIGNATURES_PATH } from "./zxp-format";

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated */
  compressionMethod: number;
  isDirectory: boolean;
  data: Buffer;
}

export function readZip(buffer: Buffer): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error("not a zip"));
      const entries: ZipEntry[] = [];
      zip.on("entry", (entry: yauzl.Entry) => {
        const isDirectory = entry.fileName.endsWith("/");
        if (isDirectory) {
          entries.push({
            name: entry.fileName,
            compressionMethod: entry.compressionMethod,
            isDirectory,
            data: Buffer.alloc(0),
          });
          return zip.readEntry();
        }
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error(`cannot read ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("error", reject);
          stream.on("end", () => {
            entries.push({
              name: entry.fileName,
              compressionMethod: entry.compressionMethod,
              isDirectory,
              data: Buffer.concat(chunks),
            });
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(entries));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
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
