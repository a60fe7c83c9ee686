// What the local Storage checks before an object is written, as Supabase Storage does: a key that
// stays inside its bucket, a size under the bucket's limit, a type the bucket allows, and bytes
// that really are that type (sharp reads the image header, so a renamed text file is refused).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

/** Storage's error JSON: the HTTP status repeated as a string, a short error, a message. */
export class StorageFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }

  get body() {
    return { statusCode: String(this.status), error: this.error, message: this.message };
  }
}

// Supabase Storage's key alphabet, without `?` and `#`, which cannot travel in a URL path.
const SEGMENT = /^[\w!\-.*'() &$@=;:+,]+$/;

/** The object key from the URL-encoded path after the bucket, refused if it could leave it. */
export function objectKey(encodedSegments: string[]): string {
  let segments: string[];
  try {
    segments = encodedSegments.map((s) => decodeURIComponent(s));
  } catch {
    throw new StorageFailure(400, "InvalidKey", "Invalid key: bad percent-encoding");
  }
  const bad = segments.find((s) => s === "" || s === "." || s === ".." || !SEGMENT.test(s));
  if (bad !== undefined || !segments.length) {
    throw new StorageFailure(400, "InvalidKey", `Invalid key: ${JSON.stringify(segments.join("/"))}`);
  }
  const key = segments.join("/");
  if (key.length > 1024) throw new StorageFailure(400, "InvalidKey", "Invalid key: longer than 1024 characters");
  return key;
}

export interface Bucket {
  id: string;
  public: boolean;
  file_size_limit: string | number | null;
  allowed_mime_types: string[] | null;
}

const SHARP_TYPES: Record<string, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  avif: "image/avif",
  tiff: "image/tiff",
};

/** Refuses what the bucket does not take: too large (413), a type it does not allow or bytes that
 * are not the declared image type (415). Returns the checked type. */
export async function checkUpload(bucket: Bucket, bytes: Buffer, declaredType: string): Promise<string> {
  const limit = bucket.file_size_limit === null ? Infinity : Number(bucket.file_size_limit);
  if (bytes.length > limit) {
    throw new StorageFailure(413, "Payload too large", `The object exceeded the maximum allowed size (${limit} bytes)`);
  }
  const type = declaredType.split(";")[0].trim().toLowerCase();
  const allowed = bucket.allowed_mime_types;
  const permitted =
    !allowed?.length || allowed.some((a) => a === type || (a.endsWith("/*") && type.startsWith(a.slice(0, -1))));
  if (!permitted) throw new StorageFailure(415, "invalid_mime_type", `mime type ${type || "(none)"} is not supported`);
  if (type.startsWith("image/")) {
    const format = await sharp(bytes)
      .metadata()
      .then((m) => m.format as string | undefined)
      .catch(() => undefined);
    if (!format || SHARP_TYPES[format] !== type) {
      throw new StorageFailure(
        415,
        "invalid_mime_type",
        `the bytes are ${format ? `a ${format} image` : "not an image"}, not ${type}`,
      );
    }
  }
  return type;
}

/** Errors that mean "no object file here" (a folder of other objects is not one). */
const MISSING = new Set(["ENOENT", "ENOTDIR", "EISDIR", "EPERM"]);

function removeFile(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (e) {
    if (!MISSING.has((e as NodeJS.ErrnoException).code ?? "")) throw e;
  }
}

/** Where object files live: <root>/<bucket>/<key>, never outside root. */
export class ObjectFiles {
  constructor(readonly root: string) {}

  file(bucket: string, key: string): string {
    const file = path.resolve(this.root, bucket, ...key.split("/"));
    if (!file.startsWith(path.resolve(this.root) + path.sep))
      throw new StorageFailure(400, "InvalidKey", "Invalid key");
    return file;
  }

  /** Written whole or not at all: a temp file renamed over the old one, never left behind. Keys
   * are paths here, so `a` and `a/b` cannot both be objects (Supabase's S3 keys can): 409. */
  write(bucket: string, key: string, bytes: Buffer): void {
    const file = this.file(bucket, key);
    const temp = `${file}.${crypto.randomUUID()}.part`;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(temp, bytes);
      fs.renameSync(temp, file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EEXIST" || code === "ENOTDIR" || code === "EISDIR") {
        throw new StorageFailure(
          409,
          "KeyConflict",
          `The key ${JSON.stringify(key)} clashes with an existing object or folder: a key cannot be both ` +
            "an object and a folder of other objects. Choose another key.",
        );
      }
      throw e;
    } finally {
      removeFile(temp); // gone after the rename; left by any failure before it
    }
  }

  /** The object's bytes, or undefined when there is no such file. */
  read(bucket: string, key: string): Buffer | undefined {
    try {
      return fs.readFileSync(this.file(bucket, key));
    } catch (e) {
      if (MISSING.has((e as NodeJS.ErrnoException).code ?? "")) return undefined;
      throw e;
    }
  }

  remove(bucket: string, key: string): void {
    removeFile(this.file(bucket, key));
  }
}
