// The embedded catalog database: PGlite (Postgres 18 in WASM) + pgvector, with the Supabase
// platform bootstrap and the project's real migrations, applied in order and recorded like the
// Supabase CLI records them.
import fs from "node:fs";
import path from "node:path";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { DataDirLock } from "./data-dir-lock";

const SUPABASE_DIR = path.resolve(import.meta.dirname, "../../../supabase");
export const MIGRATIONS_DIR = path.join(SUPABASE_DIR, "migrations");
export const ROLLBACK_DIR = path.join(SUPABASE_DIR, "rollback");
const BOOTSTRAP = path.join(SUPABASE_DIR, "local/platform-bootstrap.sql");

/** What the catalog's code calls on its database: PGlite itself, or the database thread's
 * stand-in for it (database-thread.ts). */
export type CatalogDb = Pick<PGlite, "query" | "exec" | "transaction" | "close">;

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
  /** how this process was started, for the data dir's lock (default: this thread's argv) */
  command?: string;
}

/** A data dir's database, locked to this process until db.close() (data-dir-lock.ts): a second
 * opener, in this process or another, gets DataDirBusyError naming the holder. */
export async function openCatalogDatabase(options: OpenOptions = {}): Promise<PGlite> {
  const lock = options.dataDir ? DataDirLock.acquire(options.dataDir, options.command) : undefined;
  let db: PGlite | undefined;
  try {
    const fresh = !options.dataDir || !fs.existsSync(path.join(options.dataDir, "PG_VERSION"));
    db = await PGlite.create({ dataDir: options.dataDir, extensions: { vector } });
    if (lock) releaseOnClose(db, lock);
    if (fresh) await bootstrapPlatform(db);
    if (options.migrate !== false) await applyMigrations(db);
    return db;
  } catch (e) {
    if (db)
      await db.close().catch(() => undefined); // releases the lock too
    else lock?.release();
    throw e;
  }
}

const locks = new WeakMap<PGlite, DataDirLock>();

/** The lock on an open database's data dir (to announce the server's url in it). */
export function dataDirLockOf(db: PGlite): DataDirLock | undefined {
  return locks.get(db);
}

function releaseOnClose(db: PGlite, lock: DataDirLock): void {
  locks.set(db, lock);
  const close = db.close.bind(db);
  db.close = async () => {
    try {
      await close();
    } finally {
      lock.release();
    }
  };
}

/** Roles, auth.*, extensions schema: what Supabase has before migrations. Local/test only. */
export async function bootstrapPlatform(db: CatalogDb): Promise<void> {
  await db.exec(fs.readFileSync(BOOTSTRAP, "utf8"));
  await db.exec(`
    create schema if not exists supabase_migrations;
    create table if not exists supabase_migrations.schema_migrations (
      version text primary key, name text, statements text[]
    );`);
}

export async function appliedVersions(db: CatalogDb): Promise<string[]> {
  const res = await db.query<{ version: string }>(
    "select version from supabase_migrations.schema_migrations order by version",
  );
  return res.rows.map((r) => r.version);
}

/** Applies each pending migration in its own transaction, as the Supabase CLI does. */
export async function applyMigrations(db: CatalogDb, migrations = listMigrations()): Promise<Migration[]> {
  const done = new Set(await appliedVersions(db));
  const applied: Migration[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    await applyMigration(db, m);
    applied.push(m);
  }
  return applied;
}

export async function applyMigration(db: CatalogDb, m: Migration): Promise<void> {
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
export async function rollbackMigration(db: CatalogDb, m: Migration): Promise<void> {
  const file = path.join(ROLLBACK_DIR, `${m.version}_${m.name}.down.sql`);
  await db.exec(fs.readFileSync(file, "utf8"));
  await db.query("delete from supabase_migrations.schema_migrations where version = $1", [m.version]);
}
