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
    // since one backend serves every connection and nothing may leak into the session (FACTS.md).
    await tx.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [
      claims.role,
      JSON.stringify(claims),
    ]);
    return work(tx);
  });
}
