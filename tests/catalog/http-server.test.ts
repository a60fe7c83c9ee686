// supabase-js, unchanged, against the local catalog server over HTTP on 127.0.0.1.
import { createClient } from "@supabase/supabase-js";
import { SignJWT } from "jose";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signToken } from "../../src/server/catalog/jwt";
import { SAMPLE_SHOTS } from "../../src/server/catalog/seed";
import { startCatalogServer, type RunningCatalog } from "../../src/server/catalog/server";
import { META, embedding } from "../helpers/catalog-db";

// Node 20 has no global WebSocket; supabase-js's realtime client needs one to construct.
const NODE_REALTIME = { transport: WebSocket as never };
let catalog: RunningCatalog;
beforeAll(async () => {
  catalog = await startCatalogServer({ localPassword: "pw-for-tests" });
});
afterAll(async () => catalog?.close());

function client(accessToken?: string) {
  return createClient(catalog.url, catalog.anonKey, {
    db: { schema: "media_references" },
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: NODE_REALTIME,
    global: accessToken ? { headers: { Authorization: `Bearer ${accessToken}` } } : {},
  });
}

async function signIn(email: string): Promise<ReturnType<typeof client>> {
  const c = client();
  const { data, error } = await c.auth.signInWithPassword({ email, password: "pw-for-tests" });
  expect(error).toBeNull();
  return client(data.session!.access_token);
}

const saveArgs = (id: string, extra: Record<string, unknown> = {}) => ({
  reference_id: id,
  file_path: "/Volumes/EAV Media/Küche Tag 1/clip 01.mov",
  corrected_metadata: META,
  embedding: embedding(5),
  ...extra,
});

describe("local catalog over HTTP with supabase-js", () => {
  it("a staff user signs in, saves a reference (idempotently) and anon finds it by similarity", async () => {
    const editor = await signIn("editor@eav.local");
    const shots = await editor.rpc("list_shots", {});
    expect(shots.error).toBeNull();
    expect(shots.data).toHaveLength(SAMPLE_SHOTS.length);
    const shotId = (shots.data as Array<{ id: string; shot_number: number }>).find((s) => s.shot_number === 1)!.id;

    const id = crypto.randomUUID();
    const first = await editor.rpc("save_reference", saveArgs(id, { shot_id: shotId }));
    expect(first.error).toBeNull();
    expect(first.data).toMatchObject({ id, created: true, shot_id: shotId });
    const retry = await editor.rpc("save_reference", saveArgs(id, { shot_id: shotId }));
    expect(retry.data).toMatchObject({ id, created: false });

    const anon = client();
    const match = await anon.rpc("match_references", { query_embedding: embedding(5), match_count: 3 });
    expect(match.error).toBeNull();
    const top = (match.data as Array<{ reference_id: string; similarity: number; shot_number: number }>)[0];
    expect(top).toMatchObject({ reference_id: id, shot_number: 1 });
    expect(top.similarity).toBeCloseTo(1, 5);
  });

  it("reads the curated view with filters and .single()", async () => {
    const anon = client();
    const { data, error } = await anon
      .from("reference_images_with_shot")
      .select("id,file_path,shot_number,shot_subject")
      .eq("shot_number", 1)
      .limit(1)
      .single();
    expect(error).toBeNull();
    expect(data).toMatchObject({
      shot_number: 1,
      shot_subject: "oven",
      file_path: "/Volumes/EAV Media/Küche Tag 1/clip 01.mov",
    });
  });

  it("uses Accept-Profile / Content-Profile: public.shots is refused to anon, unknown schemas are 406", async () => {
    const anonPublic = createClient(catalog.url, catalog.anonKey, {
      auth: { persistSession: false },
      realtime: NODE_REALTIME,
    });
    const shots = await anonPublic.from("shots").select("*");
    expect(shots.status).toBe(401);
    expect(shots.error).toMatchObject({ code: "42501" });
    const other = createClient(catalog.url, catalog.anonKey, {
      db: { schema: "auth" },
      auth: { persistSession: false },
      realtime: NODE_REALTIME,
    });
    const users = await other.from("users").select("*");
    expect(users.status).toBe(406);
    expect(users.error).toMatchObject({ code: "PGRST106" });
  });

  it("answers PostgREST's error JSON and status codes for bad input", async () => {
    const editor = await signIn("editor@eav.local");
    const cases: Array<[Record<string, unknown>, number, string, RegExp]> = [
      [{ embedding: [0.1, 0.2] }, 400, "22023", /2 dimensions/],
      [{ model_version: "nope" }, 400, "22023", /unknown model version/],
      [{ corrected_metadata: { ...META, colour: "red" } }, 400, "22023", /unknown metadata field "colour"/],
      [{ shot_id: crypto.randomUUID() }, 409, "23503", /unknown shot/],
      // NaN cannot travel in JSON: it arrives as null and the vector is refused
      [{ embedding: embedding(1).map((v, i) => (i === 7 ? Number.NaN : v)) }, 400, "22P02", /vector/],
    ];
    for (const [override, status, code, message] of cases) {
      const res = await editor.rpc("save_reference", saveArgs(crypto.randomUUID(), override));
      expect(res.status, JSON.stringify(override).slice(0, 60)).toBe(status);
      expect(res.error).toMatchObject({ code, message: expect.stringMatching(message) });
      expect(res.error).toHaveProperty("hint");
      expect(res.error).toHaveProperty("details");
    }
    const unknownFn = await editor.rpc("drop_everything", {});
    expect(unknownFn.status).toBe(404);
    expect(unknownFn.error).toMatchObject({ code: "PGRST202" });
  });

  it("refuses saves from anon (401) and clients (403)", async () => {
    const anonSave = await client().rpc("save_reference", saveArgs(crypto.randomUUID()));
    expect(anonSave.status).toBe(401);
    expect(anonSave.error).toMatchObject({ code: "42501" });
    const clientUser = await signIn("client@eav.local");
    const clientSave = await clientUser.rpc("save_reference", saveArgs(crypto.randomUUID()));
    expect(clientSave.status).toBe(403);
    expect(clientSave.error).toMatchObject({ code: "42501", message: expect.stringContaining("only staff") });
  });

  it("rejects an expired JWT and a forged one", async () => {
    const expired = await signToken(catalog.jwtSecret, { role: "authenticated", sub: crypto.randomUUID() }, -60);
    const res1 = await client(expired).rpc("match_references", { query_embedding: embedding(1) });
    expect(res1.status).toBe(401);
    expect(res1.error).toMatchObject({ code: "PGRST303", message: "JWT expired" });

    const forged = await new SignJWT({ role: "service_role" })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("not-the-catalog-secret"));
    const res2 = await client(forged).rpc("list_shots", {});
    expect(res2.status).toBe(401);
    expect(res2.error).toMatchObject({ code: "PGRST301" });

    const wrongPassword = await client().auth.signInWithPassword({ email: "admin@eav.local", password: "guess" });
    expect(wrongPassword.error?.message).toMatch(/Invalid login credentials/);
  });

  it("serializes concurrent requests: 20 parallel saves and matches all succeed", async () => {
    const editor = await signIn("admin@eav.local");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2
          ? editor.rpc("save_reference", saveArgs(crypto.randomUUID(), { embedding: embedding(100 + i) }))
          : client().rpc("match_references", { query_embedding: embedding(i), match_count: 5 }),
      ),
    );
    expect(results.map((r) => r.error)).toEqual(Array(20).fill(null));
  });
});
