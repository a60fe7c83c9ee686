// The offline copy's change feed (migration 20251124130000, docs/adr/0018): rows changed between
// two cursors, deletions included, read under the references' own RLS by every role.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vectorFromBinary } from "../../src/lib/catalog";
import { asRequest } from "../../src/server/catalog/request";
import {
  ACTORS,
  SAVE_SQL,
  claimsFor,
  embedding,
  freshCatalog,
  saveParams,
  type Actor,
  type TestCatalog,
} from "../helpers/catalog-db";

const MODEL = "Xenova/clip-vit-base-patch32@q8";
let c: TestCatalog;
beforeAll(async () => {
  c = await freshCatalog();
});
afterAll(async () => c?.db.close());

interface FeedRow {
  reference_id: string;
  present: boolean;
  file_path: string | null;
  corrected_metadata: { subject?: string } | null;
  shot_id: string | null;
  embedding_base64: string | null;
}

const cursor = async (actor: Actor = "anon") =>
  (await c.as<{ c: string }>(actor, "select media_references.reference_change_cursor() c"))[0].c;

const changes = (actor: Actor, since: string | null, until: string, model = MODEL) =>
  c.as<FeedRow>(
    actor,
    "select * from media_references.reference_changes_since($1, until_cursor => $2, since_cursor => $3)",
    [model, until, since],
  );

const save = (id: string, opts: Parameters<typeof saveParams>[1] = {}) =>
  c.as("employee", SAVE_SQL, saveParams(id, { model: MODEL, ...opts }));

describe("the reference change feed", () => {
  it("gives every role the same changed references, with their embedding and shot link", async () => {
    const before = await cursor();
    const id = crypto.randomUUID();
    await save(id, { shot: c.shots.get(2) });
    const until = await cursor();
    for (const actor of ACTORS) {
      const rows = await changes(actor, before, until);
      expect(
        rows.map((r) => [r.reference_id, r.present, r.shot_id]),
        actor,
      ).toEqual([[id, true, c.shots.get(2)]]);
      const sent = embedding(1);
      const got = vectorFromBinary(rows[0].embedding_base64!);
      expect(got, actor).toHaveLength(512);
      expect(Math.max(...got.map((x, d) => Math.abs(x - sent[d]))), actor).toBeLessThan(1e-7);
    }
  });

  it("returns only what changed since the cursor", async () => {
    const a = crypto.randomUUID();
    await save(a);
    const mid = await cursor();
    const b = crypto.randomUUID();
    await save(b);
    const rows = await changes("anon", mid, await cursor());
    expect(rows.map((r) => r.reference_id)).toEqual([b]);
  });

  it("reports a deleted reference as not present (its tombstone), and the same for one no longer confirmed", async () => {
    const gone = crypto.randomUUID();
    const pending = crypto.randomUUID();
    await save(gone);
    await save(pending);
    const since = await cursor();
    await c.as("admin", "delete from media_references.reference_images where id = $1", [gone]);
    await c.as("employee", "select * from media_references.mark_references_pending($1::uuid[])", [[pending]]);
    const rows = await changes("client", since, await cursor());
    expect(rows.map((r) => [r.reference_id, r.present]).sort()).toEqual(
      [
        [gone, false],
        [pending, false],
      ].sort(),
    );
    expect(rows.every((r) => r.embedding_base64 === null && r.file_path === null)).toBe(true);
  });

  it("reports an update as the reference's new state", async () => {
    const id = crypto.randomUUID();
    await save(id);
    const since = await cursor();
    await c.as(
      "employee",
      `update media_references.reference_images
          set corrected_metadata = corrected_metadata || '{"subject": "hob"}' where id = $1`,
      [id],
    );
    const [row] = await changes("anon", since, await cursor());
    expect(row).toMatchObject({ reference_id: id, present: true, corrected_metadata: { subject: "hob" } });
  });

  it("says a reference of another model version is not present for this one", async () => {
    const since = await cursor();
    const id = crypto.randomUUID();
    await save(id, { model: "Xenova/clip-vit-base-patch32@fp32" });
    const rows = await changes("anon", since, await cursor());
    expect(rows.map((r) => [r.reference_id, r.present])).toEqual([[id, false]]);
  });

  it("excludes what a transaction still running writes: its id is at or above the cursor", async () => {
    const since = await cursor();
    const id = crypto.randomUUID();
    // the cursor a reader takes while the save's transaction is open sees it as running
    const [{ inside }] = await asRequest(c.db, claimsFor("employee"), async (tx) => {
      await tx.query(SAVE_SQL, saveParams(id, { model: MODEL }));
      return (await tx.query<{ inside: string }>("select media_references.reference_change_cursor() inside")).rows;
    });
    expect(await changes("anon", since, inside)).toEqual([]);
    expect((await changes("anon", since, await cursor())).map((r) => r.reference_id)).toEqual([id]);
  });

  it("pages by reference id within one window", async () => {
    const since = await cursor();
    const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()].sort();
    for (const id of ids) await save(id);
    const until = await cursor();
    const page = (after: string | null) =>
      c.as<FeedRow>(
        "anon",
        `select * from media_references.reference_changes_since($1, until_cursor => $2, since_cursor => $3,
                  after_reference => $4, max_rows => 2)`,
        [MODEL, until, since, after],
      );
    const first = await page(null);
    const second = await page(first[1].reference_id);
    expect([...first, ...second].map((r) => r.reference_id)).toEqual(ids);
  });

  it("refuses an unknown model version and a missing cursor with their codes", async () => {
    const until = await cursor();
    await expect(changes("anon", null, until, "nope")).rejects.toMatchObject({
      code: "22023",
      detail: "unknown_model_version",
    });
    await expect(
      c.as("anon", "select * from media_references.reference_changes_since($1, null)", [MODEL]),
    ).rejects.toMatchObject({ code: "22023", detail: "invalid_cursor" });
  });

  it("lets nobody but the triggers write the change table", async () => {
    for (const actor of ["anon", "client", "employee", "admin"] as const) {
      await expect(
        c.as(actor, "insert into media_references.reference_changes (reference_id) values (gen_random_uuid())"),
        actor,
      ).rejects.toMatchObject({ code: "42501" });
      await expect(c.as(actor, "delete from media_references.reference_changes"), actor).rejects.toMatchObject({
        code: "42501",
      });
    }
  });
});
