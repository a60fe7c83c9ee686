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

  it("writes image, embedding and shot link atomically: a failing link leaves nothing behind", async () => {
    const before = await counts();
    // the shot is deleted between check and insert: simulate by a shot id that exists in no table
    await expect(
      c.as("employee", SAVE_SQL, saveParams(crypto.randomUUID(), { shot: "00000000-0000-4000-d000-000000000000" })),
    ).rejects.toBeTruthy();
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
  const cases: Array<[string, Parameters<typeof saveParams>[1], string, RegExp]> = [
    ["a wrong vector dimension", { emb: "[0.1,0.2,0.3]" }, "22023", /3 dimensions; CLIP ViT-B\/32 embeddings have 512/],
    ["NaN in the vector", { emb: vec(embedding(9)).replace(/^\[[^,]+/, "[NaN") }, "22000", /NaN not allowed in vector/],
    [
      "an unknown model version",
      { model: "openai/clip-vit-large@fp16" },
      "22023",
      /unknown model version "openai\/clip-vit-large@fp16"/,
    ],
    ["metadata with an unknown field", { meta: { ...META, mood: "happy" } }, "22023", /unknown metadata field "mood"/],
    [
      "metadata missing a required field",
      { meta: { subject: "oven", shotType: "MID" } },
      "22023",
      /"location" is required/,
    ],
    [
      "a shot type outside the IA vocabulary",
      { meta: { ...META, shotType: "OBJ-L" } },
      "22023",
      /shotType "OBJ-L" is not in the IA vocabulary/,
    ],
    [
      "keywords that are not strings",
      { meta: { ...META, keywords: ["ok", 3] } },
      "22023",
      /"keywords" must be a list of strings/,
    ],
    [
      "a fractional shot number",
      { meta: { ...META, shotNumber: 2.5 } },
      "22023",
      /"shotNumber" must be a whole number/,
    ],
    [
      "lockedFields naming a non-field",
      { meta: { ...META, lockedFields: ["id"] } },
      "22023",
      /"lockedFields" must list only/,
    ],
    ["an unknown shot", { shot: "00000000-0000-4000-d000-000000000001" }, "23503", /unknown shot/],
  ];

  it.each(cases)("%s", async (_name, opts, code, message) => {
    const before = await counts();
    const err = await c.as("employee", SAVE_SQL, saveParams(crypto.randomUUID(), opts)).catch((e) => e);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it("a direct insert that bypasses the RPC still meets the metadata check", async () => {
    await expect(
      c.as(
        "employee",
        "insert into media_references.reference_images (file_path, corrected_metadata) values ('x', '{\"location\":1}')",
      ),
    ).rejects.toMatchObject({ code: "23514" });
  });

  it("match_references refuses a wrong dimension and an unknown model too", async () => {
    await expect(
      c.as("anon", "select * from media_references.match_references('[1,2]'::extensions.vector)"),
    ).rejects.toMatchObject({ code: "22023", message: expect.stringContaining("2 dimensions") });
    await expect(
      c.as("anon", "select * from media_references.match_references($1::extensions.vector, 5, null, null, 'nope')", [
        vec(embedding(1)),
      ]),
    ).rejects.toMatchObject({ code: "22023", message: expect.stringContaining("unknown model version") });
    await expect(
      c.as("anon", "select * from media_references.match_references($1::extensions.vector, 0)", [vec(embedding(1))]),
    ).rejects.toMatchObject({ code: "22023" });
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
