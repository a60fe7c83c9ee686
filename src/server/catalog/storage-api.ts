// The Storage (/storage/v1) subset supabase-js's storage.from(bucket) uses: upload (POST, PUT),
// download, public URLs, signed URLs and remove. Buckets and objects are rows of storage.* as on
// Supabase; the object row is written and read under the request's role, so the RLS policies on
// storage.objects decide, exactly as they would on a project. Bytes live in files on disk.
import crypto from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import { SignJWT, jwtVerify } from "jose";
import { internalFailure, isDatabaseError, statusForSqlState } from "./http-errors";
import { JsonBodyError, parseJsonBody } from "./json-body";
import { runAsApiRole, apiQuery, type JwtClaims } from "./request";
import { checkUpload, objectKey, ObjectFiles, StorageFailure, type Bucket } from "./storage-objects";

export interface StorageRequest {
  method: string;
  /** below /storage/v1, e.g. "/object/reference-thumbnails/a/b.jpg" */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: Buffer;
  /** the caller, when the request carried a project key (public and signed reads need none) */
  claims: JwtClaims | null;
}

export interface StorageAnswer {
  status: number;
  body: unknown;
  /** raw object bytes, sent with headers instead of JSON */
  bytes?: Buffer;
  headers?: Record<string, string>;
}

interface ObjectRow {
  id: string;
  name: string;
  metadata: { mimetype?: string; cacheControl?: string; eTag?: string } | null;
}

const notFound = () => new StorageFailure(404, "not_found", "Object not found");

export class StorageApi {
  private readonly urlKey: Uint8Array;

  constructor(
    private readonly db: PGlite,
    private readonly files: ObjectFiles,
    jwtSecret: string,
  ) {
    // Signed-URL tokens use their own key, so one can never pass as an API token.
    this.urlKey = new TextEncoder().encode(`${jwtSecret}:storage-signed-url`);
  }

  /** True for the routes that need no apikey: public and signed-URL reads. */
  static isOpenRoute(method: string, path: string): boolean {
    return (method === "GET" || method === "HEAD") && /^\/object\/(public|sign)\//.test(path);
  }

  async handle(req: StorageRequest): Promise<StorageAnswer> {
    try {
      return await this.route(req);
    } catch (e) {
      if (e instanceof StorageFailure) return { status: e.status, body: e.body };
      if (isDatabaseError(e)) {
        if (e.code === "42501") {
          return { status: 403, body: new StorageFailure(403, "Unauthorized", e.message ?? "").body };
        }
        if (e.code === "23505") {
          return { status: 409, body: new StorageFailure(409, "Duplicate", "The resource already exists").body };
        }
        const status = statusForSqlState(e.code, req.claims?.role === "anon");
        return { status, body: new StorageFailure(status, e.code, e.message ?? "database error").body };
      }
      return { status: 500, body: new StorageFailure(500, "internal", internalFailure(e, "Storage").message).body };
    }
  }

  private async route(req: StorageRequest): Promise<StorageAnswer> {
    const parts = req.path.split("/").slice(1); // ["object", ...]
    if (parts[0] !== "object" || parts.length < 2) throw new StorageFailure(404, "not_found", "Route not found");
    const [first, ...rest] = parts.slice(1);
    const read = req.method === "GET" || req.method === "HEAD";
    if (first === "public" && read) return this.publicRead(rest);
    if (first === "sign" && read) return this.signedRead(rest, req.query.get("token"));
    const claims = req.claims;
    if (!claims) throw new StorageFailure(400, "Missing apikey", "No API key found in request");
    if (first === "sign" && req.method === "POST") return this.sign(rest, claims, req.body);
    if (first === "authenticated" && read) return this.download(rest, claims);
    if (req.method === "DELETE" && rest.length === 0) return this.remove(first, claims, req.body);
    if (read) return this.download([first, ...rest], claims);
    if (req.method === "POST" || req.method === "PUT") return this.upload([first, ...rest], claims, req);
    throw new StorageFailure(405, "not_allowed", `${req.method} ${req.path} is not served by the local catalog`);
  }

  private async bucket(id: string | undefined): Promise<Bucket> {
    const row = id
      ? (await this.db.query<Bucket>("select * from storage.buckets where id = $1", [bucketName(id)])).rows[0]
      : undefined;
    if (!row) throw new StorageFailure(404, "Bucket not found", "Bucket not found");
    return row;
  }

  private async upload([bucketId, ...segments]: string[], claims: JwtClaims, req: StorageRequest) {
    const bucket = await this.bucket(bucketId);
    const key = objectKey(segments);
    const { bytes, type: declared, cacheControl } = await uploadedFile(req);
    const type = await checkUpload(bucket, bytes, declared);
    const upsert = req.method === "PUT" || req.headers["x-upsert"] === "true";
    const metadata = {
      size: bytes.length,
      mimetype: type,
      cacheControl,
      eTag: `"${crypto.createHash("md5").update(bytes).digest("hex")}"`,
      lastModified: new Date().toISOString(),
      contentLength: bytes.length,
      httpStatusCode: 200,
    };
    const insert = `insert into storage.objects as o (bucket_id, name, owner, owner_id, metadata)
      values ($1, $2, $3::uuid, $4, $5::jsonb)
      ${upsert ? "on conflict (bucket_id, name) do update set metadata = excluded.metadata, owner = excluded.owner, owner_id = excluded.owner_id, updated_at = now()" : ""}
      returning o.id`;
    const row = await this.db.transaction(async (tx) => {
      const [inserted] = await runAsApiRole<{ id: string }>(tx, claims, insert, [
        bucket.id,
        key,
        claims.sub ?? null,
        claims.sub ?? null,
        JSON.stringify(metadata),
      ]);
      this.files.write(bucket.id, key, bytes); // inside the transaction: a refused row writes nothing
      return inserted;
    });
    return { status: 200, body: { Id: row.id, Key: `${bucket.id}/${key}` } };
  }

  private async download([bucketId, ...segments]: string[], claims: JwtClaims) {
    const bucket = await this.bucket(bucketId);
    const key = objectKey(segments);
    const [row] = await apiQuery<ObjectRow>(
      this.db,
      claims,
      "select id, name, metadata from storage.objects where bucket_id = $1 and name = $2",
      [bucket.id, key],
    );
    if (!row) throw notFound();
    return this.serve(bucket.id, row);
  }

  private async publicRead([bucketId, ...segments]: string[]) {
    const bucket = await this.bucket(bucketId);
    if (!bucket.public) throw new StorageFailure(404, "Bucket not found", "Bucket not found");
    return this.serve(bucket.id, await this.objectRow(bucket.id, objectKey(segments)));
  }

  private async sign([bucketId, ...segments]: string[], claims: JwtClaims, body: Buffer) {
    const bucket = await this.bucket(bucketId);
    const key = objectKey(segments);
    const expiresIn = Number(jsonObject(body).expiresIn);
    if (!Number.isInteger(expiresIn) || expiresIn < 1) {
      throw new StorageFailure(400, "InvalidRequest", "expiresIn must be a whole number of seconds of at least 1");
    }
    const [row] = await apiQuery(this.db, claims, "select id from storage.objects where bucket_id = $1 and name = $2", [
      bucket.id,
      key,
    ]);
    if (!row) throw notFound();
    const token = await new SignJWT({ url: `${bucket.id}/${key}` })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + expiresIn)
      .sign(this.urlKey);
    return { status: 200, body: { signedURL: `/object/sign/${bucket.id}/${key}?token=${token}` } };
  }

  private async signedRead([bucketId, ...segments]: string[], token: string | null) {
    const bucket = await this.bucket(bucketId);
    const key = objectKey(segments);
    const url = await jwtVerify(token ?? "", this.urlKey, { algorithms: ["HS256"], requiredClaims: ["exp", "url"] })
      .then((v) => v.payload.url)
      .catch(() => undefined);
    if (url !== `${bucket.id}/${key}`) throw new StorageFailure(400, "InvalidJWT", "invalid or expired signature");
    return this.serve(bucket.id, await this.objectRow(bucket.id, key));
  }

  private async remove(bucketId: string, claims: JwtClaims, body: Buffer) {
    const bucket = await this.bucket(bucketId);
    const prefixes = jsonObject(body).prefixes;
    if (!Array.isArray(prefixes) || !prefixes.every((p) => typeof p === "string")) {
      throw new StorageFailure(400, "InvalidRequest", "prefixes must be a list of object keys (strings)");
    }
    const keys = prefixes.map((p) => objectKey(p.split("/").map(encodeURIComponent)));
    const removed = await apiQuery<ObjectRow>(
      this.db,
      claims,
      "delete from storage.objects where bucket_id = $1 and name = any($2) returning id, name, metadata",
      [bucket.id, keys],
    );
    for (const r of removed) this.files.remove(bucket.id, r.name);
    return { status: 200, body: removed.map((r) => ({ ...r, bucket_id: bucket.id })) };
  }

  /** The object row as the server sees it, for reads already authorized (public, signed). */
  private async objectRow(bucketId: string, key: string): Promise<ObjectRow> {
    const row = (
      await this.db.query<ObjectRow>(
        "select id, name, metadata from storage.objects where bucket_id = $1 and name = $2",
        [bucketId, key],
      )
    ).rows[0];
    if (!row) throw notFound();
    return row;
  }

  private serve(bucketId: string, row: ObjectRow): StorageAnswer {
    const bytes = this.files.read(bucketId, row.name);
    if (!bytes) throw notFound();
    return {
      status: 200,
      body: undefined,
      bytes,
      headers: {
        "content-type": row.metadata?.mimetype ?? "application/octet-stream",
        "cache-control": `max-age=${row.metadata?.cacheControl ?? "3600"}`,
        etag: row.metadata?.eTag ?? "",
        "x-content-type-options": "nosniff",
      },
    };
  }
}

/** The bucket id from its URL-encoded path segment. */
function bucketName(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw new StorageFailure(400, "InvalidBucketName", "Invalid bucket name: bad percent-encoding");
  }
}

/** A JSON object body ({} when empty), or 400 saying what is wrong with it. */
function jsonObject(body: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = parseJsonBody(body.toString("utf8")) ?? {};
  } catch (e) {
    if (!(e instanceof JsonBodyError)) throw e;
    throw new StorageFailure(400, "InvalidJSON", `${e.message}${e.details ? ` (${e.details})` : ""}. ${e.hint}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new StorageFailure(400, "InvalidJSON", "The body must be a JSON object.");
  }
  return value as Record<string, unknown>;
}

/** The file of an upload: supabase-js sends a Blob as multipart form data, bytes as the raw body. */
async function uploadedFile(req: StorageRequest): Promise<{ bytes: Buffer; type: string; cacheControl: string }> {
  const contentType = req.headers["content-type"] ?? "";
  if (!contentType.startsWith("multipart/form-data")) {
    const cacheControl = /max-age=(\d+)/.exec(req.headers["cache-control"] ?? "")?.[1] ?? "3600";
    return { bytes: req.body, type: contentType, cacheControl };
  }
  const form = await new Request("http://storage.local/", {
    method: "POST",
    headers: { "content-type": contentType },
    body: new Uint8Array(req.body),
  })
    .formData()
    .catch(() => {
      throw new StorageFailure(400, "InvalidRequest", "malformed multipart body");
    });
  const file = [...form.values()].find((v): v is File => typeof v !== "string");
  if (!file) throw new StorageFailure(400, "InvalidRequest", "no file in the multipart body");
  const cacheControl = String(form.get("cacheControl") ?? "3600");
  return { bytes: Buffer.from(await file.arrayBuffer()), type: file.type, cacheControl };
}
