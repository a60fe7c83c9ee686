// Postgres errors as PostgREST reports them: its JSON shape and its status codes.

export interface PostgrestErrorBody {
  code: string;
  message: string;
  details: string | null;
  hint: string | null;
}

export interface PgErrorLike {
  code?: string;
  message?: string;
  detail?: string;
  hint?: string;
}

export function statusForSqlState(code: string, isAnon: boolean): number {
  if (code === "42501") return isAnon ? 401 : 403;
  if (code === "23503" || code === "23505" || code === "23001") return 409;
  if (code === "42883" || code === "42P01") return 404;
  if (code === "25006") return 405;
  if (code.startsWith("08") || code.startsWith("53")) return 503;
  // program_limit_exceeded is a value too large for its type (a vector of more than 16,000
  // dimensions, an array or jsonb past Postgres's size limits): the request's fault. PostgREST
  // answers every 54* with 500; the local catalog answers this one with 400 (ADR-0026).
  if (code === "54000") return 400;
  if (code.startsWith("28") || code.startsWith("0L") || code.startsWith("0P")) return 403;
  if (code === "P0001" || code.startsWith("22") || code.startsWith("23")) return 400;
  if (/^(09|25|2D|2F|38|39|3B|40|54|55|57|58|F0|HV|P0|XX)/.test(code)) return 500;
  return 400;
}

/** An error Postgres raised (it has a SQLSTATE and a severity), not one of Node's (ENOENT, …),
 * whose `code` looks alike and whose message may name a file. */
export function isDatabaseError(e: unknown): e is PgErrorLike & { code: string } {
  const pg = e as PgErrorLike & { severity?: unknown };
  return typeof pg?.code === "string" && /^[0-9A-Z]{5}$/.test(pg.code) && typeof pg.severity === "string";
}

export function pgErrorBody(e: PgErrorLike): PostgrestErrorBody {
  return {
    code: e.code ?? "XX000",
    message: e.message ?? "unknown database error",
    details: e.detail ?? null,
    hint: e.hint ?? null,
  };
}

export class PostgrestError extends Error {
  constructor(
    readonly status: number,
    readonly body: PostgrestErrorBody,
  ) {
    super(body.message);
  }
}

export const apiError = (status: number, code: string, message: string, hint: string | null = null) =>
  new PostgrestError(status, { code, message, details: null, hint });

/** An absolute file path (POSIX with two or more segments, or a Windows drive path) in a message. */
const ABSOLUTE_PATH = /(?<![\w.:/-])(?:\/[^\s/"'`()<>]+){2,}\/?|\b[A-Za-z]:\\[^\s"'`()<>]*/g;

/** The body with every absolute file path in its strings replaced by "<path>". */
export function redactPaths<T>(body: T): T {
  if (typeof body === "string") return body.replace(ABSOLUTE_PATH, "<path>") as T;
  if (Array.isArray(body)) return body.map(redactPaths) as T;
  if (body && typeof body === "object") {
    return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, redactPaths(v)])) as T;
  }
  return body;
}

/** An unexpected failure (not Postgres's, not a refusal the server decided): the client learns that
 * it happened, never its message, which may hold paths or internals; the server's log has it. */
export function internalFailure(e: unknown, where: string): PostgrestErrorBody {
  console.error(`catalog: unexpected error in ${where}:`, e);
  return {
    code: "XX000",
    message: `The local catalog failed unexpectedly in ${where}`,
    details: null,
    hint: "Try again; if it persists, the catalog's console output has the details.",
  };
}
