// The subset of PostgREST's HTTP API the panel uses, over the embedded database:
// RPC (POST /rpc/fn) and reads (GET /table?select=&col=op.value&order=&limit=), with the
// Content-Profile / Accept-Profile schema headers. Every request runs as its JWT's role.
import type { PGlite } from "@electric-sql/pglite";
import { apiError, pgErrorBody, PostgrestError, statusForSqlState, type PgErrorLike } from "./http-errors";
import { apiQuery, type JwtClaims } from "./request";

export interface PostgrestRequest {
  method: string;
  /** path below /rest/v1, e.g. "/rpc/match_references" */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: unknown;
  claims: JwtClaims;
}

export interface PostgrestResponse {
  status: number;
  body: unknown;
}

interface FunctionSignature {
  retset: boolean;
  inputs: Array<{ name: string; type: string }>;
  required: number;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

type ProcRow = { retset: boolean; names: string[]; modes: string[]; types: string[]; ndefaults: number };

export class Postgrest {
  /** Like PostgREST's schema cache: catalog look-ups once per function or table, not per request.
   * The server applies migrations before it serves, so the cache never goes stale while it runs. */
  private readonly procs = new Map<string, Promise<ProcRow[]>>();
  private readonly columns = new Map<string, Promise<Set<string>>>();

  constructor(
    private readonly db: PGlite,
    private readonly schemas: string[] = ["public", "media_references"],
  ) {}

  async handle(req: PostgrestRequest): Promise<PostgrestResponse> {
    try {
      const schema = this.schemaFor(req);
      const rpc = /^\/rpc\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(req.path);
      if (rpc && (req.method === "POST" || req.method === "GET")) {
        const args = req.method === "GET" ? Object.fromEntries(req.query) : (req.body ?? {});
        return await this.callFunction(schema, rpc[1], args, req);
      }
      const table = /^\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(req.path);
      if (table && req.method === "GET") return await this.read(schema, table[1], req);
      if (table)
        throw apiError(405, "PGRST117", `${req.method} on tables is not served by the local catalog; use the RPCs`);
      throw apiError(404, "PGRST125", `invalid path ${req.path}`);
    } catch (e) {
      return this.errorResponse(e, req.claims);
    }
  }

  private schemaFor(req: PostgrestRequest): string {
    const header =
      req.method === "GET" || req.method === "HEAD" ? req.headers["accept-profile"] : req.headers["content-profile"];
    const schema = header ?? this.schemas[0];
    if (!this.schemas.includes(schema)) {
      throw apiError(406, "PGRST106", `The schema must be one of the following: ${this.schemas.join(", ")}`);
    }
    return schema;
  }

  private async signature(schema: string, name: string, keys: string[]): Promise<FunctionSignature> {
    const key = `${schema}.${name}`;
    if (!this.procs.has(key)) {
      const lookup = this.db.query<ProcRow>(
        `select p.proretset retset, coalesce(p.proargnames, '{}') names, coalesce(p.proargmodes::text[], '{}') modes,
                array(select format_type(t, null) from unnest(p.proargtypes) t) types, p.pronargdefaults ndefaults
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname = $1 and p.proname = $2`,
        [schema, name],
      );
      this.procs.set(
        key,
        lookup.then(
          (r) => r.rows,
          (e) => (this.procs.delete(key), Promise.reject(e)),
        ),
      );
    }
    const rows = await this.procs.get(key)!;
    for (const row of rows) {
      const inNames = row.modes.length ? row.names.filter((_, i) => ["i", "b", "v"].includes(row.modes[i])) : row.names;
      const inputs = inNames.slice(0, row.types.length).map((n, i) => ({ name: n, type: row.types[i] }));
      const required = inputs.length - row.ndefaults;
      const known = new Set(inputs.map((a) => a.name));
      if (keys.every((k) => known.has(k)) && inputs.slice(0, required).every((a) => keys.includes(a.name))) {
        return { retset: row.retset, inputs, required };
      }
    }
    throw apiError(
      404,
      "PGRST202",
      `Could not find the function ${schema}.${name}(${keys.sort().join(", ")}) in the schema cache`,
      rows.length ? "The function exists, but not with these argument names." : null,
    );
  }

  private async callFunction(
    schema: string,
    name: string,
    args: unknown,
    req: PostgrestRequest,
  ): Promise<PostgrestResponse> {
    if (args === null || typeof args !== "object" || Array.isArray(args)) {
      throw apiError(400, "PGRST102", "RPC arguments must be a JSON object");
    }
    const record = args as Record<string, unknown>;
    const sig = await this.signature(schema, name, Object.keys(record));
    const params: unknown[] = [];
    const named = sig.inputs
      .filter((a) => a.name in record)
      .map((a) => {
        params.push(encodeArg(record[a.name], a.type));
        return `${quoteIdent(a.name)} => $${params.length}::${a.type}`;
      });
    const call = `${quoteIdent(schema)}.${quoteIdent(name)}(${named.join(", ")})`;
    const sql = sig.retset ? `select * from ${call}` : `select ${call} as result`;
    const rows = await apiQuery(this.db, req.claims, sql, params);
    return { status: 200, body: sig.retset ? this.shape(rows, req) : (rows[0]?.result ?? null) };
  }

  private async read(schema: string, table: string, req: PostgrestRequest): Promise<PostgrestResponse> {
    const key = `${schema}.${table}`;
    if (!this.columns.has(key)) {
      const lookup = this.db.query<{ column_name: string }>(
        "select column_name from information_schema.columns where table_schema = $1 and table_name = $2",
        [schema, table],
      );
      this.columns.set(
        key,
        lookup.then(
          (r) => new Set(r.rows.map((c) => c.column_name)),
          (e) => (this.columns.delete(key), Promise.reject(e)),
        ),
      );
    }
    const known = await this.columns.get(key)!;
    if (known.size === 0)
      throw apiError(404, "PGRST205", `Could not find the table '${schema}.${table}' in the schema cache`);
    const column = (name: string) => {
      if (!known.has(name)) throw apiError(400, "42703", `column ${table}.${name} does not exist`);
      return quoteIdent(name);
    };
    const selectParam = req.query.get("select") ?? "*";
    const selectList =
      selectParam === "*"
        ? "*"
        : selectParam
            .split(",")
            .map((c) => column(c.trim()))
            .join(", ");
    const params: unknown[] = [];
    const where: string[] = [];
    for (const [key, raw] of req.query) {
      if (["select", "order", "limit", "offset"].includes(key)) continue;
      where.push(filterSql(column(key), raw, params));
    }
    const order = (req.query.get("order") ?? "")
      .split(",")
      .filter(Boolean)
      .map((part) => {
        const [name, dir] = part.split(".");
        return `${column(name)} ${dir === "desc" ? "desc" : "asc"}`;
      });
    const limit = Math.min(wholeNumber(req.query, "limit", 1000), 10000);
    const offset = wholeNumber(req.query, "offset", 0);
    const sql = [
      `select ${selectList} from ${quoteIdent(schema)}.${quoteIdent(table)}`,
      where.length ? `where ${where.join(" and ")}` : "",
      order.length ? `order by ${order.join(", ")}` : "",
      `limit ${limit} offset ${offset}`,
    ].join(" ");
    const rows = await apiQuery(this.db, req.claims, sql, params);
    return { status: 200, body: this.shape(rows, req) };
  }

  /** `.single()` asks for one object via the Accept header. */
  private shape(rows: Record<string, unknown>[], req: PostgrestRequest): unknown {
    if (!(req.headers.accept ?? "").includes("application/vnd.pgrst.object+json")) return rows;
    if (rows.length !== 1) {
      throw apiError(
        406,
        "PGRST116",
        "JSON object requested, multiple (or no) rows returned",
        `The result contains ${rows.length} rows`,
      );
    }
    return rows[0];
  }

  private errorResponse(e: unknown, claims: JwtClaims): PostgrestResponse {
    if (e instanceof PostgrestError) return { status: e.status, body: e.body };
    const pg = e as PgErrorLike;
    if (typeof pg?.code === "string") {
      return { status: statusForSqlState(pg.code, claims.role === "anon"), body: pgErrorBody(pg) };
    }
    return { status: 500, body: pgErrorBody({ code: "XX000", message: (e as Error)?.message }) };
  }
}

/** limit/offset: a whole number Postgres takes as bigint, else 400 (no silent wrap to negative). */
function wholeNumber(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!/^\d{1,15}$/.test(raw) || !Number.isSafeInteger(value)) {
    throw apiError(400, "PGRST100", `"${name}=${raw}" must be a whole number from 0 to 999999999999999`);
  }
  return value;
}

function encodeArg(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === "jsonb" || type === "json") return JSON.stringify(value);
  // a JSON array for a Postgres array argument (uuid[], text[]): an array literal, as PostgREST does
  if (type.endsWith("[]") && Array.isArray(value)) {
    const item = (v: unknown) => (v === null ? "NULL" : `"${String(v).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`);
    return `{${value.map(item).join(",")}}`;
  }
  if (typeof value === "object") return JSON.stringify(value); // vectors arrive as JSON arrays
  return String(value);
}

const OPERATORS: Record<string, string> = {
  eq: "=",
  neq: "<>",
  gt: ">",
  gte: ">=",
  lt: "<",
  lte: "<=",
  like: "like",
  ilike: "ilike",
};

function filterSql(column: string, raw: string, params: unknown[]): string {
  const dot = raw.indexOf(".");
  const op = dot > 0 ? raw.slice(0, dot) : "";
  const value = raw.slice(dot + 1);
  if (op in OPERATORS) {
    const pattern = op === "like" || op === "ilike";
    params.push(pattern ? value.replace(/\*/g, "%") : value);
    // plain comparisons let Postgres type the parameter from the column (numbers stay numbers)
    return `${column}${pattern ? "::text" : ""} ${OPERATORS[op]} $${params.length}`;
  }
  if (op === "is" && ["null", "true", "false"].includes(value)) return `${column} is ${value}`;
  if (op === "in" && /^\(.*\)$/.test(value)) {
    const items = value
      .slice(1, -1)
      .split(",")
      .map((v) => v.trim().replace(/^"(.*)"$/, "$1"));
    params.push(items);
    return `${column} = any($${params.length})`;
  }
  throw apiError(
    400,
    "PGRST100",
    `"${raw}" is not a filter this catalog understands (eq, neq, gt, gte, lt, lte, like, ilike, is, in)`,
  );
}
