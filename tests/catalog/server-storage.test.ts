// Reference thumbnails in the local Storage, through supabase-js's storage.from(...) unchanged
// (issue 11 §4, §6): the bucket and policies come from the real migration, the object row is
// written under the caller's role, so RLS decides who uploads.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { createClient } from "@supabase/supabase-js";
import sharp from "sharp";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, listMigrations, rollbackMigration } from "../../src/server/catalog/database";
import { startCatalogServer, type RunningCatalog } from "../../src/server/catalog/server";

const BUCKET = "reference-thumbnails";
let catalog: RunningCatalog;
let jpeg: Buffer;
let png: Buffer;
beforeAll(async () => {
  catalog = await startCatalogServer({ localPassword: "pw" });
  jpeg = await sharp({ create: { width: 320, height: 180, channels: 3, background: "#c86432" } })
    .jpeg()
    .toBuffer();
  png = await sharp({ create: { width: 32, height: 32, channels: 3, background: "#3264c8" } })
    .png()
    .toBuffer();
});
afterAll(async () => catalog?.close());

function client(accessToken?: string) {
  return createClient(catalog.url, catalog.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
    global: accessToken ? { headers: { Authorization: `Bearer ${accessToken}` } } : {},
  });
}

async function signedIn(email: string) {
  const { data, error } = await client().auth.signInWithPassword({ email, password: "pw" });
  expect(error).toBeNull();
  return client(data.session!.access_token);
}

const objectRows = async (name: string) =>
  (
    await catalog.db.query("select owner, metadata from storage.objects where bucket_id = $1 and name = $2", [
      BUCKET,
      name,
    ])
  ).rows as Array<{ owner: string; metadata: { size: number; mimetype: string } }>;

const fileOnDisk = (name: string) => path.join(catalog.storageDir, BUCKET, ...name.split("/"));

describe("thumbnails in Storage", () => {
  it("the migration made a public, 2 MB, images-only bucket", async () => {
    const { rows } = await catalog.db.query(
      "select public, file_size_limit, allowed_mime_types from storage.buckets where id = $1",
      [BUCKET],
    );
    expect(rows).toEqual([
      { public: true, file_size_limit: 2097152, allowed_mime_types: ["image/jpeg", "image/png", "image/webp"] },
    ]);
  });

  it("staff upload (multipart Blob and raw bytes); the public URL, a signed URL and download serve the bytes", async () => {
    const editor = await signedIn("editor@eav.local");
    const name = `${crypto.randomUUID()}.jpg`;
    const up = await editor.storage.from(BUCKET).upload(name, new Blob([new Uint8Array(jpeg)], { type: "image/jpeg" }));
    expect(up.error).toBeNull();
    expect(up.data).toMatchObject({ path: name, fullPath: `${BUCKET}/${name}` });
    const [row] = await objectRows(name);
    expect(row).toMatchObject({ metadata: { size: jpeg.length, mimetype: "image/jpeg" } });
    expect(row.owner).toBeTruthy();
    expect(fs.readFileSync(fileOnDisk(name))).toEqual(jpeg);

    const raw = await editor.storage.from(BUCKET).upload(`folder/${name}.png`, png, { contentType: "image/png" });
    expect(raw.error).toBeNull();

    const publicUrl = editor.storage.from(BUCKET).getPublicUrl(name).data.publicUrl;
    const served = await fetch(publicUrl); // no key: as an <img src>
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await served.arrayBuffer())).toEqual(jpeg);

    const signed = await editor.storage.from(BUCKET).createSignedUrl(`folder/${name}.png`, 60);
    expect(signed.error).toBeNull();
    const viaSigned = await fetch(signed.data!.signedUrl);
    expect(Buffer.from(await viaSigned.arrayBuffer())).toEqual(png);
    const tampered = await fetch(signed.data!.signedUrl.replace(`folder/${name}.png`, name));
    expect(tampered.status).toBe(400);

    const downloaded = await client().storage.from(BUCKET).download(name); // anon reads, as it reads references
    expect(downloaded.error).toBeNull();
    expect(Buffer.from(await downloaded.data!.arrayBuffer())).toEqual(jpeg);
  });

  it("refuses uploads from anon and from non-staff users, and writes nothing", async () => {
    for (const [who, c] of [
      ["anon", client()],
      ["client", await signedIn("client@eav.local")],
    ] as const) {
      const name = `${who}-${crypto.randomUUID()}.jpg`;
      const res = await c.storage.from(BUCKET).upload(name, new Blob([new Uint8Array(jpeg)], { type: "image/jpeg" }));
      expect(res.error, who).toMatchObject({ status: 403, statusCode: "403" });
      expect(res.error!.message).toMatch(/row-level security/);
      expect(await objectRows(name)).toEqual([]);
      expect(fs.existsSync(fileOnDisk(name))).toBe(false);
    }
  });

  it("lets non-staff neither replace nor remove a staff thumbnail", async () => {
    const editor = await signedIn("editor@eav.local");
    const name = `${crypto.randomUUID()}.jpg`;
    expect((await editor.storage.from(BUCKET).upload(name, jpeg, { contentType: "image/jpeg" })).error).toBeNull();
    for (const c of [client(), await signedIn("client@eav.local")]) {
      const replace = await c.storage.from(BUCKET).upload(name, png, { contentType: "image/png", upsert: true });
      expect(replace.error).toMatchObject({ status: 403 });
      const removed = await c.storage.from(BUCKET).remove([name]);
      expect(removed.data ?? []).toEqual([]); // RLS hides the row from the delete, as on Supabase
    }
    expect(fs.readFileSync(fileOnDisk(name))).toEqual(jpeg);
    expect(await objectRows(name)).toHaveLength(1);
  });

  it("refuses a 10 MB file and one just over the bucket's 2 MB", async () => {
    const editor = await signedIn("editor@eav.local");
    const tenMb = Buffer.concat([jpeg, Buffer.alloc(10 * 1024 * 1024)]);
    const big = await editor.storage.from(BUCKET).upload("ten-mb.jpg", tenMb, { contentType: "image/jpeg" });
    expect(big.error).toMatchObject({ status: 413 });

    const noisy = await sharp({
      create: {
        width: 1000,
        height: 1000,
        channels: 3,
        background: "#000",
        noise: { type: "gaussian", mean: 128, sigma: 80 },
      },
    })
      .png()
      .toBuffer();
    expect(noisy.length).toBeGreaterThan(2 * 1024 * 1024);
    const over = await editor.storage.from(BUCKET).upload("noisy.png", noisy, { contentType: "image/png" });
    expect(over.error).toMatchObject({ status: 413, message: expect.stringContaining("maximum allowed size") });
    expect(await objectRows("noisy.png")).toEqual([]);
  });

  it("refuses what is not an image, whatever it claims to be", async () => {
    const editor = await signedIn("editor@eav.local");
    const text = Buffer.from("not an image at all");
    const cases: Array<[string, Buffer, string, RegExp]> = [
      ["plain.txt", text, "text/plain", /mime type text\/plain is not supported/],
      ["disguised.jpg", text, "image/jpeg", /not an image, not image\/jpeg/],
      ["png-as-jpeg.jpg", png, "image/jpeg", /a png image, not image\/jpeg/],
    ];
    for (const [name, bytes, contentType, message] of cases) {
      const res = await editor.storage.from(BUCKET).upload(name, bytes, { contentType });
      expect(res.error, name).toMatchObject({ status: 415, message: expect.stringMatching(message) });
      expect(await objectRows(name)).toEqual([]);
    }
  });

  it("refuses a path outside the bucket", async () => {
    const editor = await signedIn("editor@eav.local");
    // fetch resolves ../ itself: the request names another bucket, which does not exist
    const viaClient = await editor.storage.from(BUCKET).upload("../escape.jpg", jpeg, { contentType: "image/jpeg" });
    expect(viaClient.error).toMatchObject({ status: 404 });
    const session = await client().auth.signInWithPassword({ email: "editor@eav.local", password: "pw" });
    const token = session.data.session!.access_token;
    // a raw client sends it as is, plain or encoded
    const targets = [
      `/storage/v1/object/${BUCKET}/../escape.jpg`,
      `/storage/v1/object/${BUCKET}/%2e%2e/escape.jpg`,
      `/storage/v1/object/${BUCKET}/..%2Fescape.jpg`,
      `/storage/v1/object/${BUCKET}/a/..%5C..%5Cescape.jpg`,
    ];
    for (const target of targets) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(
          `${catalog.url}${target}`,
          {
            method: "POST",
            path: target,
            headers: { apikey: catalog.anonKey, authorization: `Bearer ${token}`, "content-type": "image/jpeg" },
          },
          (res) => (res.resume(), resolve(res.statusCode!)),
        );
        req.on("error", reject);
        req.end(jpeg);
      });
      expect(status, target).toBe(400);
    }
    const everything = fs.readdirSync(catalog.storageDir, { recursive: true }).map(String);
    expect(everything.filter((f) => f.includes("escape"))).toEqual([]);
  });

  it("replaces only with upsert, and staff remove", async () => {
    const admin = await signedIn("admin@eav.local");
    const name = `${crypto.randomUUID()}.jpg`;
    expect((await admin.storage.from(BUCKET).upload(name, jpeg, { contentType: "image/jpeg" })).error).toBeNull();
    const again = await admin.storage.from(BUCKET).upload(name, png, { contentType: "image/png" });
    expect(again.error).toMatchObject({ status: 409 });
    const upsert = await admin.storage.from(BUCKET).upload(name, png, { contentType: "image/png", upsert: true });
    expect(upsert.error).toBeNull();
    expect(fs.readFileSync(fileOnDisk(name))).toEqual(png);
    const removed = await admin.storage.from(BUCKET).remove([name]);
    expect(removed.error).toBeNull();
    expect(removed.data).toHaveLength(1);
    expect(fs.existsSync(fileOnDisk(name))).toBe(false);
    expect(await objectRows(name)).toEqual([]);
  });

  it("rolls back its policies, keeps a bucket that still holds thumbnails, and applies again", async () => {
    const thumbnails = listMigrations().find((m) => m.name === "reference_thumbnails_storage")!;
    await rollbackMigration(catalog.db, thumbnails);
    const policies = () =>
      catalog.db.query(
        "select count(*)::int n from pg_policies where schemaname = 'storage' and tablename = 'objects'",
      );
    expect((await policies()).rows).toEqual([{ n: 0 }]);
    expect((await catalog.db.query("select id from storage.buckets")).rows).toEqual([{ id: BUCKET }]);
    expect((await applyMigrations(catalog.db)).map((m) => m.name)).toEqual(["reference_thumbnails_storage"]);
    expect((await policies()).rows).toEqual([{ n: 4 }]);
  });
});
