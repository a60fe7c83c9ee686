// Foreign keys, idempotent saves, the audit log, and bad input that must be refused whole.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { META, SAVE_SQL, embedding, freshCatalog, saveParams, vec, type TestCatalog } from "../helpers/catalog-db";

let c: TestCatalog;
beforeAll(async () => {
  c = await freshCatalog();
});
afterAll(async () => c?.db.close());

const counts = async () =>
  (
    await c.db.query<{ r: number; e: number; s: number }>(`select
      (select count(*)::int from media_references.reference_images) r,
      (select count(*)::int from media_references.image_embeddings) e,
      (select count(*)::int from media_references.shot_references) s`)
  ).rows[0];

describe("foreign keys across schemas", () => {
  it("a reference with a valid shot is saved and linked", async () => {
    const id = crypto.randomUUID();
    const [{ saved }] = await c.as<{ saved: { shot_id: string } }>(
      "employee",
      SAVE_SQL,
      saveParams(id, { shot: c.shots.get(2) }),
    );
    expect(saved.shot_id).toBe(c.shots.get(2));
  });

  it("an unknown shot is refused by the RPC (23503) and by the constraint itself", async () => {
    await expect(
      c.as("employee", SAVE_SQL, saveParams(crypto.randomUUID(), { shot: crypto.randomUUID() })),
    ).rejects.toMatchObject({
      code: "23503",
      detail: "unknown_shot",
      message: expect.stringContaining("unknown shot"),
    });
    const id = crypto.randomUUID(); // a reference with no shot link yet
    await c.as("employee", SAVE_SQL, saveParams(id));
    await expect(
      c.db.query(
        "insert into media_references.shot_references (reference_image_id, shot_id) values ($1, gen_random_uuid())",
        [id],
      ),
    ).rejects.toMatchObject({ code: "23503" });
  });

  it("deleting a referenced shot is refused (integrity class 23: 23001 on PG 18, 23503 on Supabase)", async () => {
    const shot = c.shots.get(2);
    const err = await c.db.query("delete from public.shots where id = $1", [shot]).catch((e) => e);
    expect(String(err.code)).toMatch(/^23/);
    expect(err.message).toContain("fk_shot_id");
    const [{ n }] = await c.as<{ n: number }>("employee", "select media_references.shot_reference_count($1) n", [shot]);
    expect(n).toBe(1);
    // an unreferenced shot deletes fine
    await c.db.query("delete from public.shots where id = $1", [c.shots.get(8)]);
  });
});

describe("save_reference", () => {
  it("is idempotent on the client-generated id: a retry returns the same row, no duplicate", async () => {
    const id = crypto.randomUUID();
    const before = await counts();
    const [first] = await c.as<{ saved: Record<string, unknown> }>(
      "employee",
      SAVE_SQL,
      saveParams(id, { shot: c.shots.get(3) }),
    );
    const [again] = await c.as<{ saved: Record<string, unknown> }>(
      "employee",
      SAVE_SQL,
      saveParams(id, { shot: c.shots.get(3) }),
    );
    expect(first.saved.created).toBe(true);
    expect(again.saved.created).toBe(false);
    expect({ ...again.saved, created: true }).toEqual(first.saved);
    const after = await counts();
    expect(after).toEqual({ r: before.r + 1, e: before.e + 1, s: before.s + 1 });
  });

  it("writes image, embedding and shot link atomically: a failure at the link leaves nothing behind", async () => {
    // The link is the last of three inserts. A trigger refuses it and reports what the same
    // transaction had written by then, so the test sees the failure land after the first inserts.
    await c.db.exec(`
      create function public.refuse_link() returns trigger language plpgsql set search_path = '' as $$
      begin
        raise exception 'link refused after % reference and % embedding',
          (select count(*) from media_references.reference_images where id = new.reference_image_id),
          (select count(*) from media_references.image_embeddings where reference_image_id = new.reference_image_id);
      end $$;
      create trigger refuse_link before insert on media_references.shot_references
        for each row execute function public.refuse_link();`);
    try {
      const before = await counts();
      const auditBefore = (await c.db.query("select count(*)::int n from media_references.audit_log")).rows;
      await expect(
        c.as("employee", SAVE_SQL, saveParams(crypto.randomUUID(), { shot: c.shots.get(5) })),
      ).rejects.toMatchObject({ code: "P0001", message: "link refused after 1 reference and 1 embedding" });
      expect(await counts()).toEqual(before);
      expect((await c.db.query("select count(*)::int n from media_references.audit_log")).rows).toEqual(auditBefore);
    } finally {
      await c.db.exec(
        "drop trigger refuse_link on media_references.shot_references; drop function public.refuse_link()",
      );
    }
  });

  it("an unknown shot fails at the link insert, after the other two, and is named (23503 unknown_shot)", async () => {
    const before = await counts();
    const shot = "00000000-0000-4000-d000-000000000000";
    await expect(c.as("employee", SAVE_SQL, saveParams(crypto.randomUUID(), { shot }))).rejects.toMatchObject({
      code: "23503",
      detail: "unknown_shot",
      message: `unknown shot ${shot}: it is not in public.shots`,
    });
    expect(await counts()).toEqual(before);
  });

  it("records who wrote what in the audit log, without the vector", async () => {
    const id = crypto.randomUUID();
    await c.as("employee", SAVE_SQL, saveParams(id, { shot: c.shots.get(4) }));
    const log = await c.as<{ table_name: string; operation: string; actor: string; new_row: Record<string, unknown> }>(
      "admin",
      `select table_name, operation, actor, new_row from media_references.audit_log
       where row_id = $1 or new_row ->> 'reference_image_id' = $1::text order by id`,
      [id],
    );
    expect(log.map((l) => `${l.table_name}:${l.operation}`)).toEqual([
      "reference_images:INSERT",
      "image_embeddings:INSERT",
      "shot_references:INSERT",
    ]);
    expect(new Set(log.map((l) => l.actor))).toEqual(new Set(["00000000-0000-4000-a000-000000000002"]));
    expect(log[1].new_row).not.toHaveProperty("embedding");
    // clients cannot read the audit log
    expect(await c.as("client", "select * from media_references.audit_log")).toEqual([]);
  });
});

describe("bad input gets a clear error and writes nothing", () => {
  // [what, input, SQLSTATE, DETAIL the client maps to its code, message]
  const cases: Array<[string, Parameters<typeof saveParams>[1], string, string | undefined, RegExp]> = [
    [
      "a wrong vector dimension",
      { emb: "[0.1,0.2,0.3]" },
      "22023",
      "invalid_embedding",
      /3 dimensions; CLIP ViT-B\/32 embeddings have 512/,
    ],
    ["an all-zero vector", { emb: vec(Array(512).fill(0)) }, "22023", "invalid_embedding", /^embedding is all zeros/],
    // pgvector's own input check, before save_reference runs: no DETAIL, the client maps 22000
    [
      "NaN in the vector",
      { emb: vec(embedding(9)).replace(/^\[[^,]+/, "[NaN") },
      "22000",
      undefined,
      /NaN not allowed/,
    ],
    [
      "Infinity in the vector",
      { emb: vec(embedding(9)).replace(/^\[[^,]+/, "[Infinity") },
      "22000",
      undefined,
      /infinite value not allowed/,
    ],
    [
      "an unknown model version",
      { model: "openai/clip-vit-large@fp16" },
      "22023",
      "unknown_model_version",
      /unknown model version "openai\/clip-vit-large@fp16"/,
    ],
    [
      "metadata with an unknown field",
      { meta: { ...META, mood: "happy" } },
      "22023",
      "invalid_metadata",
      /unknown metadata field "mood"/,
    ],
    [
      "metadata missing a required field",
      { meta: { subject: "oven", shotType: "MID" } },
      "22023",
      "invalid_metadata",
      /"location" is required/,
    ],
    [
      "a shot type outside the IA vocabulary",
      { meta: { ...META, shotType: "OBJ-L" } },
      "22023",
      "invalid_metadata",
      /shotType "OBJ-L" is not in the IA vocabulary/,
    ],
    [
      "keywords that are not strings",
      { meta: { ...META, keywords: ["ok", 3] } },
      "22023",
      "invalid_metadata",
      /"keywords" must be a list of strings/,
    ],
    [
      "a fractional shot number",
      { meta: { ...META, shotNumber: 2.5 } },
      "22023",
      "invalid_metadata",
      /"shotNumber" must be a whole number/,
    ],
    [
      "lockedFields naming a non-field",
      { meta: { ...META, lockedFields: ["id"] } },
      "22023",
      "invalid_metadata",
      /"lockedFields" must list only/,
    ],
    [
      "a 1 MB subject",
      { meta: { ...META, subject: "x".repeat(1_000_000) } },
      "22023",
      "limit_exceeded",
      /"subject" is 1000000 characters; at most 200 are allowed/,
    ],
    ["an unknown shot", { shot: "00000000-0000-4000-d000-000000000001" }, "23503", "unknown_shot", /unknown shot/],
  ];

  it.each(cases)("%s", async (_name, opts, code, detail, message) => {
    const before = await counts();
    const err = await c.as("employee", SAVE_SQL, saveParams(crypto.randomUUID(), opts)).catch((e) => e);
    expect({ code: err.code, detail: err.detail }).toEqual({ code, detail });
    expect(err.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it("a client cannot save: 42501 not_staff", async () => {
    await expect(c.as("client", SAVE_SQL, saveParams(crypto.randomUUID()))).rejects.toMatchObject({
      code: "42501",
      detail: "not_staff",
    });
  });

  it("a direct insert that bypasses the RPC still meets the metadata check", async () => {
    await expect(
      c.as(
        "employee",
        "insert into media_references.reference_images (file_path, corrected_metadata) values ('x', '{\"location\":1}')",
      ),
    ).rejects.toMatchObject({ code: "23514", constraint: "reference_images_corrected_metadata_check" });
  });

  it("a direct insert of a zero vector meets image_embeddings_not_zero (23514)", async () => {
    const id = crypto.randomUUID();
    await c.as("employee", SAVE_SQL, saveParams(id, { model: "Xenova/clip-vit-base-patch32@q8" }));
    await expect(
      c.as(
        "employee",
        `insert into media_references.image_embeddings (reference_image_id, model_version, embedding)
         values ($1, 'Xenova/clip-vit-base-patch32@fp32', $2::extensions.vector)`,
        [id, vec(Array(512).fill(0))],
      ),
    ).rejects.toMatchObject({ code: "23514", constraint: "image_embeddings_not_zero" });
  });

  it("match_references refuses a wrong dimension, a zero vector, an unknown model and a bad count", async () => {
    await expect(
      c.as("anon", "select * from media_references.match_references('[1,2]'::extensions.vector)"),
    ).rejects.toMatchObject({
      code: "22023",
      detail: "invalid_embedding",
      message: expect.stringContaining("2 dimensions"),
    });
    await expect(
      c.as("anon", "select * from media_references.match_references($1::extensions.vector)", [vec(Array(512).fill(0))]),
    ).rejects.toMatchObject({
      code: "22023",
      detail: "invalid_embedding",
      message: expect.stringContaining("all zeros"),
    });
    await expect(
      c.as("anon", "select * from media_references.match_references($1::extensions.vector, 5, null, null, 'nope')", [
        vec(embedding(1)),
      ]),
    ).rejects.toMatchObject({
      code: "22023",
      detail: "unknown_model_version",
      message: expect.stringContaining("unknown model version"),
    });
    await expect(
      c.as("anon", "select * from media_references.match_references($1::extensions.vector, 0)", [vec(embedding(1))]),
    ).rejects.toMatchObject({ code: "22023", detail: "invalid_match_count" });
  });
});

describe("match_references", () => {
  it("returns the top k by similarity with metadata and shot fields, filtered on request", async () => {
    const k = await c.as<{ similarity: number; shot_type: string | null; corrected_metadata: { shotType: string } }>(
      "anon",
      "select * from media_references.match_references($1::extensions.vector, 3)",
      [vec(embedding(1))],
    );
    expect(k).toHaveLength(3);
    expect(k[0].similarity).toBeGreaterThanOrEqual(k[1].similarity);
    expect(k[1].similarity).toBeGreaterThanOrEqual(k[2].similarity);
    const cuOnly = await c.as<{ corrected_metadata: { shotType: string } }>(
      "anon",
      "select * from media_references.match_references($1::extensions.vector, 10, 'CU')",
      [vec(embedding(1))],
    );
    expect(cuOnly).toEqual([]); // every saved reference so far is MID
    const byStatus = await c.as<{ shot_status: string }>(
      "anon",
      "select * from media_references.match_references($1::extensions.vector, 10, null, '2nd_take')",
      [vec(embedding(1))],
    );
    expect(byStatus.length).toBeGreaterThan(0);
    expect(new Set(byStatus.map((r) => r.shot_status))).toEqual(new Set(["2nd_take"]));
  });

  it("compares only embeddings of the requested model version", async () => {
    const id = crypto.randomUUID();
    await c.as(
      "employee",
      SAVE_SQL,
      saveParams(id, { model: "Xenova/clip-vit-base-patch32@fp32", emb: vec(embedding(77)) }),
    );
    const q8 = await c.as<{ reference_id: string }>(
      "anon",
      "select * from media_references.match_references($1::extensions.vector, 50)",
      [vec(embedding(77))],
    );
    expect(q8.map((r) => r.reference_id)).not.toContain(id);
    const fp32 = await c.as<{ reference_id: string }>(
      "anon",
      "select * from media_references.match_references($1::extensions.vector, 50, null, null, 'Xenova/clip-vit-base-patch32@fp32')",
      [vec(embedding(77))],
    );
    expect(fp32.map((r) => r.reference_id)).toEqual([id]);
  });
});
