// The embedded catalog database: PGlite (Postgres 18 in WASM) + pgvector, with the Supabase
// platform bootstrap and the project's real migrations, applied in order and recorded like the
// Supabase CLI records them.
import fs from "node:fs";
import path from "node:path";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";

const SUPABASE_DIR = path.resolve(import.meta.dirname, "../../../supabase");
export const MIGRATIONS_DIR = path.join(SUPABASE_DIR, "migrations");
export const ROLLBACK_DIR = path.join(SUPABASE_DIR, "rollback");
const BOOTSTRAP = path.join(SUPABASE_DIR, "local/platform-bootstrap.sql");

export interface Migration {
  version: string;
  name: string;
  file: string;
}

/** Migrations in the order `supabase db push` applies them: by timestamp prefix. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{14}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.slice(0, 14), name: f.slice(15, -4), file: path.join(dir, f) }));
}

export interface OpenOptions {
  /** file-backed data dir; in memory when absent */
  dataDir?: string;
  /** apply pending migrations (default true) */
  migrate?: boolean;
}

export async function openCatalogDatabase(options: OpenOptions = {}): Promise<PGlite> {
  const fresh = !options.dataDir || !fs.existsSync(path.join(options.dataDir, "PG_VERSION"));
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: options.dataDir, extensions: { vector } });
  if (fresh) await bootstrapPlatform(db);
  if (options.migrate !== false) await applyMigrations(db);
  return db;
}

/** Roles, auth.*, extensions schema: what Supabase has before migrations. Local/test only. */
export async function bootstrapPlatform(db: PGlite): Promise<void> {
  await db.exec(fs.readFileSync(BOOTSTRAP, "utf8"));
  await db.exec(`
    create schema if not exists supabase_migrations;
    create table if not exists supabase_migrations.schema_migrations (
      version text primary key, name text, statements text[]
    );`);
}

export async function appliedVersions(db: PGlite): Promise<string[]> {
  const res = await db.query<{ version: string }>(
    "select version from supabase_migrations.schema_migrations order by version",
  );
  return res.rows.map((r) => r.version);
}

/** Applies each pending migration in its own transaction, as the Supabase CLI does. */
export async function applyMigrations(db: PGlite, migrations = listMigrations()): Promise<Migration[]> {
  const done = new Set(await appliedVersions(db));
  const applied: Migration[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    await applyMigration(db, m);
    applied.push(m);
  }
  return applied;
}

export async function applyMigration(db: PGlite, m: Migration): Promise<void> {
  const sql = fs.readFileSync(m.file, "utf8");
  await db.transaction(async (tx: Transaction) => {
    await tx.exec(sql);
    await tx.query("insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)", [
      m.version,
      m.name,
    ]);
  });
}

/** Runs a rollback script (it carries its own BEGIN/COMMIT) and forgets the migration. */
export async function rollbackMigration(db: PGlite, m: Migration): Promise<void> {
  const file = path.join(ROLLBACK_DIR, `${m.version}_${m.name}.down.sql`);
  await db.exec(fs.readFileSync(file, "utf8"));
  await db.query("delete from supabase_migrations.schema_migrations where version = $1", [m.version]);
}
