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
  if (code.startsWith("28") || code.startsWith("0L") || code.startsWith("0P")) return 403;
  if (code === "P0001" || code.startsWith("22") || code.startsWith("23")) return 400;
  if (/^(09|25|2D|2F|38|39|3B|40|54|55|57|58|F0|HV|P0|XX)/.test(code)) return 500;
  return 400;
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
