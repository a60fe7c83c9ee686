// The seed's validation checklist, part 1: migration order, the contract, schema isolation,
// and the structural promises (indexes, search_path, EXECUTE grants, linter-safe view).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PGlite } from "@electric-sql/pglite";
import fs from "node:fs";
import path from "node:path";
import {
  ROLLBACK_DIR,
  applyMigration,
  bootstrapPlatform,
  listMigrations,
  openCatalogDatabase,
} from "../../src/server/catalog/database";
import { PGlite as PGliteClass } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { until } from "../../src/testing/until";
import { eachTest } from "../helpers/each-test";

let db: PGlite;
beforeAll(async () => {
  db = await openCatalogDatabase();
});
afterAll(async () => db?.close());

const rows = async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows;

describe("migration order", () => {
  it("has the EAV contract first and the IA catalog second, named as the Supabase CLI expects", () => {
    expect(listMigrations().map((m) => `${m.version}_${m.name}`)).toEqual([
      "20250116090000_shots_contract_v1",
      "20250116100000_media_references_schema",
      "20251124100000_helpers_out_of_api",
      "20251124101000_shots_write_policies_by_command",
      "20251124102000_reference_limits",
      "20251124103000_refuse_zero_embeddings",
      "20251124104000_mark_references_pending",
      "20251124120000_reference_thumbnails_storage",
      "20251124130000_reference_change_feed",
      "20261206140000_audit_log_append_only",
      "20261206170000_corrections_of_a_shot",
    ]);
  });

  it("has a rollback script for every migration", () => {
    for (const m of listMigrations()) {
      expect(fs.existsSync(path.join(ROLLBACK_DIR, `${m.version}_${m.name}.down.sql`)), m.name).toBe(true);
    }
  });

  describe("on a bare database (the platform's, no migration)", () => {
    const fresh = eachTest(
      async () => {
        const bare = await PGliteClass.create({ extensions: { vector } });
        await bootstrapPlatform(bare);
        return bare;
      },
      (bare) => bare.close(),
    );

    it("the IA migration refuses to run without the EAV contract, with a clear message", async () => {
      const bare = fresh.current;
      const [, ia] = listMigrations();
      await expect(applyMigration(bare, ia)).rejects.toMatchObject({
        code: "P0001",
        message: expect.stringContaining("EAV contract v1 is missing"),
      });
      // nothing of it was left behind
      expect((await bare.query("select 1 from pg_namespace where nspname = 'media_references'")).rows).toHaveLength(0);
    });

    it("the IA migration also refuses a public.shots that exists without the marker", async () => {
      const bare = fresh.current;
      await bare.exec("create table public.shots (id uuid primary key)");
      await expect(applyMigration(bare, listMigrations()[1])).rejects.toMatchObject({
        code: "P0001",
        message: expect.stringContaining("EAV_CONTRACT:v1 marker"),
      });
    });

    it("the EAV migration keeps an existing shots table and its rows, and checks its columns", async () => {
      const bare = fresh.current;
      await bare.exec(`create table public.shots (id uuid primary key, scene_id uuid, shot_number int, subject text,
      action text, shot_type text, variant text, tracking_type text, shot_status text,
      created_at timestamptz, updated_at timestamptz);
      insert into public.shots (id, subject) values ('00000000-0000-4000-c000-000000000001', 'kept');`);
      // EAV before its movement_type rename: the contract check names the missing column
      await expect(applyMigration(bare, listMigrations()[0])).rejects.toMatchObject({
        code: "P0001",
        message: expect.stringMatching(/missing column\(s\) movement_type/),
      });
      await bare.exec("alter table public.shots rename column tracking_type to movement_type");
      await applyMigration(bare, listMigrations()[0]);
      expect((await bare.query("select subject from public.shots")).rows).toEqual([{ subject: "kept" }]);
      // its own policies were not replaced by ours
      expect((await bare.query("select count(*)::int n from pg_policies where tablename = 'shots'")).rows).toEqual([
        { n: 0 },
      ]);
    });
  });
});

describe("EAV contract v1", () => {
  it("marks public.shots with EAV_CONTRACT:v1", async () => {
    const [{ c }] = await rows<{ c: string }>("select obj_description('public.shots'::regclass, 'pg_class') c");
    expect(c.startsWith("EAV_CONTRACT:v1")).toBe(true);
  });

  it("has EAV's real shots columns", async () => {
    const cols = (
      await rows<{ column_name: string }>(
        "select column_name from information_schema.columns where table_schema='public' and table_name='shots'",
      )
    ).map((r) => r.column_name);
    expect(cols.sort()).toEqual(
      [
        "id",
        "scene_id",
        "shot_number",
        "subject",
        "action",
        "shot_type",
        "variant",
        "location_start_point",
        "location_other",
        "subject_other",
        "owner_user_id",
        "movement_type",
        "shot_status",
        "created_at",
        "updated_at",
      ].sort(),
    );
  });

  it("notify_shot_change sends the operation and the id as JSON", async () => {
    const payloads: string[] = [];
    const unlisten = await db.listen("shot_change", (p) => payloads.push(p));
    const [{ id }] = await rows<{ id: string }>(
      "insert into public.shots (subject) values ('notify test') returning id",
    );
    await db.query("update public.shots set subject = 'renamed' where id = $1", [id]);
    await db.query("delete from public.shots where id = $1", [id]);
    await until(() => payloads.length === 3, "the three notifications");
    await unlisten();
    expect(payloads.map((p) => JSON.parse(p))).toEqual([
      { operation: "INSERT", id },
      { operation: "UPDATE", id },
      { operation: "DELETE", id },
    ]);
  });
});

describe("IA catalog structure", () => {
  it("creates the three catalog tables, the audit log and the model registry in media_references", async () => {
    const tables = (
      await rows<{ t: string }>("select tablename t from pg_tables where schemaname = 'media_references' order by 1")
    ).map((r) => r.t);
    expect(tables).toEqual([
      "audit_log",
      "embedding_models",
      "image_embeddings",
      "reference_changes",
      "reference_images",
      "shot_references",
    ]);
  });

  it("links shots with fk_shot_id ... ON DELETE RESTRICT", async () => {
    const fk = await rows(
      `select conrelid::regclass::text rel, confrelid::regclass::text ref, confdeltype from pg_constraint where conname = 'fk_shot_id'`,
    );
    expect(fk).toEqual([{ rel: "media_references.shot_references", ref: "shots", confdeltype: "r" }]);
  });

  it("has an index leading with every foreign key's column", async () => {
    const unindexed = await rows(`
      select c.conrelid::regclass::text tbl, c.conname
      from pg_constraint c
      where c.contype = 'f' and c.connamespace = 'media_references'::regnamespace
        and not exists (select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])`);
    expect(unindexed).toEqual([]);
  });

  it("has exactly one HNSW cosine index, on image_embeddings.embedding", async () => {
    const idx = await rows<{ indexdef: string }>(
      "select indexdef from pg_indexes where schemaname = 'media_references' and indexdef ilike '%using hnsw%'",
    );
    expect(idx).toHaveLength(1);
    expect(idx[0].indexdef).toMatch(/image_embeddings USING hnsw \(embedding extensions\.vector_cosine_ops\)/);
  });

  it("enables RLS on every table in media_references", async () => {
    expect(
      await rows(
        "select relname from pg_class where relnamespace = 'media_references'::regnamespace and relkind = 'r' and not relrowsecurity",
      ),
    ).toEqual([]);
  });

  it("sets an empty search_path on every function (Supabase linter 0011)", async () => {
    const mutable = await rows(`
      select p.proname from pg_proc p
      where p.pronamespace::regnamespace::text in ('media_references', 'media_references_private', 'public')
        and p.prokind = 'f' and not coalesce(p.proconfig, '{}') && array['search_path=""']`);
    expect(mutable).toEqual([]);
  });

  it("keeps the helpers in media_references_private, out of the API schema", async () => {
    const fns = async (schema: string) =>
      (
        await rows<{ proname: string }>(
          "select proname from pg_proc where pronamespace::regnamespace::text = $1 order by 1",
          [schema],
        )
      ).map((r) => r.proname);
    expect(await fns("media_references")).toEqual([
      "linked_shot_fields",
      "list_shots",
      "mark_references_pending",
      "match_references",
      "reference_change_cursor",
      "reference_changes_since",
      "save_reference",
      "shot_reference_count",
      "undo_reference_update",
      "update_older_references",
    ]);
    expect(await fns("media_references_private")).toEqual([
      "check_embedding",
      "check_reference_input",
      "is_admin",
      "is_staff",
      "metadata_problem",
      "note_reference_change",
      "reference_problem",
      "refuse_audit_log_change",
      "resolve_model_version",
      "stamp_correction",
      "touch_updated",
      "write_audit",
    ]);
    // policies and check constraints name the helpers by OID, so they followed the move
    const callers = await rows<{ name: string; def: string }>(`
      select policyname name, coalesce(qual, '') || ' ' || coalesce(with_check, '') def
      from pg_policies where schemaname = 'media_references'
      union all
      select conname, pg_get_constraintdef(oid) from pg_constraint
      where connamespace = 'media_references'::regnamespace and contype = 'c'`);
    const helperCalls = callers.filter((c) => /is_staff|is_admin|metadata_problem|reference_problem/.test(c.def));
    expect(helperCalls.length).toBeGreaterThanOrEqual(12);
    for (const c of helperCalls) expect(c.def, c.name).toMatch(/media_references_private\./);
    const [{ anon }] = await rows<{ anon: boolean }>(
      "select has_schema_privilege('anon', 'media_references_private', 'usage') anon",
    );
    expect(anon).toBe(false);
  });

  it("grants EXECUTE to anon only on the functions anon needs", async () => {
    const anon = (
      await rows<{ proname: string }>(`
      select p.proname from pg_proc p where p.pronamespace = 'media_references'::regnamespace
        and has_function_privilege('anon', p.oid, 'execute') order by 1`)
    ).map((r) => r.proname);
    expect(anon).toEqual([
      "linked_shot_fields",
      "match_references",
      "reference_change_cursor",
      "reference_changes_since",
    ]);
    const authenticatedOnly = ["list_shots", "mark_references_pending", "save_reference", "shot_reference_count"];
    for (const f of authenticatedOnly) {
      const [{ ok }] = await rows<{ ok: boolean }>(
        `select has_function_privilege('authenticated', 'media_references.${f}'::regproc, 'execute') ok`,
      );
      expect(ok, f).toBe(true);
    }
  });

  it("has no SECURITY DEFINER view (Supabase linter ERROR 0010): the curated view is security_invoker", async () => {
    const views = await rows<{ relname: string; reloptions: string[] | null }>(
      "select relname, reloptions from pg_class where relnamespace = 'media_references'::regnamespace and relkind = 'v'",
    );
    expect(views.map((v) => v.relname)).toEqual(["reference_images_with_shot"]);
    for (const v of views) expect(v.reloptions ?? []).toContain("security_invoker=true");
  });

  describe("on a database with EAV's migration only", () => {
    const eavOnly = eachTest(
      async () => {
        const onlyEav = await PGliteClass.create({ extensions: { vector } });
        await bootstrapPlatform(onlyEav);
        await applyMigration(onlyEav, listMigrations()[0]);
        return onlyEav;
      },
      (onlyEav) => onlyEav.close(),
    );

    it("keeps schemas isolated: the IA migration changes nothing in public", async () => {
      const snapshot = async (d: PGlite) =>
        (
          await d.query(`
        select 'col:' || table_name || '.' || column_name || ':' || data_type s from information_schema.columns where table_schema = 'public'
        union all select 'pol:' || tablename || ':' || policyname from pg_policies where schemaname = 'public'
        union all select 'trg:' || tgname from pg_trigger t join pg_class c on c.oid = t.tgrelid where c.relnamespace = 'public'::regnamespace and not t.tgisinternal
        union all select 'fn:' || proname from pg_proc where pronamespace = 'public'::regnamespace
        union all select 'idx:' || indexname from pg_indexes where schemaname = 'public'
        order by 1`)
        ).rows;
      const onlyEav = eavOnly.current;
      const before = await snapshot(onlyEav);
      await applyMigration(onlyEav, listMigrations()[1]);
      expect(await snapshot(onlyEav)).toEqual(before);
    });
  });
});
