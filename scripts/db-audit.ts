// npm run db:audit [--data-dir DIR | --memory | --db-url postgres://…]: the catalog's FK audit
// (scripts/db-audit.sql) against the embedded catalog or any Postgres (a Supabase project's
// connection string), printing each finding; exit 1 on any, 2 when it cannot run.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { openCatalogDatabase } from "../src/server/catalog/database";

export const AUDIT_SQL_FILE = path.resolve(import.meta.dirname, "db-audit.sql");
const DEFAULT_DATA_DIR = path.resolve(import.meta.dirname, "../.cache/catalog-db");

export interface AuditFinding {
  check_name: string;
  finding: string;
}

interface Queryable {
  query<T>(sql: string): Promise<{ rows: T[] }>;
}

export async function auditCatalog(db: Queryable): Promise<AuditFinding[]> {
  return (await db.query<AuditFinding>(fs.readFileSync(AUDIT_SQL_FILE, "utf8"))).rows;
}

export function psqlCommand(dbUrl: string): string {
  const file = path.relative(process.cwd(), AUDIT_SQL_FILE);
  return `psql "${dbUrl}" -X -A -t -F ' | ' -v ON_ERROR_STOP=1 -f ${file} > audit.txt && test ! -s audit.txt`;
}

function report(findings: AuditFinding[]): number {
  for (const f of findings) console.log(`${f.check_name}: ${f.finding}`);
  console.log(`${findings.length} finding(s)`);
  return findings.length ? 1 : 0;
}

/** Any Postgres by its connection string, through the pg client (psql runs the same file too:
 * psqlCommand). */
export async function auditUrl(dbUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: dbUrl });
  try {
    await client.connect();
  } catch (e) {
    console.error(`Cannot connect to ${dbUrl.replace(/:[^:@/]*@/, ":***@")}: ${(e as Error).message}`);
    return 2;
  }
  try {
    console.log(`Auditing ${dbUrl.replace(/:[^:@/]*@/, ":***@")}`);
    return report(await auditCatalog(client));
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { "db-url": { type: "string" }, "data-dir": { type: "string" }, memory: { type: "boolean" } },
  });
  if (values["db-url"]) return auditUrl(values["db-url"]);
  const dataDir = values.memory
    ? undefined
    : path.resolve(values["data-dir"] ?? process.env.CATALOG_DATA_DIR ?? DEFAULT_DATA_DIR);
  if (dataDir && !fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    console.error(`No embedded catalog at ${dataDir}: start it once with npm run catalog, or audit --memory.`);
    return 2;
  }
  // PGlite serves one process: a data dir that a running catalog holds must not be opened twice
  console.log(dataDir ? `Auditing ${dataDir} (stop npm run catalog first)` : "Auditing a fresh in-memory catalog");
  const db = await openCatalogDatabase({ dataDir, migrate: !dataDir });
  try {
    return report(await auditCatalog(db));
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = await main();
