// The catalog's FK audit (scripts/db-audit.sql), run by `npm run db:audit` on a data dir no
// process holds, or by the running catalog for it (GET /admin/v1/audit, service key only).
import fs from "node:fs";
import path from "node:path";

export const AUDIT_SQL_FILE = path.resolve(import.meta.dirname, "../../../scripts/db-audit.sql");
export const AUDIT_ROUTE = "/admin/v1/audit";

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

interface TransactionRunner {
  transaction<T>(work: (tx: Queryable & { exec(sql: string): Promise<unknown> }) => Promise<T>): Promise<T>;
}

/** The audit in a read-only transaction: a caller over HTTP can read the findings, never write. */
export function auditReadOnly(db: TransactionRunner): Promise<AuditFinding[]> {
  return db.transaction(async (tx) => {
    await tx.exec("set transaction read only");
    return auditCatalog(tx);
  });
}
