// Rollback newest first, IA before EAV: public.shots and its data survive, and migrating again works.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appliedVersions, applyMigrations, listMigrations, rollbackMigration } from "../../src/server/catalog/database";
import { SAVE_SQL, freshCatalog, saveParams, type TestCatalog } from "../helpers/catalog-db";

let c: TestCatalog;
beforeAll(async () => {
  c = await freshCatalog();
  await c.as("employee", SAVE_SQL, saveParams(crypto.randomUUID(), { shot: c.shots.get(1) }));
});
afterAll(async () => c?.db.close());

const one = async <T>(sql: string) => (await c.db.query<T>(sql)).rows[0];

describe("rollback", () => {
  it("rolls back every later migration, then IA, then EAV, keeping public.shots and its rows", async () => {
    const shotsBefore = await c.db.query("select * from public.shots order by id");
    const [eav, ia, ...later] = listMigrations();
    for (const m of later.reverse()) await rollbackMigration(c.db, m);
    expect(await one("select count(*)::int n from pg_namespace where nspname = 'media_references_private'")).toEqual({
      n: 0,
    });
    expect(await one("select count(*)::int n from pg_policies where policyname = 'Staff write shots'")).toEqual({
      n: 1,
    });
    await rollbackMigration(c.db, ia);
    expect(await one("select count(*)::int n from pg_namespace where nspname = 'media_references'")).toEqual({ n: 0 });
    await rollbackMigration(c.db, eav);
    expect(await one("select obj_description('public.shots'::regclass, 'pg_class') c")).toEqual({ c: null });
    expect(await one("select count(*)::int n from pg_trigger where tgname = 'notify_shot_change_trigger'")).toEqual({
      n: 0,
    });
    expect(await one("select count(*)::int n from pg_proc where proname = 'notify_shot_change'")).toEqual({ n: 0 });
    expect((await c.db.query("select * from public.shots order by id")).rows).toEqual(shotsBefore.rows);
    expect(await appliedVersions(c.db)).toEqual([]);
  });

  it("migrating again works and the catalog is usable", async () => {
    const applied = await applyMigrations(c.db);
    expect(applied.map((m) => m.version)).toEqual(listMigrations().map((m) => m.version));
    const [row] = await c.as<{ saved: { created: boolean } }>(
      "employee",
      SAVE_SQL,
      saveParams(crypto.randomUUID(), { shot: c.shots.get(1) }),
    );
    expect(row.saved.created).toBe(true);
    expect(await one("select count(*)::int n from public.shots")).toEqual({ n: 8 });
  });
});
