// One request as PostgREST runs it: a transaction, SET LOCAL ROLE to the JWT's role, and the
// claims in request.jwt.claims, so auth.uid()/auth.jwt() and RLS see the caller.
import type { PGlite, Transaction } from "@electric-sql/pglite";

export type ApiRole = "anon" | "authenticated" | "service_role";

export interface JwtClaims {
  role: ApiRole;
  sub?: string;
  email?: string;
  exp?: number;
  app_metadata?: { role?: string; [k: string]: unknown };
  user_metadata?: Record<string, unknown>;
  [k: string]: unknown;
}

const API_ROLES: ReadonlySet<string> = new Set(["anon", "authenticated", "service_role"]);

export async function asRequest<T>(db: PGlite, claims: JwtClaims, work: (tx: Transaction) => Promise<T>): Promise<T> {
  if (!API_ROLES.has(claims.role)) throw new Error(`role "${claims.role}" is not an API role`);
  return db.transaction(async (tx) => {
    // As PostgREST does it: role and claims in one statement, transaction-local (is_local = true),
    // since one backend serves every connection and nothing may leak into the session (docs/facts/measured.md).
    await tx.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [
      claims.role,
      JSON.stringify(claims),
    ]);
    return work(tx);
  });
}

/** A statement's parameter as the gateway binds it: text, or null. Arrays become array literals. */
function gatewayParam(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    const items = value.map((v) => (v === null ? "NULL" : `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`));
    return `{${items.join(",")}}`;
  }
  return String(value);
}

/**
 * An API request as the local PostgREST/Storage run it: a transaction as `authenticator` with the
 * claims set, and the statement run through local_gateway.run_as_<role> (platform-bootstrap.sql),
 * where Postgres refuses any SET ROLE. `$n` placeholders become quoted literals, typed by context
 * as bound parameters are. Rows come back as JSON objects, as PostgREST serializes them.
 */
export async function runAsApiRole<T = Record<string, unknown>>(
  tx: Transaction,
  claims: JwtClaims,
  statement: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (!API_ROLES.has(claims.role)) throw new Error(`role "${claims.role}" is not an API role`);
  await tx.query("select set_config('role', 'authenticator', true), set_config('request.jwt.claims', $1, true)", [
    JSON.stringify(claims),
  ]);
  const template = statement.replace(/%/g, "%%").replace(/\$(\d+)/g, "%$1$$L");
  const { rows } = await tx.query<{ row: T }>(`select r as row from local_gateway.run_as_${claims.role}($1, $2) r`, [
    template,
    params.map(gatewayParam),
  ]);
  return rows.map((r) => r.row);
}

/** runAsApiRole in a transaction of its own; read-only as PostgREST runs GET requests and calls
 * of STABLE or IMMUTABLE functions, so a write there fails with 25006 (405). */
export function apiQuery<T = Record<string, unknown>>(
  db: PGlite,
  claims: JwtClaims,
  statement: string,
  params: unknown[] = [],
  options: { readOnly?: boolean } = {},
): Promise<T[]> {
  return db.transaction(async (tx) => {
    if (options.readOnly) await tx.query("set transaction read only");
    return runAsApiRole<T>(tx, claims, statement, params);
  });
}
