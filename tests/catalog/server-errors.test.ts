// Bad input answers 4xx with a message, never 500; GET never writes; no answer shows a server path
// (issue 20 §5).
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GoTrue } from "../../src/server/catalog/gotrue";
import { redactPaths } from "../../src/server/catalog/http-errors";
import { MAX_JSON_DEPTH } from "../../src/server/catalog/json-body";
import { Postgrest } from "../../src/server/catalog/postgrest";
import { startCatalogServer, type RunningCatalog } from "../../src/server/catalog/server";
import { ObjectFiles } from "../../src/server/catalog/storage-objects";
import { META, embedding } from "../helpers/catalog-db";

const BUCKET = "reference-thumbnails";
let catalog: RunningCatalog;
let editorToken: string;
let jpeg: Buffer;
beforeAll(async () => {
  catalog = await startCatalogServer({ localPassword: "pw" });
  const session = await fetch(`${catalog.url}/auth/v1/token?grant_type=password`, {
    method: "POST",
    headers: { apikey: catalog.anonKey, "content-type": "application/json" },
    body: JSON.stringify({ email: "editor@eav.local", password: "pw" }),
  });
  editorToken = ((await session.json()) as { access_token: string }).access_token;
  jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#c86432" } })
    .jpeg()
    .toBuffer();
});
afterAll(async () => catalog?.close());

/** A request as the editor, through the REST schema media_references unless `profile` says otherwise. */
function asEditor(route: string, init: { method?: string; body?: string | Buffer; headers?: Record<string, string> }) {
  return fetch(`${catalog.url}${route}`, {
    method: init.method ?? "GET",
    headers: {
      apikey: catalog.anonKey,
      authorization: `Bearer ${editorToken}`,
      "content-type": "application/json",
      "content-profile": "media_references",
      "accept-profile": "media_references",
      ...init.headers,
    },
    body: init.body === undefined ? undefined : new Uint8Array(Buffer.from(init.body)),
  });
}

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
const saveBody = (fields: string) =>
  `{"reference_id":"${crypto.randomUUID()}","file_path":"/a.jpg","embedding":${JSON.stringify(embedding(3))},${fields}}`;

describe("bodies and parameters the database never sees", () => {
  it("answers JSON nested 5,000 deep with 400 PGRST102, on every API", async () => {
    const deep = nested(5000);
    const rest = await asEditor("/rest/v1/rpc/save_reference", {
      method: "POST",
      body: saveBody(`"corrected_metadata":{"a":${deep}}`),
    });
    expect(rest.status).toBe(400);
    expect(await rest.json()).toEqual({
      code: "PGRST102",
      message: `JSON nested more than ${MAX_JSON_DEPTH} levels deep`,
      details: null,
      hint: expect.stringContaining(`at most ${MAX_JSON_DEPTH} levels`),
    });
    const auth = await asEditor("/auth/v1/token?grant_type=password", { method: "POST", body: `{"email":${deep}}` });
    expect(auth.status).toBe(400);
    const remove = await asEditor(`/storage/v1/object/${BUCKET}`, {
      method: "DELETE",
      body: `{"prefixes":${deep}}`,
    });
    expect(remove.status).toBe(400);
    expect(await remove.json()).toMatchObject({ statusCode: "400", error: "InvalidJSON" });
  });

  it("still takes JSON as deep as the limit", async () => {
    // nested in original_catalog, which takes any JSON; the corrected metadata must be flat
    const inner = "[".repeat(MAX_JSON_DEPTH - 2) + "]".repeat(MAX_JSON_DEPTH - 2);
    const res = await asEditor("/rest/v1/rpc/save_reference", {
      method: "POST",
      body: saveBody(`"corrected_metadata":${JSON.stringify(META)},"original_catalog":{"a":${inner}}`),
    });
    expect(res.status).toBe(200);
  });

  it("answers a vector of more than 16,000 dimensions with 400 and pgvector's message", async () => {
    const compact = `[${Array(16_001).fill(0).join(",")}]`;
    for (const value of [compact, JSON.stringify(compact)]) {
      const res = await fetch(`${catalog.url}/rest/v1/rpc/match_references`, {
        method: "POST",
        headers: { apikey: catalog.anonKey, "content-type": "application/json", "content-profile": "media_references" },
        body: `{"query_embedding":${value},"match_count":1}`,
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        code: "54000",
        message: "vector cannot have more than 16000 dimensions",
      });
    }
  });

  it("refuses an order, select or filter it cannot parse (400 PGRST100), never sorting silently", async () => {
    for (const query of [
      "order=shot_number.desc;select",
      "order=shot_number.sideways",
      "order=shot_number.desc.nullsfirst.extra",
      "order=,shot_number",
      "select=shot_number,,shot_type",
    ]) {
      const res = await asEditor(`/rest/v1/shots?${query}`, { headers: { "accept-profile": "public" } });
      expect(res.status, query).toBe(400);
      expect(await res.json(), query).toMatchObject({
        code: "PGRST100",
        message: expect.stringMatching(/failed to parse/),
      });
    }
    const inherited = await asEditor("/rest/v1/shots?shot_number=constructor.1", {
      headers: { "accept-profile": "public" },
    });
    expect(inherited.status).toBe(400);
    expect(await inherited.json()).toMatchObject({ code: "PGRST100" });
  });

  it("sorts as asked with every form PostgREST takes", async () => {
    const numbers = async (order: string) => {
      const res = await asEditor(`/rest/v1/shots?select=shot_number&order=${order}`, {
        headers: { "accept-profile": "public" },
      });
      expect(res.status, order).toBe(200);
      return ((await res.json()) as Array<{ shot_number: number }>).map((r) => r.shot_number);
    };
    const ascending = await numbers("shot_number");
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(await numbers("shot_number.asc")).toEqual(ascending);
    expect(await numbers("shot_number.desc")).toEqual([...ascending].reverse());
    expect(await numbers("shot_number.desc.nullslast")).toEqual([...ascending].reverse());
    expect(await numbers("shot_number.nullsfirst")).toEqual(ascending);
  });
});

describe("GET never writes", () => {
  it("refuses a VOLATILE function over GET with 405 and leaves the row alone", async () => {
    const id = crypto.randomUUID();
    const saved = await asEditor("/rest/v1/rpc/save_reference", {
      method: "POST",
      body: JSON.stringify({
        reference_id: id,
        file_path: "/b.jpg",
        corrected_metadata: META,
        embedding: embedding(4),
      }),
    });
    expect(saved.status).toBe(200);
    const status = async () =>
      (await catalog.db.query("select review_status from media_references.reference_images where id = $1", [id])).rows;
    expect(await status()).toEqual([{ review_status: "confirmed" }]);

    const viaGet = await asEditor(`/rest/v1/rpc/mark_references_pending?reference_ids={${id}}`, {});
    expect(viaGet.status).toBe(405);
    expect(viaGet.headers.get("allow")).toBe("POST");
    expect(await viaGet.json()).toMatchObject({ code: "25006", hint: "Call it with POST." });
    expect(await status()).toEqual([{ review_status: "confirmed" }]);

    const viaPost = await asEditor("/rest/v1/rpc/mark_references_pending", {
      method: "POST",
      body: JSON.stringify({ reference_ids: [id] }),
    });
    expect(viaPost.status).toBe(200);
    expect(await status()).toEqual([{ review_status: "pending" }]);
  });

  it("keeps STABLE functions callable by GET", async () => {
    const cursor = await asEditor("/rest/v1/rpc/reference_change_cursor", {});
    expect(cursor.status).toBe(200);
    const shots = await asEditor("/rest/v1/rpc/list_shots?search=oven", {});
    expect(shots.status).toBe(200);
    expect(((await shots.json()) as unknown[]).length).toBeGreaterThan(0);
  });
});

describe("Storage", () => {
  const upload = (key: string) =>
    asEditor(`/storage/v1/object/${BUCKET}/${key}`, {
      method: "POST",
      body: jpeg,
      headers: { "content-type": "image/jpeg" },
    });
  const storageFiles = () => fs.readdirSync(catalog.storageDir, { recursive: true }).map(String);
  const objectRows = async (key: string) =>
    (await catalog.db.query("select 1 from storage.objects where bucket_id = $1 and name = $2", [BUCKET, key])).rows;

  it("answers a key that clashes with a folder or a file with 409, without a path or a .part file", async () => {
    const folder = crypto.randomUUID();
    expect((await upload(`${folder}/inside.jpg`)).status).toBe(200);
    const file = `${crypto.randomUUID()}.jpg`;
    expect((await upload(file)).status).toBe(200);

    for (const clash of [folder, `${file}/below.jpg`]) {
      const res = await upload(clash);
      expect(res.status, clash).toBe(409);
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({ statusCode: "409", error: "KeyConflict" });
      expect(text).not.toContain(catalog.storageDir);
      expect(text).not.toContain(path.sep + BUCKET + path.sep);
      expect(await objectRows(clash)).toEqual([]);
    }
    expect(storageFiles().filter((f) => f.endsWith(".part"))).toEqual([]);
    // what was there before is intact
    expect(fs.readFileSync(path.join(catalog.storageDir, BUCKET, file))).toEqual(jpeg);
  });

  it("answers malformed percent-encoding in the bucket or key, and bad JSON bodies, with 400", async () => {
    expect((await upload("%E0%A4%A.jpg")).status).toBe(400);
    const bucket = await asEditor("/storage/v1/object/%E0%A4%A/x.jpg", {
      method: "POST",
      body: jpeg,
      headers: { "content-type": "image/jpeg" },
    });
    expect(bucket.status).toBe(400);
    expect(await bucket.json()).toMatchObject({ error: "InvalidBucketName" });
    expect((await asEditor("/storage/v1/object/public/%E0%A4%A/x.jpg", {})).status).toBe(400);

    const key = `${crypto.randomUUID()}.jpg`;
    expect((await upload(key)).status).toBe(200);
    for (const body of ["{bad", "[1]", '"text"']) {
      const sign = await asEditor(`/storage/v1/object/sign/${BUCKET}/${key}`, { method: "POST", body });
      expect(sign.status, body).toBe(400);
      expect(await sign.json(), body).toMatchObject({ statusCode: "400", error: "InvalidJSON" });
    }
    const remove = await asEditor(`/storage/v1/object/${BUCKET}`, { method: "DELETE", body: '{"prefixes":[["x"]]}' });
    expect(remove.status).toBe(400);
  });
});

describe("a server fault", () => {
  const fault = () => new Error(`EIO: i/o error, open '${catalog.storageDir}/${BUCKET}/x.jpg'`);

  it("answers 500 without the server's paths or the error's own message, on every API", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const spies = [
      vi.spyOn(ObjectFiles.prototype, "write").mockImplementation(() => {
        throw fault();
      }),
      // a table read (private) as the REST API's stand-in
      vi.spyOn(Postgrest.prototype as unknown as { read: () => Promise<unknown> }, "read").mockRejectedValue(fault()),
      vi.spyOn(GoTrue.prototype, "handle").mockRejectedValue(fault()),
    ];
    try {
      const answers = [
        await upload500(),
        await asEditor("/rest/v1/reference_images", {}),
        await asEditor("/auth/v1/token?grant_type=password", { method: "POST", body: "{}" }),
      ];
      for (const res of answers) {
        expect(res.status).toBe(500);
        const text = await res.text();
        expect(text).not.toContain(catalog.storageDir);
        expect(text).not.toContain("EIO");
        expect(text).toMatch(/failed unexpectedly/);
      }
      expect(quiet).toHaveBeenCalledTimes(3); // the details go to the server's log
      expect(
        fs
          .readdirSync(catalog.storageDir, { recursive: true })
          .map(String)
          .filter((f) => f.endsWith(".part")),
      ).toEqual([]);
    } finally {
      for (const spy of spies) spy.mockRestore();
      quiet.mockRestore();
    }

    function upload500() {
      return asEditor(`/storage/v1/object/${BUCKET}/${crypto.randomUUID()}.jpg`, {
        method: "POST",
        body: jpeg,
        headers: { "content-type": "image/jpeg" },
      });
    }
  });

  it("never shows an absolute path in a 5xx body, whatever the message (POSIX and Windows)", () => {
    expect(
      redactPaths({
        code: "58P01",
        message: 'could not open file "/home/editor/.cache/catalog-db/base/5/1259": No such file',
        details: "C:\\Users\\editor\\catalog\\x.jpg",
        hint: "see http://127.0.0.1:54321/health and text/plain",
      }),
    ).toEqual({
      code: "58P01",
      message: 'could not open file "<path>": No such file',
      details: "<path>",
      hint: "see http://127.0.0.1:54321/health and text/plain",
    });
  });
});
