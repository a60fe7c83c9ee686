// Supabase's linter (splinter) cannot run here, so its two checks that issue 13 §6 names are
// restated as queries over pg_catalog, over the fully migrated catalog: multiple permissive
// policies (0006) and SECURITY DEFINER functions that anon/authenticated may execute (0028/0029).
// Every finding left must be listed in docs/adr/0007-linter-warnings.md.
import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCatalogDatabase } from "../../src/server/catalog/database";

// The schemas splinter leaves out of both checks (platform-owned), and local_gateway: the local
// catalog's stand-in for PostgREST's role switch (supabase/local/platform-bootstrap.sql), which
// exists only in the embedded database and is never pushed.
const PLATFORM_SCHEMAS = `'auth', 'cron', 'extensions', 'graphql', 'graphql_public', 'information_schema', 'net',
  'pgsodium', 'pgsodium_masks', 'pgbouncer', 'pg_catalog', 'pgtle', 'realtime', 'storage', 'supabase_functions',
  'supabase_migrations', 'vault', 'local_gateway'`;

/** 0006: one row per table, role and command that more than one permissive policy covers. */
const MULTIPLE_PERMISSIVE = `
  select n.nspname || '.' || c.relname as tbl, r.rolname as role, cmd, array_agg(p.polname order by p.polname) as policies
  from pg_policy p
  join pg_class c on c.oid = p.polrelid
  join pg_namespace n on n.oid = c.relnamespace
  join pg_roles r on p.polroles @> array[r.oid] or p.polroles = array[0::oid]
  cross join lateral unnest(case p.polcmd when 'r' then array['SELECT'] when 'a' then array['INSERT']
    when 'w' then array['UPDATE'] when 'd' then array['DELETE'] else array['SELECT', 'INSERT', 'UPDATE', 'DELETE'] end) cmd
  where p.polpermissive and c.relkind = 'r' and n.nspname not in (${PLATFORM_SCHEMAS})
    and r.rolname not like 'pg\\_%' and not r.rolbypassrls
  group by 1, 2, 3
  having count(*) > 1
  order by 1, 2, 3`;

/** 0028/0029: SECURITY DEFINER functions the role may execute, in any non-platform schema. */
const DEFINER_EXECUTABLE = `
  select r.role || ':' || n.nspname || '.' || p.proname as finding
  from pg_proc p
  join pg_namespace n on n.oid = p.pronamespace
  cross join (values ('anon'), ('authenticated')) r(role)
  where p.prosecdef and has_function_privilege(r.role, p.oid, 'execute') and n.nspname not in (${PLATFORM_SCHEMAS})
  order by 1`;

let db: PGlite;
beforeAll(async () => {
  db = await openCatalogDatabase();
});
afterAll(async () => db?.close());

describe("Supabase linter checks, restated", () => {
  it("0006 multiple_permissive_policies: no findings", async () => {
    expect((await db.query(MULTIPLE_PERMISSIVE)).rows).toEqual([]);
  });

  it("0006 would have found the contract's FOR ALL shots policy before it was split", async () => {
    await db.transaction(async (tx) => {
      await tx.exec(`create policy "Staff write shots" on public.shots for all to authenticated using (true)`);
      const found = (await tx.query<{ tbl: string; role: string; cmd: string }>(MULTIPLE_PERMISSIVE)).rows;
      expect(found.map((f) => `${f.tbl}:${f.role}:${f.cmd}`)).toEqual([
        "public.shots:authenticated:DELETE",
        "public.shots:authenticated:INSERT",
        "public.shots:authenticated:SELECT",
        "public.shots:authenticated:UPDATE",
      ]);
      await tx.rollback();
    });
  });

  it("0028/0029 security_definer_function_executable: only the curated shot path, as ADR 0007 lists", async () => {
    const findings = (await db.query<{ finding: string }>(DEFINER_EXECUTABLE)).rows.map((r) => r.finding);
    expect(findings).toEqual([
      "anon:media_references.linked_shot_fields",
      "anon:media_references.match_references",
      "authenticated:media_references.linked_shot_fields",
      "authenticated:media_references.match_references",
    ]);
    const adr = fs.readFileSync(path.resolve(import.meta.dirname, "../../docs/adr/0007-linter-warnings.md"), "utf8");
    for (const f of findings) expect(adr, f).toContain(`\`${f}\``);
  });

  it("no helper is SECURITY DEFINER unless nobody but the owner may execute it", async () => {
    const definers = (
      await db.query<{ f: string; callable: boolean }>(`
        select p.proname f, has_function_privilege('authenticated', p.oid, 'execute')
                            or has_function_privilege('anon', p.oid, 'execute') callable
        from pg_proc p where p.prosecdef and p.pronamespace = 'media_references_private'::regnamespace
        order by 1`)
    ).rows;
    expect(definers).toEqual([
      { f: "note_reference_change", callable: false },
      { f: "write_audit", callable: false },
    ]);
  });
});
