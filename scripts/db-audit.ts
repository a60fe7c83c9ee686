// npm run db:audit [--data-dir DIR | --memory | --db-url postgres://…]: the catalog's FK audit
// (scripts/db-audit.sql) against the embedded catalog or any Postgres (a Supabase project's
// connection string), printing each finding; exit 1 on any, 2 when it cannot run. A data dir
// that a running catalog holds is audited through that catalog (never by opening its files: two
// processes on one data dir lose saves), with the service key kept beside the data dir.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { AUDIT_ROUTE, AUDIT_SQL_FILE, auditCatalog, type AuditFinding } from "../src/server/catalog/catalog-audit";
import { DataDirBusyError } from "../src/server/catalog/data-dir-lock";
import { openCatalogDatabase } from "../src/server/catalog/database";
import { projectKey } from "../src/server/catalog/jwt";
import { jwtSecretFile } from "../src/server/catalog/server";

export { AUDIT_SQL_FILE, auditCatalog, type AuditFinding };
const DEFAULT_DATA_DIR = path.resolve(import.meta.dirname, "../.cache/catalog-db");

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

/** The running catalog that holds the data dir runs the audit (read-only, service key only). */
async function auditThroughCatalog(busy: DataDirBusyError): Promise<number> {
  const url = busy.holder?.url;
  if (!url) {
    console.error(
      `${busy.message}\nIt is not a catalog server that db:audit can ask: run the audit once it has stopped.`,
    );
    return 2;
  }
  const secretFile = jwtSecretFile(busy.dataDir);
  const secret =
    process.env.CATALOG_JWT_SECRET ?? (fs.existsSync(secretFile) && fs.readFileSync(secretFile, "utf8").trim());
  if (!secret) {
    console.error(`No key for the catalog at ${url}: ${secretFile} is missing and CATALOG_JWT_SECRET is not set.`);
    return 2;
  }
  const key = await projectKey(secret, "service_role");
  console.log(`Auditing ${busy.dataDir} through the catalog that holds it (process ${busy.holder!.pid}, ${url})`);
  let res: Response;
  try {
    res = await fetch(new URL(AUDIT_ROUTE, url), { headers: { apikey: key, authorization: `Bearer ${key}` } });
  } catch (e) {
    console.error(`Cannot reach the catalog at ${url}: ${(e as Error).message}. Is process ${busy.holder!.pid} hung?`);
    return 2;
  }
  const body = (await res.json().catch(() => ({}))) as { findings?: AuditFinding[]; message?: string };
  if (!res.ok || !body.findings) {
    console.error(`The catalog at ${url} refused the audit (${res.status}): ${body.message ?? "no reason given"}`);
    return 2;
  }
  return report(body.findings);
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
  let db;
  try {
    db = await openCatalogDatabase({ dataDir, migrate: !dataDir });
  } catch (e) {
    if (e instanceof DataDirBusyError) return auditThroughCatalog(e);
    throw e;
  }
  console.log(dataDir ? `Auditing ${dataDir}` : "Auditing a fresh in-memory catalog");
  try {
    return report(await auditCatalog(db));
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = await main();
