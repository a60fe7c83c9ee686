// The subset of PostgREST's HTTP API the panel uses, over the embedded database:
// RPC (POST /rpc/fn) and reads (GET /table?select=&col=op.value&order=&limit=), with the
// Content-Profile / Accept-Profile schema headers. Every request runs as its JWT's role.
import type { PGlite } from "@electric-sql/pglite";
import {
  apiError,
  internalFailure,
  isDatabaseError,
  pgErrorBody,
  PostgrestError,
  statusForSqlState,
} from "./http-errors";
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
  headers?: Record<string, string>;
}

/** pg_proc.provolatile: immutable, stable or volatile */
type Volatility = "i" | "s" | "v";

interface FunctionSignature {
  retset: boolean;
  volatility: Volatility;
  inputs: Array<{ name: string; type: string }>;
  required: number;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

type ProcRow = {
  retset: boolean;
  volatility: Volatility;
  names: string[];
  modes: string[];
  types: string[];
  ndefaults: number;
};

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
        `select p.proretset retset, p.provolatile volatility, coalesce(p.proargnames, '{}') names, coalesce(p.proargmodes::text[], '{}') modes,
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
        return { retset: row.retset, volatility: row.volatility, inputs, required };
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
    // GET must not write (HTTP: a safe method). PostgREST runs it read-only, so a volatile function
    // that writes fails with 25006 (405); here it is refused before it runs, whatever it would do.
    const read = req.method === "GET" || req.method === "HEAD";
    if (read && sig.volatility === "v") {
      return {
        status: 405,
        headers: { allow: "POST" },
        body: apiError(
          405,
          "25006",
          `${schema}.${name} is a VOLATILE function: it may write, and GET requests are read-only`,
          "Call it with POST.",
        ).body,
      };
    }
    const params: unknown[] = [];
    const named = sig.inputs
      .filter((a) => a.name in record)
      .map((a) => {
        params.push(encodeArg(record[a.name], a.type));
        return `${quoteIdent(a.name)} => $${params.length}::${a.type}`;
      });
    const call = `${quoteIdent(schema)}.${quoteIdent(name)}(${named.join(", ")})`;
    const sql = sig.retset ? `select * from ${call}` : `select ${call} as result`;
    // as PostgREST: read-only unless a POST calls a VOLATILE function
    const rows = await apiQuery(this.db, req.claims, sql, params, { readOnly: read || sig.volatility !== "v" });
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
    const selectList = selectParam === "*" ? "*" : selectSql(selectParam, column);
    const params: unknown[] = [];
    const where: string[] = [];
    for (const [key, raw] of req.query) {
      if (["select", "order", "limit", "offset"].includes(key)) continue;
      where.push(filterSql(column(key), raw, params));
    }
    const orderParam = req.query.get("order");
    const order = orderParam === null ? [] : orderSql(orderParam, column);
    const limit = Math.min(wholeNumber(req.query, "limit", 1000), 10000);
    const offset = wholeNumber(req.query, "offset", 0);
    const sql = [
      `select ${selectList} from ${quoteIdent(schema)}.${quoteIdent(table)}`,
      where.length ? `where ${where.join(" and ")}` : "",
      order.length ? `order by ${order.join(", ")}` : "",
      `limit ${limit} offset ${offset}`,
    ].join(" ");
    const rows = await apiQuery(this.db, req.claims, sql, params, { readOnly: true });
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
    if (isDatabaseError(e)) return { status: statusForSqlState(e.code, claims.role === "anon"), body: pgErrorBody(e) };
    return { status: 500, body: internalFailure(e, "the REST API") };
  }
}

/** PostgREST's answer to a query parameter it cannot parse. */
const parseError = (param: string, value: string, details: string) =>
  new PostgrestError(400, {
    code: "PGRST100",
    message: `"failed to parse ${param} parameter (${value})"`,
    details,
    hint: null,
  });

/** `select=a,b`: plain column names (no embedding, renaming or casts here). */
function selectSql(param: string, column: (name: string) => string): string {
  return param
    .split(",")
    .map((item) => {
      const name = item.trim();
      if (!name) throw parseError("select", param, "a column name is empty");
      return column(name);
    })
    .join(", ");
}

const DIRECTIONS = new Set(["asc", "desc"]);
const NULLS = new Map([
  ["nullsfirst", "nulls first"],
  ["nullslast", "nulls last"],
]);

/** `order=col[.asc|.desc][.nullsfirst|.nullslast],…`, PostgREST's grammar; anything else is 400,
 * never a silent ascending sort. */
function orderSql(param: string, column: (name: string) => string): string[] {
  return param.split(",").map((term) => {
    const [name, ...modifiers] = term.split(".");
    if (!name) throw parseError("order", param, `a column name is missing in "${term}"`);
    const direction = DIRECTIONS.has(modifiers[0]) ? modifiers.shift()! : "asc";
    const nulls = NULLS.get(modifiers[0] ?? "");
    if (nulls) modifiers.shift();
    if (modifiers.length) {
      throw parseError(
        "order",
        param,
        `unexpected "${modifiers.join(".")}" expecting "asc", "desc", "nullsfirst" or "nullslast"`,
      );
    }
    return [column(name), direction, nulls].filter(Boolean).join(" ");
  });
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
  if (Object.hasOwn(OPERATORS, op)) {
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
